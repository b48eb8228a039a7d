using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Timeline;

/// <summary>What a timeline is asked for: the kinds (none means all), the period and the page.</summary>
public sealed record UnitHistoryQuery(IReadOnlyCollection<string>? Kinds = null, DateOnly? From = null, DateOnly? To = null, int Page = 1,
    int PageSize = UnitHistoryQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>
    /// The kinds as given on the query string or in the API: repeated (<c>kinds=a&amp;kinds=b</c>) or separated by commas
    /// (<c>kinds=a,b</c>), in any case; blanks dropped. Null when none is given.
    /// </summary>
    public static IReadOnlyCollection<string>? KindsFrom(IEnumerable<string?>? values)
    {
        var kinds = (values ?? []).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(k => k.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        return kinds.Count == 0 ? null : kinds;
    }
}

/// <summary>One page of a unit's timeline, newest first, and the kinds the caller may filter it by.</summary>
public sealed record UnitTimeline(
    Guid UnitId, string UnitName, IReadOnlyList<UnitHistoryKind> Kinds, IReadOnlyList<UnitHistoryEntry> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// A unit's timeline: everything that happened to it, newest first, paged (decisions 0021 and 0027). The entries are stored, each
/// written by its source when its record changed; reading is the unit (read through the scoped context first, so a unit the caller
/// may not see has no timeline: 404), one count and one page of the unit's entries, whose query filter gives a provider or a district
/// only what they may read. The kinds offered are those of the sources the actor may see.
/// </summary>
public sealed class UnitHistory(AppDbContext db, ICurrentActor actor, IEnumerable<IUnitHistorySource> sources)
{
    private readonly IReadOnlyList<IUnitHistorySource> _sources = CheckKeys(sources);

    /// <summary>Every kind any source offers, whoever asks: what the API accepts in <c>kinds</c>.</summary>
    public IReadOnlyList<UnitHistoryKind> AllKinds => Distinct(_sources);

    /// <summary>The kinds the actor may see, in their order: what the filter offers.</summary>
    public IReadOnlyList<UnitHistoryKind> Kinds => Distinct(_sources.Where(s => s.IsShownTo(actor)));

    /// <summary>The years a period may name: wide enough for any unit's history, narrow enough for the calendar's arithmetic.</summary>
    public const int FirstYear = 1900, LastYear = 2200;

    /// <summary>What is wrong with the query, by field (<c>kinds</c>, <c>from</c>, <c>to</c>), in Swedish; empty when it can be answered.</summary>
    public IReadOnlyDictionary<string, string[]> Problems(UnitHistoryQuery query)
    {
        var check = new Validation();
        foreach (var (field, date) in new[] { ("from", query.From), ("to", query.To) })
        {
            if (date?.Year is < FirstYear or > LastYear)
            {
                check.Add(field, $"Ange ett datum mellan år {FirstYear} och {LastYear}.");
            }
        }
        var known = AllKinds.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        if (query.Kinds?.Where(k => !known.Contains(k)).ToList() is { Count: > 0 } unknown)
        {
            check.Add("kinds", $"Okänd typ av händelse: {string.Join(", ", unknown)}. Välj bland {string.Join(", ", AllKinds.Select(k => k.Key))}.");
        }
        if (query.From > query.To)
        {
            check.Add("to", "Till-datumet kan inte ligga före från-datumet.");
        }
        return check.Errors;
    }

    /// <summary>
    /// One page of the unit's timeline; null when there is no such unit or the caller may not see it. A page past the last
    /// shows the last, as the other lists do. Kinds the actor may not see are left out, as are kinds no source offers.
    /// </summary>
    public async Task<UnitTimeline?> ReadAsync(Guid unitId, UnitHistoryQuery query, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }
        var pageSize = Math.Clamp(query.PageSize, 1, UnitHistoryQuery.MaxPageSize);
        var kinds = Kinds;
        var chosen = kinds.Select(k => k.Key).Where(k => query.Kinds is null || query.Kinds.Contains(k)).ToList();
        if (chosen.Count == 0)
        {
            return new UnitTimeline(unit.Id, unit.Name, kinds, [], 0, 1, pageSize);
        }
        var entries = db.UnitTimelineEntries.AsNoTracking().Where(e => e.UnitId == unitId);
        if (chosen.Count < AllKinds.Count)
        {
            entries = entries.Where(KindIn(chosen));
        }
        if (query.From is { } from)
        {
            var start = SwedishCalendar.StartOf(from);
            entries = entries.Where(e => e.SortAt >= start);
        }
        if (query.To is { } to)
        {
            var end = SwedishCalendar.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.SortAt < end);
        }
        var total = await entries.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        if (total == 0)
        {
            return new UnitTimeline(unit.Id, unit.Name, kinds, [], 0, page, pageSize);
        }
        // Newest first; at the same instant by source, then by record, so that pages never skip or repeat an entry.
        var stored = await entries.OrderByDescending(e => e.SortAt).ThenBy(e => e.Source).ThenByDescending(e => e.SourceId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var bySource = _sources.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var items = stored.Where(e => bySource.ContainsKey(e.Source)).Select(e => bySource[e.Source].Describe(e)).ToList();
        return new UnitTimeline(unit.Id, unit.Name, kinds, items, total, page, pageSize);
    }

    /// <summary>
    /// <c>e =&gt; e.Kind == "a" || e.Kind == "b" …</c> with the keys as constants: there are a handful, each combination gets SQL of its
    /// own once, and none is made anew per request as a list parameter's would be.
    /// </summary>
    private static Expression<Func<UnitTimelineEntry, bool>> KindIn(IReadOnlyList<string> keys)
    {
        var entry = Expression.Parameter(typeof(UnitTimelineEntry), "e");
        var kind = Expression.Property(entry, nameof(UnitTimelineEntry.Kind));
        var body = keys.Select(k => (Expression)Expression.Equal(kind, Expression.Constant(k))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<UnitTimelineEntry, bool>>(body, entry);
    }

    private static List<UnitHistoryKind> Distinct(IEnumerable<IUnitHistorySource> sources) =>
        [.. sources.Select(s => s.Kind).DistinctBy(k => k.Key).OrderBy(k => k.Order).ThenBy(k => k.Key, StringComparer.Ordinal)];

    private static List<IUnitHistorySource> CheckKeys(IEnumerable<IUnitHistorySource> sources)
    {
        var list = sources.ToList();
        if (list.GroupBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two timeline sources share the key '{twice.Key}'; each source needs its own.");
        }
        return list;
    }
}
