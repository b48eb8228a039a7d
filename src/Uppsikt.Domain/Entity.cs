namespace Uppsikt.Domain;

/// <summary>Something people edit: a stable id and a version for optimistic concurrency.</summary>
public abstract class Entity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Raised by one on every saved change; a stale version on save is a conflict.</summary>
    public int Version { get; set; }
}
