using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Timeline;

/// <summary>
/// A timeline source over one query of rows (decision 0027): every unit's rows (<see cref="Rows"/>, projected with object
/// initialisers so that EF Core can select the touched groups and units in SQL), when each happened — a day
/// (<see cref="DateOnly"/>) or an instant (<see cref="DateTimeOffset"/>) — and its id. The base rewrites the stored entries of what a
/// change touched, keeps each row as JSON and describes it when read, the same way for every source.
/// </summary>
public abstract class UnitHistorySource<TRow> : IUnitHistorySource where TRow : class
{
    /// <summary>Enums by name, so that a stored row still reads after an enum gains a member.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Func<TRow, DateOnly>? _on;
    private readonly Func<TRow, DateTimeOffset>? _at;
    private readonly Func<TRow, Guid> _id;

    /// <summary>A source whose records are kept by day, such as a complaint's date of receipt.</summary>
    protected UnitHistorySource(Func<TRow, DateOnly> on, Func<TRow, Guid> id) => (_on, _id) = (on, id);

    /// <summary>A source whose records keep the instant, such as a review's step.</summary>
    protected UnitHistorySource(Func<TRow, DateTimeOffset> at, Func<TRow, Guid> id) => (_at, _id) = (at, id);

    public abstract string Key { get; }

    public abstract UnitHistoryKind Kind { get; }

    public virtual bool IsShownTo(ICurrentActor actor) => true;

    public abstract void Touch(object entity, UnitHistoryTouches touches);

    /// <summary>Every unit's rows; the base reads them without the query filters, as the system keeps the timeline for everyone.</summary>
    protected abstract IQueryable<UnitHistoryRow<TRow>> Rows(AppDbContext db);

    /// <summary>Whether a user of the unit's provider may read the row's entry; by default yes, as for what is the provider's own.</summary>
    protected virtual bool ProviderSees(TRow row) => true;

    /// <summary>Whether a district user may read the row's entry, on a unit of the district; by default yes.</summary>
    protected virtual bool DistrictSees(TRow row) => true;

    /// <summary>The title, summary and link of one row on the unit's timeline, in Swedish.</summary>
    protected abstract UnitHistoryText Describe(TRow row, Guid unitId);

    public async Task RewriteAsync(AppDbContext db, Guid[] groups, Guid[] units, CancellationToken cancellationToken)
    {
        var key = Key;
        await db.UnitTimelineEntries.IgnoreQueryFilters()
            .Where(e => e.Source == key && (groups.Contains(e.GroupId) || units.Contains(e.UnitId)))
            .ExecuteDeleteAsync(cancellationToken);
        var rows = await Rows(db).IgnoreQueryFilters().AsNoTracking()
            .Where(r => groups.Contains(r.GroupId) || units.Contains(r.UnitId))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }
        var entries = rows.Select(r => new UnitTimelineEntry
        {
            UnitId = r.UnitId,
            Source = key,
            GroupId = r.GroupId,
            SourceId = _id(r.Row),
            Kind = Kind.Key,
            SortAt = _on is not null ? SwedishCalendar.StartOf(_on(r.Row)) : _at!(r.Row),
            VisibleToProvider = ProviderSees(r.Row),
            VisibleToDistrict = DistrictSees(r.Row),
            Payload = JsonSerializer.Serialize(r.Row, Json),
        }).ToList();
        db.UnitTimelineEntries.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        // Written, not worked on: the save's context goes on with what it was doing, without these.
        foreach (var entry in entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
    }

    public UnitHistoryEntry Describe(UnitTimelineEntry stored)
    {
        var row = JsonSerializer.Deserialize<TRow>(stored.Payload, Json)
            ?? throw new InvalidOperationException($"The timeline entry {stored.Id} of source '{Key}' holds no row.");
        var text = Describe(row, stored.UnitId);
        var (date, at) = _on is not null ? (_on(row), (DateTimeOffset?)null) : (SwedishCalendar.DateOf(_at!(row)), _at(row));
        return new UnitHistoryEntry(date, at, Kind.Key, Kind.Name, text.Title, text.Summary, text.Link);
    }
}
