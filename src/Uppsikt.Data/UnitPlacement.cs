using Uppsikt.Domain.Register;

namespace Uppsikt.Data;

/// <summary>
/// Where a unit sits: its provider and the administration (district) that follows it up, read straight from the units
/// table without the unit's own query filter. Only the query filters use it, to state the district rule once (decision
/// 0024) without the filters expanding into each other. Read-only and not a table of its own.
/// </summary>
/// <remarks>
/// The provider and the administration are <see cref="Guid.Empty"/> when the unit has none, never null (decision 0026). A caller
/// that is no provider or district user has a null provider or district; compared with a column that is never null, EF Core knows
/// the comparison false and leaves that scope's rule out of the SQL altogether, so each kind of caller's SQL carries its own rules only.
/// </remarks>
public sealed class UnitPlacement
{
    public Guid Id { get; init; }

    public Guid ProviderId { get; init; }

    public Guid AdministrationId { get; init; }
}

/// <summary>
/// An authorisation's provider and status, read straight from the authorisations table without its query filter: what the
/// public scope's filters ask (is the provider authorised?) without expanding the authorisation's own filter into theirs.
/// Read-only and not a table of its own.
/// </summary>
public sealed class AuthorisationStanding
{
    public Guid ProviderId { get; init; }

    public AuthorisationStatus Status { get; init; }
}

/// <summary>
/// Which units a review covers, read straight from the review-unit links without their query filter: what the review's
/// district filter asks, without expanding the links' own filter (and through it the unit's) into the review's.
/// Read-only and not a table of its own.
/// </summary>
public sealed class ReviewCoverage
{
    public Guid ReviewId { get; init; }

    public Guid UnitId { get; init; }
}

/// <summary>
/// The unit of each matter a stance on referral can belong to — an incident, a complaint or a deficiency — read straight from
/// their tables without their query filters: what the stances' district filter asks (decision 0029). Read-only and not a
/// table of its own.
/// </summary>
public sealed class MatterUnit
{
    public Guid MatterId { get; init; }

    public Guid UnitId { get; init; }
}
