using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Timeline;

/// <summary>
/// A kind of entry on a unit's timeline, as the filter offers it: <paramref name="Key"/> for the query string and the API,
/// <paramref name="Name"/> in Swedish for people, <paramref name="Order"/> its place among the kinds. Several sources may
/// share a kind (a quality report's submission and its approval are both "kvalitetsrapporter").
/// </summary>
public sealed record UnitHistoryKind(string Key, string Name, int Order);

/// <summary>
/// The unit whose history is read, as the sources need it: its provider and the choice systems it serves, for what is kept per
/// provider (quality reports, attestations) rather than per unit. <paramref name="ChoiceSystemIds"/> is a query, not a list, so
/// that a source's query reads it as a subquery: a list would be a collection parameter, whose SQL is made anew for each request.
/// </summary>
public sealed record HistoryUnit(Guid Id, string Name, Guid? ProviderId, IQueryable<Guid> ChoiceSystemIds);

/// <summary>The days a timeline covers, both inclusive, in Swedish time; either end may be open.</summary>
public sealed record UnitHistoryPeriod(DateOnly? From, DateOnly? To)
{
    public static readonly UnitHistoryPeriod Always = new(null, null);
}

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
/// An entry with what merging needs: the instant it sorts by (midnight in Sweden for a record kept by day), the source's key and
/// the record's id, which together order entries that happened at the same instant.
/// </summary>
public sealed record UnitHistoryItem(UnitHistoryEntry Entry, DateTimeOffset SortAt, string Source, Guid Id)
{
    /// <summary>
    /// Newest first; at the same instant by source key, then by id descending. The id is compared as its text, which is how
    /// SQLite (upper-case text) and PostgreSQL (uuid bytes) order it too, so the order agrees with each source's ORDER BY.
    /// </summary>
    public static readonly IComparer<UnitHistoryItem> NewestFirst = Comparer<UnitHistoryItem>.Create((a, b) =>
    {
        var byTime = b.SortAt.CompareTo(a.SortAt);
        if (byTime != 0)
        {
            return byTime;
        }
        var bySource = string.CompareOrdinal(a.Source, b.Source);
        return bySource != 0 ? bySource : string.CompareOrdinal(b.Id.ToString(), a.Id.ToString());
    });
}

/// <summary>
/// One source of a unit's timeline (decision 0021). Each feature registers its own sources in its module; <see cref="UnitHistory"/>
/// merges them. A source reads through the scoped data context, so the query filters decide what a provider or district sees,
/// and says whether its kind is for the actor at all (<see cref="IsShownTo"/>), as the feature's own pages decide.
/// Derive from <see cref="UnitHistorySource{TRow}"/> rather than implementing this directly: it keeps the count, the period and
/// the order of a source in step.
/// </summary>
public interface IUnitHistorySource
{
    /// <summary>Unique among the sources; orders entries of different sources at the same instant.</summary>
    string Key { get; }

    UnitHistoryKind Kind { get; }

    /// <summary>Whether the actor may see this kind at all; the query filters still scope what they see of it.</summary>
    bool IsShownTo(ICurrentActor actor);

    /// <summary>The ids of the unit's entries in the period, one row per entry: counted for all sources in one query.</summary>
    IQueryable<Guid> Matching(HistoryUnit unit, UnitHistoryPeriod period);

    /// <summary>The unit's <paramref name="count"/> newest entries in the period, newest first as <see cref="UnitHistoryItem.NewestFirst"/> orders them.</summary>
    Task<IReadOnlyList<UnitHistoryItem>> NewestAsync(HistoryUnit unit, UnitHistoryPeriod period, int count, CancellationToken cancellationToken);
}
