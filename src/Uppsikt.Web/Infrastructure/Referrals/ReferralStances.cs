using System.ComponentModel.DataAnnotations;
using Uppsikt.Domain;
using Uppsikt.Domain.Referrals;

namespace Uppsikt.Web.Infrastructure.Referrals;

/// <summary>
/// A stance on referral as a form or an integration gives it, for any serious matter. <paramref name="Reason"/> is the name
/// the incidents' API used before every stance needed a motivation; it is read when <paramref name="Motivation"/> is not given.
/// </summary>
public sealed record StanceInput(
    ReferralAuthority? Authority, ReferralDecision? Decision, [DataType(DataType.MultilineText)] string? Motivation, DateOnly? DecidedOn, int Version, string? Reason = null)
{
    public string? GivenMotivation => string.IsNullOrWhiteSpace(Motivation) ? Reason : Motivation;
}

/// <summary>One recorded stance, as the municipality reads it.</summary>
public sealed record ReferralStanceView(ReferralAuthority Authority, ReferralDecision Decision, string Motivation, DateOnly DecidedOn, string? DecidedBy);

/// <summary>A matter's stances and the required ones still missing, as pages and the API show them to the municipality.</summary>
public sealed record ReferralsView(bool IsSerious, bool IsClosed, IReadOnlyList<ReferralStanceView> Stances, IReadOnlyList<ReferralAuthority> Missing)
{
    public static ReferralsView Of(IReferralMatter matter) => new(
        matter.IsSerious, matter.IsClosed,
        [.. matter.Referrals.OrderBy(r => r.Authority).Select(r => new ReferralStanceView(r.Authority, r.Decision, r.Motivation, r.DecidedOn, r.DecidedBy))],
        matter.MissingStances());

    /// <summary>"Ställning saknas till: IVO, polisen", or null when nothing required is missing.</summary>
    public string? MissingText => Missing.Count == 0 ? null : "Ställning saknas till: " + string.Join(", ", Missing.Select(ReferralRules.Swedish));
}

/// <summary>
/// Recording a stance, the same way on every matter: the input's own errors by field (authority, decision, day, motivation:
/// required, at most 4 000 characters, no personal identity number), then the domain's rule (<see cref="ReferralRules"/>).
/// </summary>
public static class ReferralStanceRecording
{
    public const int MotivationLength = 4000;

    /// <summary>Checks the input into <paramref name="check"/> and gives the change to make on the matter once it is valid.</summary>
    public static Func<IReferralMatter, Refusal?> Check(Validation check, StanceInput input, string? decidedBy, DateOnly today)
    {
        if (input.Authority is not { } authority || !Enum.IsDefined(authority))
        {
            check.Add(nameof(StanceInput.Authority), "Välj myndighet.");
        }
        if (input.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            check.Add(nameof(StanceInput.Decision), "Välj om ärendet anmäls.");
        }
        if (input.DecidedOn is not { } decidedOn || decidedOn > today)
        {
            check.Add(nameof(StanceInput.DecidedOn), input.DecidedOn is null ? "Ange datum för ställningstagandet." : "Datumet kan inte ligga i framtiden.");
        }
        var motivation = check.Required(nameof(StanceInput.Motivation), "en motivering till ställningstagandet", input.GivenMotivation, MotivationLength);
        check.NoPersonalIdentityNumber(nameof(StanceInput.Motivation), "motiveringen", motivation);
        return matter => matter.RecordStance(input.Authority!.Value, input.Decision!.Value, motivation, input.DecidedOn!.Value, decidedBy, today);
    }
}

/// <summary>
/// The stances part of a matter's page (<c>_ReferralStances.cshtml</c>): the recorded stances, the required ones missing and, for
/// who may record, the form. <paramref name="Handler"/> is the page handler the form posts to; <paramref name="Item"/> the matter
/// within the page when a page has several (a plan's deficiencies), whose id is posted as <paramref name="ItemField"/> and keys
/// the form's fields and errors (<c>Motivation-{id}</c>). A refused post shows the form again with what was typed.
/// </summary>
public sealed record ReferralStancesForm(
    ReferralsView Referrals, bool CanRecord, int Version, DateOnly Today, string Handler = "Stance", Guid? Item = null, string? ItemField = null,
    int HeadingLevel = 2)
{
    /// <summary>The partial's path, for pages of every feature.</summary>
    public const string Partial = "_ReferralStances";

    public string Key(string field) => Item is { } id ? $"{field}-{id}" : field;
}
