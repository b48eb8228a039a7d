using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Referrals;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Infrastructure.Referrals;

/// <summary>
/// The stances on referral of one kind of matter on its unit's timeline, by the day each was decided (decision 0029). The stances
/// are the municipality's: a provider's timeline never has them, nor does the public read a timeline; a district reads them as it
/// reads case workers' observations. Each matter's feature says how its stances are read (the motivation cut as other sources cut
/// their texts), grouped on the matter and linked, under the matter's own kind.
/// </summary>
public abstract class ReferralStanceHistory() : UnitHistorySource<ReferralStanceHistory.Row>(r => r.DecidedOn, r => r.Id)
{
    public sealed class Row
    {
        public Guid Id { get; init; }
        public Guid MatterId { get; init; }
        public Guid? LinkId { get; init; }
        public ReferralAuthority Authority { get; init; }
        public ReferralDecision Decision { get; init; }
        public DateOnly DecidedOn { get; init; }
        public required string Motivation { get; init; }
    }

    /// <summary>The matter as the title names it: "händelsen", "klagomålet", "bristen".</summary>
    protected abstract string Matter { get; }

    /// <summary>The address of the matter's page; <see cref="Row.LinkId"/> is the page's id where it is not the matter's own.</summary>
    protected abstract string Link(Row row);

    public override bool IsShownTo(ICurrentActor actor) => Roles.Municipal.Any(actor.IsInRole);

    /// <summary>Never a provider's, whatever its unit: the stances are the municipality's internal record.</summary>
    protected override bool ProviderSees(Row row) => false;

    protected override UnitHistoryText Describe(Row row, Guid unitId) => new(
        $"Ställningstagande om anmälan till {ReferralRules.Swedish(row.Authority)}: {row.Decision.Name().ToLower(SwedishText.Culture)}",
        $"Gäller {Matter}. {UnitHistoryText.Excerpt(row.Motivation)}",
        Link(row));
}
