using Uppsikt.Domain;

namespace Uppsikt.Data;

/// <summary>
/// A hand-off waiting for the next daily summary to its user (decision 0025): written in the same transaction as the step that
/// caused it, marked sent when the summary goes into the outbox. The deduplication key makes one step's notice to one user unique.
/// </summary>
public sealed class PendingHandOff : Entity
{
    public required string UserId { get; init; }

    /// <summary>What waits for the user, one sentence in Swedish.</summary>
    public required string Text { get; init; }

    /// <summary>The page's path (such as <c>/Plans/Details/…</c>); the summary makes it absolute.</summary>
    public required string Path { get; init; }

    public required string DeduplicationKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }
}
