using System.ComponentModel.DataAnnotations;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Evidence;

/// <summary>Hur synpunkten eller klagomålet kom in.</summary>
public enum ComplaintChannel
{
    [Display(Name = "Telefon")] Phone = 1,
    [Display(Name = "E-post")] Email = 2,
    [Display(Name = "Brev")] Letter = 3,
    [Display(Name = "Webbformulär")] WebForm = 4,
    [Display(Name = "Personligt besök")] InPerson = 5,
    [Display(Name = "Via handläggare")] ViaCaseWorker = 6,
}

/// <summary>What the complaint is about.</summary>
public enum ComplaintCategory
{
    [Display(Name = "Bemötande")] Treatment = 1,
    [Display(Name = "Kontinuitet")] Continuity = 2,
    [Display(Name = "Tider")] Timekeeping = 3,
    [Display(Name = "Omvårdnad")] Care = 4,
    [Display(Name = "Mat")] Food = 5,
    [Display(Name = "Hälso- och sjukvård")] HealthCare = 6,
    [Display(Name = "Övrigt")] Other = 7,
}

public enum ComplaintStatus
{
    [Display(Name = "Registrerat")] Registered = 1,
    [Display(Name = "Överlämnat till anordnaren")] Forwarded = 2,
    [Display(Name = "Besvarat av anordnaren")] Answered = 3,
    [Display(Name = "Avslutat")] Closed = 4,
}

/// <summary>
/// Synpunkter och klagomål ([002] §5.2): registered by the quality unit, handed to the provider with a deadline,
/// answered by the provider with its actions and closed by the municipality. Compiled each year per unit and choice system.
/// </summary>
public sealed class Complaint : Entity, IReferralMatter
{
    public DateOnly ReceivedOn { get; set; }

    public ComplaintChannel Channel { get; set; }

    public Guid UnitId { get; set; }

    public Unit? Unit { get; set; }

    public ComplaintCategory Category { get; set; }

    public Severity Severity { get; set; }

    /// <summary>What the complaint says, without anything that identifies the service user (rule 9).</summary>
    public required string Summary { get; set; }

    public EvidenceSource Source { get; init; } = EvidenceSource.Complaint;

    public ComplaintStatus Status { get; private set; } = ComplaintStatus.Registered;

    public DateOnly? ForwardedOn { get; private set; }

    public DateOnly? ResponseDueOn { get; private set; }

    /// <summary>The provider's account of its contact with the complainant and its actions.</summary>
    public string? ProviderResponse { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    public string? ClosingNote { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The municipality's stances on referral; required on IVO and the police before a serious complaint closes (rule 4).</summary>
    public List<ReferralStance> Referrals { get; } = [];

    public bool IsSerious => Severity == Severity.Serious;

    public bool IsClosed => Status == ComplaintStatus.Closed;

    public bool IsOverdue(DateOnly today) => Status == ComplaintStatus.Forwarded && ResponseDueOn < today;

    /// <summary>Answered no later than the deadline; null while there is nothing to judge.</summary>
    public bool? AnsweredOnTime => AnsweredOn is { } answered && ResponseDueOn is { } due ? answered <= due : null;

    /// <summary>
    /// Hands the complaint to the provider. Null on success; otherwise a wrong state (already handed over) or a deadline in the
    /// past (<c>ResponseDueOn</c>).
    /// </summary>
    public Refusal? Forward(DateOnly responseDueOn, DateOnly today)
    {
        if (Status != ComplaintStatus.Registered)
        {
            return Refusal.WrongState("Klagomålet är redan överlämnat till anordnaren.");
        }
        if (responseDueOn < today)
        {
            return Refusal.Invalid("Svarsdatumet kan inte ligga före dagens datum.", "ResponseDueOn");
        }
        Status = ComplaintStatus.Forwarded;
        ForwardedOn = today;
        ResponseDueOn = responseDueOn;
        return null;
    }

    /// <summary>
    /// The provider's answer; it may be revised until the municipality closes the complaint. Null on success; a wrong state
    /// before the complaint is handed over or once it is closed.
    /// </summary>
    public Refusal? Answer(string response, DateOnly today)
    {
        if (Status is not (ComplaintStatus.Forwarded or ComplaintStatus.Answered))
        {
            return Refusal.WrongState(Status == ComplaintStatus.Closed
                ? "Klagomålet är avslutat och kan inte besvaras." : "Klagomålet är inte överlämnat till anordnaren.");
        }
        Status = ComplaintStatus.Answered;
        ProviderResponse = response;
        AnsweredOn ??= today;
        return null;
    }

    /// <summary>
    /// Closes the complaint; the note says how it ended (also when the provider never answered). Null on success; a wrong state
    /// when it is already closed; and, while it is serious and a stance on referral is missing, a refusal of its content.
    /// </summary>
    public Refusal? Close(string note, DateOnly today)
    {
        if (Status == ComplaintStatus.Closed)
        {
            return Refusal.WrongState("Klagomålet är redan avslutat.");
        }
        if (this.RefuseClosing("Ett allvarligt klagomål kan inte avslutas") is { } missing)
        {
            return missing;
        }
        Status = ComplaintStatus.Closed;
        ClosingNote = note;
        ClosedOn = today;
        return null;
    }
}
