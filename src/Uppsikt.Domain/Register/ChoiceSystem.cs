using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.Register;

/// <summary>Kundval, valfrihetssystem or avtalsområde, owned by a committee.</summary>
public sealed class ChoiceSystem : Entity
{
    public required string Name { get; set; }

    public Guid CommitteeId { get; set; }

    public Committee? Committee { get; set; }

    public LegalBasis LegalBasis { get; set; }

    public OperatingForm OperatingForm { get; set; }

    public string? Description { get; set; }

    /// <summary>The date the choice system was phased out (avvecklat); null while it runs.</summary>
    public DateOnly? PhasedOutOn { get; set; }

    /// <summary>Kolada unit-type prefixes (e.g. V21) whose units belong here on import, comma-separated.</summary>
    public string? KoladaUnitTypes { get; set; }

    /// <summary>
    /// Months after a review without deficiencies until the unit is due again (<see cref="ReviewInterval"/>),
    /// <see cref="ReviewInterval.MinMonthsWithoutDeficiencies"/>–<see cref="ReviewInterval.MaxMonthsWithoutDeficiencies"/>.
    /// </summary>
    public int ReviewIntervalMonths { get; set; } = ReviewInterval.DefaultMonthsWithoutDeficiencies;

    public List<Service> Services { get; } = [];

    public bool IsPhasedOut(DateOnly today) => PhasedOutOn is { } date && date <= today;

    public IReadOnlyList<string> KoladaUnitTypeList() =>
        (KoladaUnitTypes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Insats within a choice system, with its levels (nivåer).</summary>
public sealed class Service : Entity
{
    public Guid ChoiceSystemId { get; set; }

    public required string Name { get; set; }

    public List<ServiceLevel> Levels { get; } = [];
}

/// <summary>Nivå of a service, such as AMI 1 and AMI 2.</summary>
public sealed class ServiceLevel : Entity
{
    public Guid ServiceId { get; set; }

    public required string Code { get; set; }

    public string? Description { get; set; }
}
