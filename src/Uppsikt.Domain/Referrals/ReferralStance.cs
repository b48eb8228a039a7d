using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Referrals;

/// <summary>
/// The authorities a serious matter may be referred to (anmälan, överlämnande). IVO and the police are the ones a stance is
/// required on (specification rule 4); the others receive information on suspected economic irregularities. Stored by name:
/// never rename a member.
/// </summary>
public enum ReferralAuthority
{
    [Display(Name = "IVO")] Ivo = 1,
    [Display(Name = "Polisen")] Police = 2,
    [Display(Name = "Skatteverket")] TaxAgency = 3,
    [Display(Name = "Försäkringskassan")] SocialInsuranceAgency = 4,
    [Display(Name = "Arbetsmiljöverket")] WorkEnvironmentAuthority = 5,
}

/// <summary>Whether the matter was referred to the authority. Stored by name: never rename a member.</summary>
public enum ReferralDecision
{
    [Display(Name = "Anmäld")] Referred = 1,
    [Display(Name = "Inte anmäld")] NotReferred = 2,
}

/// <summary>
/// Ställningstagande om anmälan: the municipality's recorded stance on referring one serious matter to one authority, referred
/// or not, always with its motivation. It belongs to exactly one matter: an incident, a complaint or a deficiency.
/// </summary>
public sealed class ReferralStance : Entity
{
    public Guid? IncidentId { get; set; }

    public Guid? ComplaintId { get; set; }

    public Guid? DeficiencyId { get; set; }

    public ReferralAuthority Authority { get; set; }

    public ReferralDecision Decision { get; set; }

    /// <summary>Why the matter was, or was not, referred.</summary>
    public required string Motivation { get; set; }

    public DateOnly DecidedOn { get; set; }

    public string? DecidedBy { get; set; }
}

/// <summary>A matter a stance on referral is taken on: serious or not, closed or not, and its stances.</summary>
public interface IReferralMatter
{
    /// <summary>Serious matters cannot close without the required stances.</summary>
    bool IsSerious { get; }

    /// <summary>A closed matter's stances no longer change.</summary>
    bool IsClosed { get; }

    List<ReferralStance> Referrals { get; }
}

/// <summary>The one rule on referral stances, for every matter that has them (specification rule 4).</summary>
public static class ReferralRules
{
    /// <summary>The authorities a stance is required on before a serious matter closes: IVO and the police.</summary>
    public static readonly IReadOnlyList<ReferralAuthority> Required = [ReferralAuthority.Ivo, ReferralAuthority.Police];

    /// <summary>The authorities a stance must be recorded for before the matter closes: IVO and the police when it is serious.</summary>
    public static IReadOnlyList<ReferralAuthority> RequiredStances(this IReferralMatter matter) => matter.IsSerious ? Required : [];

    public static IReadOnlyList<ReferralAuthority> MissingStances(this IReferralMatter matter) =>
        [.. matter.RequiredStances().Where(authority => matter.Referrals.All(r => r.Authority != authority))];

    /// <summary>
    /// Records (or replaces) the stance on one authority. Null on success; otherwise a wrong state once the matter is closed, an
    /// unknown authority or decision, a missing motivation (<c>Motivation</c>) or a day after <paramref name="today"/> (<c>DecidedOn</c>).
    /// </summary>
    public static Refusal? RecordStance(this IReferralMatter matter, ReferralAuthority authority, ReferralDecision decision, string? motivation,
        DateOnly decidedOn, string? decidedBy, DateOnly today)
    {
        if (matter.IsClosed)
        {
            return Refusal.WrongState("Ärendet är avslutat; ställningstagandet om anmälan kan inte ändras.");
        }
        if (!Enum.IsDefined(authority))
        {
            return Refusal.Invalid("Välj myndighet.", "Authority");
        }
        if (!Enum.IsDefined(decision))
        {
            return Refusal.Invalid("Välj om ärendet anmäls.", "Decision");
        }
        var text = motivation?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Refusal.Invalid("Ange en motivering till ställningstagandet.", "Motivation");
        }
        if (decidedOn > today)
        {
            return Refusal.Invalid("Datumet kan inte ligga i framtiden.", "DecidedOn");
        }
        var stance = matter.Referrals.Find(r => r.Authority == authority);
        if (stance is null)
        {
            stance = new ReferralStance { Authority = authority, Motivation = text };
            matter.Referrals.Add(stance);
        }
        stance.Decision = decision;
        stance.Motivation = text;
        stance.DecidedOn = decidedOn;
        stance.DecidedBy = decidedBy;
        return null;
    }

    /// <summary>
    /// Null when the matter may close; while it is serious and a required stance is missing, a refusal of the matter's content
    /// (not yet complete, so no field in particular) that starts with <paramref name="what"/>, e.g. "En allvarlig händelse kan inte avslutas".
    /// </summary>
    public static Refusal? RefuseClosing(this IReferralMatter matter, string what) =>
        matter.MissingStances() is { Count: > 0 } missing
            ? Refusal.Invalid($"{what} förrän ställning har tagits till anmälan till {Names(missing)}.")
            : null;

    /// <summary>"IVO och polisen": the authorities as a sentence says them.</summary>
    public static string Names(IEnumerable<ReferralAuthority> authorities)
    {
        var names = authorities.Select(Swedish).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " och " + names[^1];
    }

    /// <summary>An authority inside a sentence: "IVO", "polisen", "Skatteverket".</summary>
    public static string Swedish(ReferralAuthority authority) => authority switch
    {
        ReferralAuthority.Ivo => "IVO",
        ReferralAuthority.Police => "polisen",
        ReferralAuthority.TaxAgency => "Skatteverket",
        ReferralAuthority.SocialInsuranceAgency => "Försäkringskassan",
        ReferralAuthority.WorkEnvironmentAuthority => "Arbetsmiljöverket",
        _ => authority.ToString(),
    };
}
