namespace Uppsikt.Data;

/// <summary>
/// Where a unit sits: its provider and the administration (district) that follows it up, read straight from the units
/// table without the unit's own query filter. Only the query filters use it, to state the district rule once (decision
/// 0024) without the filters expanding into each other. Read-only and not a table of its own.
/// </summary>
public sealed class UnitPlacement
{
    public Guid Id { get; init; }

    public Guid? ProviderId { get; init; }

    public Guid? AdministrationId { get; init; }
}
