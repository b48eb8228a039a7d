using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Timeline;

/// <summary>
/// A kind of entry on a unit's timeline, as the filter offers it: <paramref name="Key"/> for the query string and the API,
/// <paramref name="Name"/> in Swedish for people, <paramref name="Order"/> its place among the kinds. Several sources may
/// share a kind (a quality report's submission and its approval are both "kvalitetsrapporter").
/// </summary>
public sealed record UnitHistoryKind(string Key, string Name, int Order);

/// <summary>
/// One thing that happened to a unit: the day it happened (in Sweden) and, where the record keeps it, the instant; its kind; a
/// title, a short summary and the address of the record's own page.
/// </summary>
public sealed record UnitHistoryEntry(DateOnly Date, DateTimeOffset? At, string Kind, string KindName, string Title, string? Summary, string Link);

/// <summary>What a source says of one of its records.</summary>
public sealed record UnitHistoryText(string Title, string? Summary, string Link)
{
    /// <summary>How many characters of a record's free text a summary shows; sources read one more from the database, to know it goes on.</summary>
    public const int ExcerptLength = 200;

    /// <summary>The start of a free text, cut at a word and marked with an ellipsis when it goes on.</summary>
    public static string? Excerpt(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length <= ExcerptLength)
        {
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }
        var cut = trimmed[..ExcerptLength];
        var space = cut.LastIndexOf(' ');
        return (space > ExcerptLength / 2 ? cut[..space] : cut).TrimEnd(' ', ',', '.', ';', ':') + " …";
    }
}

/// <summary>
/// What saved changes touch of one source's entries: the record groups (a review, a complaint) and the units whose entries of the
/// source must be rewritten from the records as they now are.
/// </summary>
public sealed class UnitHistoryTouches
{
    public HashSet<Guid> Groups { get; } = [];

    public HashSet<Guid> Units { get; } = [];

    public bool Any => Groups.Count > 0 || Units.Count > 0;

    /// <summary>When <paramref name="entity"/> is a <typeparamref name="T"/>, the group it belongs to is touched.</summary>
    public void Group<T>(object entity, Func<T, Guid> group)
    {
        if (entity is T record)
        {
            Groups.Add(group(record));
        }
    }

    /// <summary>When <paramref name="entity"/> is a unit, its entries are touched: for sources whose rows read the unit itself.</summary>
    public void Unit(object entity)
    {
        if (entity is Domain.Register.Unit unit)
        {
            Units.Add(unit.Id);
        }
    }

    /// <summary>
    /// For what is kept per provider and choice system (quality reports, attestations) and shown on each of the provider's units that
    /// serve the choice system: a unit whose provider or choice systems change has its entries rewritten.
    /// </summary>
    public void UnitsServing(object entity)
    {
        Unit(entity);
        // The link between a unit and a choice system it serves is a row of its own, without a class (the register's configuration).
        if (entity is IDictionary<string, object> link && link.ContainsKey("ChoiceSystemsId") && link.TryGetValue("UnitId", out var unitId)
            && unitId is Guid id)
        {
            Units.Add(id);
        }
    }
}

/// <summary>A source's row with the unit it shows on and the group a change is noted on (<see cref="UnitTimelineEntry.GroupId"/>).</summary>
public sealed class UnitHistoryRow<TRow>
{
    public Guid UnitId { get; init; }

    public Guid GroupId { get; init; }

    public required TRow Row { get; init; }
}

/// <summary>
/// One source of a unit's timeline (decisions 0021 and 0027). Each feature registers its own sources in its module, as singletons.
/// A source writes its records' entries when they change — it notes which of its records a saved change touches, and rewrites
/// their entries in the same transaction — and describes a stored entry when the timeline is read. It decides, per entry, whether a
/// provider and a district may read it, as its feature's own filters and pages decide; and whether its kind is for the actor at
/// all (<see cref="IsShownTo"/>). Derive from <see cref="UnitHistorySource{TRow}"/> rather than implementing this directly.
/// </summary>
public interface IUnitHistorySource
{
    /// <summary>Unique among the sources; orders entries of different sources at the same instant.</summary>
    string Key { get; }

    UnitHistoryKind Kind { get; }

    /// <summary>Whether the actor may see this kind at all; each entry still says whether a provider or a district may read it.</summary>
    bool IsShownTo(ICurrentActor actor);

    /// <summary>Notes in <paramref name="touches"/> the groups and units whose entries a change to <paramref name="entity"/> may alter.</summary>
    void Touch(object entity, UnitHistoryTouches touches);

    /// <summary>Rewrites the stored entries of the groups and units from the records as they are now, without the query filters.</summary>
    Task RewriteAsync(AppDbContext db, Guid[] groups, Guid[] units, CancellationToken cancellationToken);

    /// <summary>The entry as shown, described in Swedish from a stored entry of this source.</summary>
    UnitHistoryEntry Describe(UnitTimelineEntry stored);
}
