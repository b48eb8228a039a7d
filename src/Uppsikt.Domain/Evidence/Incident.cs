using System.ComponentModel.DataAnnotations;
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
public sealed class Incident : Entity
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

    public List<Referral> Referrals { get; } = [];

    /// <summary>Lex Sarah and Lex Maria are serious by law; a deviation when its severity is.</summary>
    public bool IsSerious => IsSeriousIncident(Kind, Severity);

    public static bool IsSeriousIncident(IncidentKind kind, Severity severity) =>
        kind is IncidentKind.LexSarah or IncidentKind.LexMaria || severity == Severity.Serious;

    /// <summary>The authorities a stance must be recorded for before closing: IVO and the police for a serious incident.</summary>
    public IReadOnlyList<ReferralAuthority> RequiredStances => IsSerious ? [ReferralAuthority.Ivo, ReferralAuthority.Police] : [];

    public IReadOnlyList<ReferralAuthority> MissingStances =>
        [.. RequiredStances.Where(authority => Referrals.All(r => r.Authority != authority))];

    /// <summary>
    /// Records (or replaces) the stance on one authority. Null on success; otherwise a wrong state once the incident is closed,
    /// or a missing reason for not referring (<c>Reason</c>).
    /// </summary>
    public Refusal? RecordStance(ReferralAuthority authority, ReferralDecision decision, string? reason, DateOnly decidedOn, string? decidedBy)
    {
        if (Status == IncidentStatus.Closed)
        {
            return Refusal.WrongState("Händelsen är avslutad; ställningstagandet kan inte ändras.");
        }
        var text = reason?.Trim();
        if (decision == ReferralDecision.NotReferred && string.IsNullOrEmpty(text))
        {
            return Refusal.Invalid("Ange skälet till att händelsen inte anmäls.", "Reason");
        }
        var stance = Referrals.Find(r => r.Authority == authority);
        if (stance is null)
        {
            stance = new Referral { IncidentId = Id, Authority = authority };
            Referrals.Add(stance);
        }
        stance.Decision = decision;
        stance.Reason = string.IsNullOrEmpty(text) ? null : text;
        stance.DecidedOn = decidedOn;
        stance.DecidedBy = decidedBy;
        return null;
    }

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
        if (MissingStances is { Count: > 0 } missing)
        {
            return Refusal.Invalid("En allvarlig händelse kan inte avslutas förrän ställning har tagits till anmälan till "
                + string.Join(" och ", missing.Select(ReferralNames.Swedish)) + ".");
        }
        Status = IncidentStatus.Closed;
        ClosingNote = note;
        ClosedOn = today;
        return null;
    }
}

public enum ReferralAuthority
{
    [Display(Name = "IVO")] Ivo = 1,
    [Display(Name = "Polisen")] Police = 2,
}

public enum ReferralDecision
{
    [Display(Name = "Anmäld")] Referred = 1,
    [Display(Name = "Inte anmäld")] NotReferred = 2,
}

/// <summary>Anmälan: the recorded stance on referring an incident to one authority: referred, or not referred and why.</summary>
public sealed class Referral : Entity
{
    public Guid IncidentId { get; set; }

    public ReferralAuthority Authority { get; set; }

    public ReferralDecision Decision { get; set; }

    /// <summary>Required when not referred.</summary>
    public string? Reason { get; set; }

    public DateOnly DecidedOn { get; set; }

    public string? DecidedBy { get; set; }
}

public static class ReferralNames
{
    public static string Swedish(ReferralAuthority authority) => authority switch
    {
        ReferralAuthority.Ivo => "IVO",
        ReferralAuthority.Police => "polisen",
        _ => authority.ToString(),
    };
}
