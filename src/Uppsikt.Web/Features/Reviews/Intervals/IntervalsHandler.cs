using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Reviews;

namespace Uppsikt.Web.Features.Reviews.Intervals;

/// <summary>Which units the interval list shows.</summary>
public enum IntervalFilter
{
    [Display(Name = "Alla enheter")] All = 0,
    [Display(Name = "Aktuella inom 90 dagar")] DueSoon = 1,
    [Display(Name = "Försenade")] Overdue = 2,
}

/// <summary>One unit's next review or follow-up: when, why, and what the rule read.</summary>
public sealed record IntervalRow
{
    public required Guid UnitId { get; init; }
    public required string UnitName { get; init; }
    public required Guid ProviderId { get; init; }
    public required string ProviderName { get; init; }

    /// <summary>The committee's choice system whose interval applies: the shortest, when the unit is in several.</summary>
    public required Guid ChoiceSystemId { get; init; }
    public required string ChoiceSystemName { get; init; }
    public required int IntervalMonths { get; init; }

    /// <summary>The latest finalised regular review covering the unit (<see cref="ReviewTypes.Regular"/>); null if none.</summary>
    public Guid? LastReviewId { get; init; }
    public string? LastReviewTitle { get; init; }
    public DateOnly? LastReviewOn { get; init; }
    public Assessment? LastResult { get; init; }
    public int OpenDeficiencies { get; init; }
    public required DateOnly DueOn { get; init; }
    public required DueReason Reason { get; init; }
    public required bool Overdue { get; init; }
}

/// <summary>A committee's units with their next due dates, and what the year's proposal reads.</summary>
public sealed record CommitteeIntervals(Guid CommitteeId, string CommitteeName, DateOnly Today, IReadOnlyList<UnitInterval> Units)
{
    /// <summary>The units due within this many days count as due soon.</summary>
    public const int DueSoonDays = 90;

    public IEnumerable<IntervalRow> Rows(IntervalFilter filter) => filter switch
    {
        IntervalFilter.Overdue => Units.Select(u => u.Row).Where(r => r.Overdue),
        IntervalFilter.DueSoon => Units.Select(u => u.Row).Where(r => r.DueOn <= Today.AddDays(DueSoonDays)),
        _ => Units.Select(u => u.Row),
    };

    /// <summary>The units <see cref="ReviewInterval.ProposedFor"/> puts in <paramref name="year"/>'s regular reviews, by provider and unit.</summary>
    public IReadOnlyList<IntervalRow> ProposedFor(int year) =>
        [.. Units.Where(u => ReviewInterval.ProposedFor(year, u.Facts)).Select(u => u.Row)
            .OrderBy(r => r.ProviderName, StringComparer.CurrentCulture).ThenBy(r => r.UnitName, StringComparer.CurrentCulture)];
}

/// <summary>A unit's row and the facts it was computed from.</summary>
public sealed record UnitInterval(IntervalRow Row, UnitReviewFacts Facts);

/// <summary>
/// Review intervals per committee (specification rule 2): for each open unit with a provider in the committee's running
/// choice systems, the facts <see cref="ReviewInterval"/> reads, and its due date and reason. Four queries whatever the
/// number of units — units, the committee's choice systems they serve, their finalised regular reviews, their deficiencies —
/// joined in memory; three for units the caller has read with their choice systems (<see cref="IReviewDue"/>).
/// </summary>
public sealed class IntervalsHandler(AppDbContext db, RegisterLookups lookups, LatestRegularReviews latestReviews, TimeProvider clock) : IReviewDue
{
    /// <summary>A committee's running choice system as the interval rule reads it.</summary>
    private sealed record Served(Guid Id, string Name, int ReviewIntervalMonths);

    /// <summary>A unit's due date, and what it was computed from.</summary>
    private sealed record Computed(Served Choice, LatestRegularReview? Last, int OpenDeficiencies, UnitReviewFacts Facts, ReviewDue Due);

    async Task<IReadOnlyList<UnitDue>> IReviewDue.ForUnitsAsync(
        Guid committeeId, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> choiceSystemsOf, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var running = await db.ChoiceSystems.AsNoTracking()
            .Where(c => c.CommitteeId == committeeId && (c.PhasedOutOn == null || c.PhasedOutOn > today))
            .Select(c => new Served(c.Id, c.Name, c.ReviewIntervalMonths))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var served = choiceSystemsOf
            .Select(u => (UnitId: u.Key, Systems: (IReadOnlyList<Served>)[.. u.Value.Where(running.ContainsKey).Select(id => running[id])]))
            .Where(u => u.Systems.Count > 0)
            .ToDictionary(u => u.UnitId, u => u.Systems);
        return [.. (await ComputeAsync(served, today, cancellationToken)).Select(u => new UnitDue(u.Key, u.Value.Due.DueOn, u.Value.Due.Reason, u.Value.Last?.Id))];
    }

    public static readonly SortColumns<IntervalRow> Sort = new SortColumns<IntervalRow>("dueOn")
        .Add("dueOn", r => r.DueOn)
        .Add("unit", r => r.UnitName)
        .Add("provider", r => r.ProviderName)
        .Add("choiceSystem", r => r.ChoiceSystemName)
        .Add("lastReviewOn", r => r.LastReviewOn);

    /// <summary>The committee's units and their intervals; null when the committee does not exist.</summary>
    public async Task<CommitteeIntervals?> ForCommitteeAsync(Guid? committeeId, CancellationToken cancellationToken)
    {
        if (await lookups.CommitteeOrFirstAsync(committeeId, cancellationToken) is not { } committee)
        {
            return null;
        }
        var today = clock.SwedishToday();
        return new CommitteeIntervals(committee.Id, committee.Name, today, await UnitsAsync(committee.Id, today, cancellationToken));
    }

    private async Task<List<UnitInterval>> UnitsAsync(Guid cid, DateOnly today, CancellationToken cancellationToken)
    {
        // Query filters apply throughout: a district's follow-up officer gets the district's units, reviews and deficiencies.
        var units = lookups.UnitsFollowedUpBy(cid, today).AsNoTracking();
        var unitRows = await units
            .Select(u => new { u.Id, u.Name, ProviderId = u.ProviderId!.Value, ProviderName = u.Provider!.Name })
            .ToListAsync(cancellationToken);

        // The committee's running choice systems each unit serves, as rows: projected as a collection of each unit, SQLite joins
        // every unit's choice systems before filtering.
        var served = (await units.SelectMany(u => u.ChoiceSystems.Where(c => c.CommitteeId == cid && (c.PhasedOutOn == null || c.PhasedOutOn > today)),
                    (u, c) => new { UnitId = u.Id, System = new Served(c.Id, c.Name, c.ReviewIntervalMonths) })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.UnitId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Served>)[.. g.Select(c => c.System)]);
        var computed = await ComputeAsync(served, today, cancellationToken);

        return [.. unitRows.Select(unit =>
        {
            var (choice, last, open, facts, due) = computed[unit.Id];
            return new UnitInterval(new IntervalRow
            {
                UnitId = unit.Id,
                UnitName = unit.Name,
                ProviderId = unit.ProviderId,
                ProviderName = unit.ProviderName,
                ChoiceSystemId = choice.Id,
                ChoiceSystemName = choice.Name,
                IntervalMonths = choice.ReviewIntervalMonths,
                LastReviewId = last?.Id,
                LastReviewTitle = last?.Title,
                LastReviewOn = last?.FinalisedOn,
                LastResult = last?.Result,
                OpenDeficiencies = open,
                DueOn = due.DueOn,
                Reason = due.Reason,
                Overdue = due.IsOverdue(today),
            }, facts);
        })];
    }

    /// <summary>
    /// The due date of each unit of <paramref name="served"/> (each with at least one of the committee's running choice systems it
    /// serves), under the shortest of their intervals, from the units' latest regular reviews and their deficiencies.
    /// </summary>
    private async Task<Dictionary<Guid, Computed>> ComputeAsync(IReadOnlyDictionary<Guid, IReadOnlyList<Served>> served, DateOnly today, CancellationToken cancellationToken)
    {
        var unitIds = served.Keys.ToList();
        var latest = await latestReviews.ForUnitsAsync(unitIds, cancellationToken);

        // The open deficiencies of any origin, and those found by reviews (whose fixed dates give the follow-up date).
        var deficiencies = await db.Deficiencies.AsNoTracking()
            .Where(d => unitIds.Contains(d.UnitId)
                && (d.State == DeficiencyState.Open || d.ActionPlan!.Origin == DeficiencyOrigin.Review))
            .Select(d => new { d.UnitId, d.State, d.DeadlineOn, d.FixedOn, d.ActionPlan!.Origin, d.ActionPlan.OriginId })
            .ToListAsync(cancellationToken);
        var byUnit = deficiencies.ToLookup(d => d.UnitId);

        var result = new Dictionary<Guid, Computed>(unitIds.Count);
        foreach (var (unitId, systems) in served)
        {
            var choice = systems.OrderBy(c => c.ReviewIntervalMonths).ThenBy(c => c.Name, StringComparer.CurrentCulture).First();
            var last = latest.GetValueOrDefault(unitId);
            var unitDeficiencies = byUnit[unitId].ToList();
            var open = unitDeficiencies.Where(d => d.State == DeficiencyState.Open).Select(d => d.DeadlineOn).ToList();
            var fromLast = last is null ? []
                : unitDeficiencies.Where(d => d.Origin == DeficiencyOrigin.Review && d.OriginId == last.Id).ToList();
            DateOnly? fixedOn = fromLast.Count > 0 && fromLast.All(d => d.State == DeficiencyState.Fixed && d.FixedOn is not null)
                ? fromLast.Max(d => d.FixedOn) : null;
            var facts = new UnitReviewFacts(last?.FinalisedOn, last?.Result, open, fixedOn);
            var due = ReviewInterval.Next(facts, Math.Clamp(choice.ReviewIntervalMonths,
                ReviewInterval.MinMonthsWithoutDeficiencies, ReviewInterval.MaxMonthsWithoutDeficiencies), today);
            result[unitId] = new Computed(choice, last, open.Count, facts, due);
        }
        return result;
    }

    /// <summary>One page of a committee's rows, filtered and sorted (the earliest due first unless a column is chosen); null when the committee does not exist.</summary>
    public async Task<PagedList<IntervalRow>?> ListAsync(ListQuery list, Guid? committeeId, IntervalFilter filter, CancellationToken cancellationToken) =>
        await ForCommitteeAsync(committeeId, cancellationToken) is { } intervals
            ? intervals.Rows(filter).ToPage(list, Sort, r => r.UnitId)
            : null;
}
