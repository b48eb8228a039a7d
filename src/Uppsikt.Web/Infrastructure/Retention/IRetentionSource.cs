using Uppsikt.Domain.Retention;

namespace Uppsikt.Web.Infrastructure.Retention;

/// <summary>
/// A feature's records of one <see cref="RetentionKind"/> about individual service users, which the daily removal
/// (<see cref="PersonalDataRetention"/>) asks for what has expired and has remove (decision 0038).
/// </summary>
public interface IRetentionSource
{
    RetentionKind Kind { get; }

    /// <summary>The entity type the kind's records are audited under, e.g. <c>Complaint</c>.</summary>
    string EntityType { get; }

    /// <summary>What starts the clock, as the admin page says it after "Tiden räknas från" (e.g. "den dag klagomålet avslutades").</summary>
    string ClockStart { get; }

    /// <summary>
    /// The ids of the records that are not open and whose clock started on or before <paramref name="latestExpiredStart"/>
    /// (<see cref="RetentionPeriod.LatestExpiredStart"/>), read through the system actor's unfiltered view.
    /// </summary>
    IQueryable<Guid> Expired(DateOnly latestExpiredStart);

    /// <summary>
    /// Marks the records with everything that is part of them removed in the context, without saving; returns the ids of their
    /// stored files, whose bytes are deleted once the removal is committed.
    /// </summary>
    Task<IReadOnlyList<Guid>> RemoveAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
