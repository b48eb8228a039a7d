using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Evidence;

public enum IncidentKind
{
    [Display(Name = "Avvikelse")] Deviation = 1,
    [Display(Name = "Lex Sarah")] LexSarah = 2,
    [Display(Name = "Lex Maria")] LexMaria = 3,
}

/// <summary>Who brought the incident in: the provider itself, or the municipality registering what it learnt.</summary>
public enum IncidentReporter
{
    [Display(Name = "Anordnaren")] Provider = 1,
    [Display(Name = "Kommunen")] Municipality = 2,
}

public enum IncidentStatus
{
    [Display(Name = "Öppen")] Open = 1,
    [Display(Name = "Avslutad")] Closed = 2,
}

/// <summary>
/// Avvikelse, Lex Sarah or Lex Maria at a unit. A serious one cannot be closed until the municipality has taken a
/// stance on referral to IVO and to the police (specification rule 4; [002] §7.1).
/// </summary>
public sealed class Incident : Entity, IReferralMatter
{
    public IncidentKind Kind { get; set; }

    public Severity Severity { get; set; }

    public DateOnly OccurredOn { get; set; }

    public DateOnly ReportedOn { get; set; }

    public Guid UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>What happened, without anything that identifies the service user (rule 9).</summary>
    public required string Summary { get; set; }

    /// <summary>What the provider has done or will do about it.</summary>
    public string? Actions { get; set; }

    public IncidentReporter ReportedBy { get; set; }

    public EvidenceSource Source { get; set; } = EvidenceSource.ProviderReported;

    public IncidentStatus Status { get; private set; } = IncidentStatus.Open;

    public string? ClosingNote { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public List<ReferralStance> Referrals { get; } = [];

    /// <summary>Lex Sarah and Lex Maria are serious by law; a deviation when its severity is.</summary>
    public bool IsSerious => IsSeriousIncident(Kind, Severity);

    public bool IsClosed => Status == IncidentStatus.Closed;

    public static bool IsSeriousIncident(IncidentKind kind, Severity severity) =>
        kind is IncidentKind.LexSarah or IncidentKind.LexMaria || severity == Severity.Serious;

    /// <summary><see cref="IsSeriousIncident"/> as a condition a database query can use.</summary>
    public static Expression<Func<Incident, bool>> Serious { get; } =
        incident => incident.Kind == IncidentKind.LexSarah || incident.Kind == IncidentKind.LexMaria || incident.Severity == Severity.Serious;

    /// <summary>
    /// Closes the incident. Null on success; a wrong state when it is already closed; and, while it is serious and a stance on
    /// referral is missing, a refusal of the incident's content (not yet complete, so no field in particular).
    /// </summary>
    public Refusal? Close(string note, DateOnly today)
    {
        if (Status == IncidentStatus.Closed)
        {
            return Refusal.WrongState("Händelsen är redan avslutad.");
        }
        if (this.RefuseClosing("En allvarlig händelse kan inte avslutas") is { } missing)
        {
            return missing;
        }
        Status = IncidentStatus.Closed;
        ClosingNote = note;
        ClosedOn = today;
        return null;
    }
}
