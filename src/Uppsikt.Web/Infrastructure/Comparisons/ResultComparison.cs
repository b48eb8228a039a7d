using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Infrastructure.Comparisons;

/// <summary>The "Results" settings: how many answers a result must rest on to be shown outside the municipality's staff.</summary>
public sealed class ResultSettings
{
    public const string Section = "Results";

    /// <summary>Results from fewer answers are suppressed (decision 0041); 5 by default.</summary>
    [Range(1, 1000)]
    public int MinimumAnswers { get; set; } = ResultStatistics.DefaultMinimumAnswers;
}

/// <summary>
/// Which comparison: an indicator and a year (by default the first share, else indicator, with whole-year results and its latest year), the
/// units of a committee or choice system (all when none), and for the table alone in-house or other units (both when null).
/// </summary>
public sealed record EqualTermsFilter(Guid? IndicatorId = null, int? Year = null, Guid? CommitteeId = null, Guid? ChoiceSystemId = null, bool? InHouse = null);

/// <summary>Several units' results as one: the n-weighted value, the answers summed, how many units and the 95 % interval.</summary>
public sealed record PooledResult(double? Value, int Answers, int Units, ConfidenceInterval? Interval);

/// <summary>
/// One unit's whole-year result against the municipality's pooled result. A suppressed result (fewer answers than the minimum)
/// has no interval and no verdict, and only the staff ever get it.
/// </summary>
public sealed record UnitComparison(
    Guid UnitId, string UnitName, string ProviderName, bool InHouse, double Value, int? Answers, ConfidenceInterval? Interval,
    bool Suppressed, ComparisonVerdict? Verdict);

/// <summary>One indicator's results of a year: the three pools, the in-house against the others, and each unit's result.</summary>
public sealed record IndicatorComparison(
    bool HasIntervals, PooledResult Municipality, PooledResult InHouse, PooledResult Private, ComparisonVerdict InHouseAgainstPrivate,
    IReadOnlyList<UnitComparison> Units);

/// <summary>
/// The equal-terms comparison of one indicator and year (decision 0041): the in-house units pooled against the others pooled, and
/// each unit against the municipality's pooled result, sorted and paged. Intervals only when the indicator is a share.
/// </summary>
public sealed record EqualTermsComparison(
    Guid IndicatorId, string IndicatorCode, string IndicatorName, string UnitOfMeasure, IndicatorValueKind ValueKind, int Year,
    IReadOnlyList<int> Years, bool HasIntervals, int MinimumAnswers, PooledResult Municipality, PooledResult InHouse, PooledResult Private,
    ComparisonVerdict InHouseAgainstPrivate, PagedList<UnitComparison> Units);

/// <summary>
/// Compares units' results on equal terms (decision 0041), written once for every reader: the staff's page and API now, public
/// pages later. Results from fewer answers than <see cref="ResultSettings.MinimumAnswers"/> are left out of every pool and
/// verdict; the staff see them marked, any other reader does not get them at all.
/// </summary>
public sealed class ResultComparison(AppDbContext db, ICurrentActor actor, ResultSettings settings, TimeProvider clock)
{
    public static readonly SortColumns<UnitComparison> Sort = new SortColumns<UnitComparison>("unit")
        .Add("unit", r => r.UnitName)
        .Add("provider", r => r.ProviderName)
        .Add("value", r => r.Value)
        .Add("answers", r => r.Answers);

    /// <summary>The comparison, or why the filter cannot give one (by query parameter); both null when no indicator has a whole-year result yet.</summary>
    public async Task<(EqualTermsComparison? Comparison, SaveResult? Refused)> CompareAsync(EqualTermsFilter filter, ListQuery list, CancellationToken cancellationToken)
    {
        var check = new Validation();
        if (filter.Year is < OutcomePeriod.FirstYear or > OutcomePeriod.LastYear)
        {
            check.Add("year", $"Året ska vara mellan {OutcomePeriod.FirstYear} och {OutcomePeriod.LastYear}.");
        }
        if (filter.CommitteeId is { } committeeId && !await db.Committees.AnyAsync(c => c.Id == committeeId, cancellationToken))
        {
            check.Add("committeeId", "Nämnden finns inte.");
        }
        if (filter.ChoiceSystemId is { } choiceSystemId && !await db.ChoiceSystems.AnyAsync(c => c.Id == choiceSystemId, cancellationToken))
        {
            check.Add("choiceSystemId", "Kundvalet finns inte.");
        }
        var wholeYears = db.Outcomes.AsNoTracking().Where(o => o.PeriodKind == PeriodKind.Year);
        // By default the first share with results, which the comparison can say most about, else the first indicator with results.
        // Asked of the few indicators, each by its key's prefix in the results, not by sorting every whole-year result of the municipality.
        var indicatorId = filter.IndicatorId ?? await db.Indicators.AsNoTracking()
            .Where(i => wholeYears.Any(o => o.IndicatorId == i.Id))
            .OrderBy(i => i.ValueKind == IndicatorValueKind.Share ? 0 : 1).ThenBy(i => i.Code)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (indicatorId is null)
        {
            return check.IsValid ? (null, null) : (null, check.Fail());
        }
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            check.Add("indicatorId", "Indikatorn finns inte.");
        }
        if (!check.IsValid)
        {
            return (null, check.Fail());
        }

        var years = await wholeYears.Where(o => o.IndicatorId == indicatorId).Select(o => o.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        var year = filter.Year ?? (years.Count > 0 ? years[0] : clock.GetLocalNow().Year);
        var rows = await RowsAsync([indicator!.Id], year, filter.CommitteeId, filter.ChoiceSystemId, cancellationToken);
        var compared = Compare(indicator, rows);
        var table = compared.Units.Where(r => filter.InHouse is not { } inHouse || r.InHouse == inHouse);
        return (new EqualTermsComparison(indicator.Id, indicator.Code, indicator.Name, indicator.UnitOfMeasure, indicator.ValueKind, year, years,
            compared.HasIntervals, settings.MinimumAnswers, compared.Municipality, compared.InHouse, compared.Private,
            compared.InHouseAgainstPrivate, table.ToPage(list, Sort, r => r.UnitId)), null);
    }

    /// <summary>
    /// Several indicators' whole-year results of one year compared as <see cref="CompareAsync"/> compares one, for the units of a
    /// committee or choice system (all when none), in a fixed number of queries however many indicators: a survey's questions.
    /// Each indicator's units are sorted by name; indicators without results are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IndicatorComparison>> CompareEachAsync(
        IReadOnlyCollection<Guid> indicatorIds, int year, Guid? committeeId, Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var rows = await RowsAsync(indicatorIds, year, committeeId, choiceSystemId, cancellationToken);
        return rows.GroupBy(r => r.IndicatorId).ToDictionary(g => g.Key, g => Compare(indicators[g.Key], [.. g.OrderBy(r => r.UnitName, StringComparer.CurrentCulture)]));
    }

    private sealed record ResultRow(Guid IndicatorId, Guid UnitId, string UnitName, string? ProviderName, Ownership Ownership, double Value, int? Answers);

    private async Task<List<ResultRow>> RowsAsync(
        IReadOnlyCollection<Guid> indicatorIds, int year, Guid? committeeId, Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        var units = db.Units.AsNoTracking();
        if (committeeId is { } committee)
        {
            units = units.Where(u => u.ChoiceSystems.Any(c => c.CommitteeId == committee));
        }
        if (choiceSystemId is { } choiceSystem)
        {
            units = units.Where(u => u.ChoiceSystems.Any(c => c.Id == choiceSystem));
        }
        return await (
            from o in db.Outcomes.AsNoTracking().Where(o => o.PeriodKind == PeriodKind.Year && indicatorIds.Contains(o.IndicatorId) && o.Year == year)
            join u in units on o.UnitId equals u.Id
            select new ResultRow(o.IndicatorId, u.Id, u.Name, u.Provider != null ? u.Provider.Name : null, u.Ownership, o.Value, o.Answers))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One indicator's results pooled for the municipality, the in-house units and the others, and each unit against the
    /// municipality. A suppressed result is left out of every pool for every reader, so that no pool, set beside another, gives
    /// it away; only the staff get it at all, marked.
    /// </summary>
    private IndicatorComparison Compare(Indicator indicator, IReadOnlyList<ResultRow> rows)
    {
        var scale = indicator.Scale;
        var results = rows.Select(r => (Row: r, InHouse: r.Ownership == Ownership.InHouse, Result: new ResultWithBase(r.Value, r.Answers),
            Suppressed: ResultStatistics.IsSuppressed(r.Answers, settings.MinimumAnswers))).ToList();
        PooledResult Pooled(Func<bool, bool> inHouse)
        {
            var parts = results.Where(r => !r.Suppressed && inHouse(r.InHouse)).ToList();
            var pool = ResultStatistics.Pool(parts.Select(p => p.Result));
            return new PooledResult(pool?.Value, pool?.Answers ?? 0, parts.Count, pool is not null && scale is { } s ? ResultStatistics.IntervalOf(s, pool) : null);
        }
        var municipality = Pooled(_ => true);
        var inHousePool = Pooled(inHouse => inHouse);
        var privatePool = Pooled(inHouse => !inHouse);
        var staff = actor.IsStaff();
        var units = results
            .Where(r => staff || !r.Suppressed)
            .Select(r =>
            {
                var interval = r.Suppressed || scale is not { } s ? null : ResultStatistics.IntervalOf(s, r.Result);
                return new UnitComparison(r.Row.UnitId, r.Row.UnitName, r.Row.ProviderName ?? "–", r.InHouse, r.Row.Value, r.Row.Answers, interval, r.Suppressed,
                    r.Suppressed ? null : ResultStatistics.Compare(interval, municipality.Interval));
            })
            .ToList();
        return new IndicatorComparison(scale is not null, municipality, inHousePool, privatePool,
            ResultStatistics.Compare(inHousePool.Interval, privatePool.Interval), units);
    }
}

public static class ResultComparisonRegistration
{
    public static IServiceCollection AddResultComparison(this IServiceCollection services)
    {
        services.AddSettings<ResultSettings>(ResultSettings.Section);
        services.AddScoped<ResultComparison>();
        return services;
    }
}
