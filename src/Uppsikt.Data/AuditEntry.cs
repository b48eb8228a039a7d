using Uppsikt.Domain.Audit;

namespace Uppsikt.Data;

/// <summary>One row of the append-only, hash-chained audit trail.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public string? ActorId { get; init; }

    public required string ActorName { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    /// <summary>The action of a record removed by retention (decision 0038): <see cref="Before"/> is the reason as a JSON string, not the content.</summary>
    public const string Purged = "Purged";

    /// <summary>Added, Modified, Deleted or <see cref="Purged"/>.</summary>
    public required string Action { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }

    /// <summary>The id of the key whose HMAC <see cref="Hash"/> is; null for a row written before keys, hashed with plain SHA-256.</summary>
    public string? KeyId { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }

    public AuditRecord ToRecord() => new(OccurredAt, ActorId, ActorName, EntityType, EntityId, Action, Before, After);

    public StoredAuditRow ToStoredRow() => new(Id, ToRecord(), KeyId, PreviousHash, Hash);
}
