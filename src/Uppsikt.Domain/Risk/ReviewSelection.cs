using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.Risk;

/// <summary>
/// A committee's accepted selection of the units to review in a year (specification rule 7): what <see cref="AnnualSelection"/>
/// proposed from the capacity, the scores and the seed, kept with its method and seed so that anyone can see why a unit was
/// chosen and re-run it. One per committee and year; accepting it planned one review per selected unit.
/// </summary>
public sealed class ReviewSelection : Entity
{
    public Guid CommitteeId { get; init; }

    public int Year { get; init; }

    public int Seed { get; init; }

    /// <summary>The share of each pool's hours, after the mandatory follow-ups, that went to the highest risks.</summary>
    public int RiskSharePercent { get; init; }

    /// <summary>The number of units considered.</summary>
    public int Candidates { get; init; }

    public DateOnly AcceptedOn { get; init; }

    public required string AcceptedById { get; init; }

    public required string AcceptedByName { get; init; }

    public List<SelectionPool> Pools { get; init; } = [];

    public List<SelectionItem> Items { get; init; } = [];

    /// <summary>The method in words, as the plan publishes it.</summary>
    public string Method => MethodOf(RiskSharePercent, Seed);

    /// <summary>The method of a selection with this share for the highest risks and this seed, in words.</summary>
    public static string MethodOf(int riskSharePercent, int seed) =>
        $"Obligatoriska uppföljningar och passerade intervall först, därefter de högsta riskpoängen inom {riskSharePercent} % av återstående timmar, "
        + $"och resten som slumpat tillitsstickprov med frö {seed}. Samma frö och samma underlag ger samma urval.";

    /// <summary>Keeps an accepted proposal; <paramref name="reviewIds"/> holds the review planned for each selected unit.</summary>
    public static ReviewSelection Accept(Guid committeeId, int year, SelectionProposal proposal, int riskSharePercent, IReadOnlyDictionary<Guid, Guid> reviewIds,
        WorkflowActor actor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(reviewIds);
        ArgumentNullException.ThrowIfNull(actor);
        var selection = new ReviewSelection
        {
            CommitteeId = committeeId,
            Year = year,
            Seed = proposal.Seed,
            RiskSharePercent = riskSharePercent,
            Candidates = proposal.Candidates,
            AcceptedOn = today,
            AcceptedById = actor.UserId ?? "",
            AcceptedByName = actor.Name,
        };
        selection.Pools.AddRange(proposal.Pools.Select(p => new SelectionPool
        {
            SelectionId = selection.Id,
            AdministrationId = p.DistrictId,
            Capacity = p.Capacity,
            Used = p.Used,
            Shortfall = p.Shortfall,
        }));
        selection.Items.AddRange(proposal.Selected.Select(s => new SelectionItem
        {
            SelectionId = selection.Id,
            UnitId = s.UnitId,
            AdministrationId = s.DistrictId,
            Type = s.Type,
            Hours = s.Hours,
            Reason = s.Reason,
            Explanation = s.Explanation,
            Rank = s.Rank,
            ReviewId = reviewIds.TryGetValue(s.UnitId, out var reviewId) ? reviewId : null,
        }));
        return selection;
    }
}

/// <summary>The hours of one pool (the central unit's, or a district administration's) and how the selection used them.</summary>
public sealed class SelectionPool : Entity
{
    public Guid SelectionId { get; init; }

    /// <summary>Null for the central unit.</summary>
    public Guid? AdministrationId { get; init; }

    public decimal Capacity { get; init; }

    public decimal Used { get; init; }

    public decimal Shortfall { get; init; }
}

/// <summary>One selected unit: the review it gets, its hours, and why it was chosen.</summary>
public sealed class SelectionItem : Entity
{
    public Guid SelectionId { get; init; }

    public Guid UnitId { get; init; }

    public Guid? AdministrationId { get; init; }

    public ReviewType Type { get; init; }

    public decimal Hours { get; init; }

    public SelectionReason Reason { get; init; }

    public required string Explanation { get; init; }

    public int Rank { get; init; }

    /// <summary>The review planned for the unit; null if it could not be planned (the note in the log says why).</summary>
    public Guid? ReviewId { get; init; }
}
