using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;

namespace Uppsikt.Web.Features.Evidence.Indicators;

/// <summary>One period of a unit's results for an indicator, with the number of answers it rests on (when known) and what it is judged against.</summary>
public sealed record ResultPoint(string Period, int Year, PeriodKind PeriodKind, int PeriodNumber, double Value, int? Answers, double? Average, bool BelowTarget);

/// <summary>A unit's results for one indicator over time; the target is the strictest of the unit's choice systems'.</summary>
public sealed record IndicatorSeries(
    Guid IndicatorId, string Code, string Name, string UnitOfMeasure, Direction Direction, EvidenceSource Source, double? Target,
    IReadOnlyList<ResultPoint> Points)
{
    public ResultPoint Latest => Points[^1];
}

/// <summary>A unit's results grouped by the evidence source they come from.</summary>
public sealed record EvidenceGroup(EvidenceSource Source, IReadOnlyList<IndicatorSeries> Indicators);

public sealed record UnitResults(Guid UnitId, string UnitName, IReadOnlyList<EvidenceGroup> Groups);

/// <summary>Reads units' indicator results through the scoped query filters: a provider user gets its own units' only.</summary>
public sealed class IndicatorResults(AppDbContext db)
{
    /// <summary>The unit's results by source, or null when the caller may not see the unit.</summary>
    public async Task<UnitResults?> ForUnitAsync(Guid unitId, CancellationToken cancellationToken)
    {
        if (await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) is not { } unitName)
        {
            return null;
        }
        var series = await SeriesAsync([unitId], withAverages: true, cancellationToken);
        var groups = series.GetValueOrDefault(unitId, [])
            .GroupBy(s => s.Source).OrderBy(g => g.Key)
            .Select(g => new EvidenceGroup(g.Key, [.. g.OrderBy(s => s.Name, StringComparer.Create(Infrastructure.SwedishText.Culture, false))]))
            .ToList();
        return new UnitResults(unitId, unitName, groups);
    }

    /// <summary>
    /// Each unit's series, for the units among <paramref name="unitIds"/> (all the caller sees when null). A caller that has read
    /// the units' choice systems (every one each unit serves, by unit) passes them as <paramref name="choiceSystemsOf"/>.
    /// </summary>
    internal async Task<Dictionary<Guid, List<IndicatorSeries>>> SeriesAsync(IReadOnlyCollection<Guid>? unitIds, bool withAverages, CancellationToken cancellationToken,
        IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>? choiceSystemsOf = null)
    {
        var outcomes = db.Outcomes.AsNoTracking();
        if (unitIds is not null)
        {
            outcomes = outcomes.Where(o => unitIds.Contains(o.UnitId));
        }
        var rows = await outcomes.Select(o => new { o.UnitId, o.IndicatorId, o.Year, o.PeriodKind, o.PeriodNumber, o.Value, o.Answers }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var indicatorIds = rows.Select(r => r.IndicatorId).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).Include(i => i.Targets)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var units = rows.Select(r => r.UnitId).Distinct().ToList();
        // The units' choice systems as rows of their own: as a collection of each unit, SQLite joins every unit's choice systems first.
        var choices = choiceSystemsOf is not null
            ? units.SelectMany(u => choiceSystemsOf.GetValueOrDefault(u, []), (u, c) => (UnitId: u, ChoiceSystemId: c)).ToLookup(c => c.UnitId, c => c.ChoiceSystemId)
            : (await db.Units.AsNoTracking().Where(u => units.Contains(u.Id))
                    .SelectMany(u => u.ChoiceSystems, (u, c) => new { UnitId = u.Id, ChoiceSystemId = c.Id })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.UnitId, c => c.ChoiceSystemId);
        var averages = withAverages
            ? (await db.OutcomeAverages.AsNoTracking().Where(a => indicatorIds.Contains(a.IndicatorId)).ToListAsync(cancellationToken))
                .ToDictionary(a => (a.IndicatorId, new OutcomePeriod(a.Year, a.PeriodKind, a.PeriodNumber)), a => a.Value)
            : [];

        var result = new Dictionary<Guid, List<IndicatorSeries>>();
        foreach (var unit in rows.GroupBy(r => r.UnitId))
        {
            var unitChoices = choices[unit.Key].ToHashSet();
            result[unit.Key] = [.. unit.GroupBy(r => r.IndicatorId).Select(g =>
            {
                var indicator = indicators[g.Key];
                var target = indicator.StrictestTarget(indicator.Targets.Where(t => unitChoices.Contains(t.ChoiceSystemId)).Select(t => t.Value));
                var points = g.Select(r =>
                    {
                        var period = new OutcomePeriod(r.Year, r.PeriodKind, r.PeriodNumber);
                        return (Period: period, Point: new ResultPoint(period.ToString(), r.Year, r.PeriodKind, r.PeriodNumber, r.Value, r.Answers,
                            averages.TryGetValue((g.Key, period), out var average) ? average : null,
                            target is { } t && indicator.IsBelowTarget(r.Value, t)));
                    })
                    .OrderBy(p => p.Period).Select(p => p.Point).ToList();
                return new IndicatorSeries(indicator.Id, indicator.Code, indicator.Name, indicator.UnitOfMeasure, indicator.Direction,
                    indicator.Source, target, points);
            })];
        }
        return result;
    }
}

/// <summary>A result below its target: the indicator, the period and both values.</summary>
public sealed record BelowTargetFlag(Guid IndicatorId, string Code, string Name, EvidenceSource Source, string Period, double Value, double Target);

/// <summary>
/// Which of a unit's indicators are below target in their latest period: what a risk score reads. Scoped like every
/// other read, so a provider user is only ever told about its own units.
/// </summary>
public sealed class IndicatorFlags(IndicatorResults results)
{
    public async Task<IReadOnlyList<BelowTargetFlag>> BelowTargetAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        (await results.SeriesAsync([unitId], withAverages: false, cancellationToken)).GetValueOrDefault(unitId, [])
            .Where(s => s.Latest.BelowTarget)
            .Select(s => new BelowTargetFlag(s.IndicatorId, s.Code, s.Name, s.Source, s.Latest.Period, s.Latest.Value, s.Target!.Value))
            .OrderBy(f => f.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// For each unit, how many indicators are below target now; units with none are left out. The units are given with every
    /// choice system each serves (whose targets apply), by unit; all the caller sees when null.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> CountBelowTargetAsync(
        IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>? choiceSystemsOf = null, CancellationToken cancellationToken = default) =>
        (await results.SeriesAsync(choiceSystemsOf is null ? null : [.. choiceSystemsOf.Keys], withAverages: false, cancellationToken, choiceSystemsOf))
            .Select(u => (u.Key, Count: u.Value.Count(s => s.Latest.BelowTarget)))
            .Where(u => u.Count > 0)
            .ToDictionary(u => u.Key, u => u.Count);
}
