using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Evidence;

/// <summary>
/// Handläggares erfarenheter ([002] §5.2): what a case worker has seen of a unit while following up individual
/// cases, gathered continuously as evidence for reviews.
/// </summary>
public sealed class CaseWorkerObservation : Entity
{
    public DateOnly ObservedOn { get; set; }

    public Guid UnitId { get; set; }

    public Unit? Unit { get; set; }

    public ComplaintCategory Category { get; set; }

    public Severity Severity { get; set; }

    /// <summary>What was observed, without anything that identifies the service user (rule 9).</summary>
    public required string Summary { get; set; }

    public EvidenceSource Source { get; init; } = EvidenceSource.CaseWorkerObservation;

    public string? RecordedBy { get; set; }

    /// <summary>The user who recorded it; null for observations recorded before users were kept, or by the system.</summary>
    public string? RecordedById { get; set; }
}
