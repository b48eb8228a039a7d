namespace Uppsikt.Data;

/// <summary>
/// One entry of a unit's timeline as it is stored (decision 0027): derived from a source record (a review's step, a complaint, a
/// finding) and rewritten in the same transaction whenever that record changes, so that reading a unit's timeline is one indexed
/// count and one indexed page, whatever the number of sources. It keeps the source's row as JSON and is described in Swedish when
/// read, so a change of wording needs no rewrite. Not audited: the records it comes from are.
/// </summary>
public sealed class UnitTimelineEntry : IDerivedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    /// <summary>The key of the source that wrote it.</summary>
    public required string Source { get; init; }

    /// <summary>The record a change is noted on and the source rewrites as a whole: a review for its steps, a complaint for itself.</summary>
    public Guid GroupId { get; init; }

    /// <summary>The record the entry is: the step, the finding, the complaint.</summary>
    public Guid SourceId { get; init; }

    /// <summary>The kind's key, as the timeline's filter names it.</summary>
    public required string Kind { get; init; }

    /// <summary>When it happened: the instant, or midnight in Sweden at the start of the day for a record kept by day.</summary>
    public DateTimeOffset SortAt { get; init; }

    /// <summary>Whether a user of the unit's provider may read it (the query filter adds that the unit must be the provider's).</summary>
    public bool VisibleToProvider { get; init; }

    /// <summary>Whether a district user may read it (the query filter adds that the unit must be in the district).</summary>
    public bool VisibleToDistrict { get; init; }

    /// <summary>The source's row as JSON: what the source describes the entry from.</summary>
    public required string Payload { get; init; }
}
