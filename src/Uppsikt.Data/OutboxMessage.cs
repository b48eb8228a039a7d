using Uppsikt.Domain;

namespace Uppsikt.Data;

/// <summary>
/// An e-mail waiting to go out, written in the same transaction as the change that caused it and delivered later
/// by the outbox sender. The deduplication key makes the same message (a reminder for task X on day D) unique.
/// </summary>
public sealed class OutboxMessage : Entity
{
    public const int MaxAttempts = 10;

    public required string To { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public required string DeduplicationKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Not to be tried before this instant: a sender's claim while it delivers, or the back-off after a failure.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
}
