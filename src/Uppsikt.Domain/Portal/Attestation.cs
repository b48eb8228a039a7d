using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Uppsikt.Domain.Portal;

/// <summary>
/// Egenintygande: the municipality asks every authorised provider to attest, once a year and by a deadline, that the
/// conditions of each choice system it is authorised in are met [003].
/// </summary>
public sealed class AttestationRound : Entity
{
    public int Year { get; init; }

    public DateOnly DueOn { get; set; }

    public DateOnly OpenedOn { get; init; }

    /// <summary>Missing after the deadline: the deadline has passed (attestations may still come in late).</summary>
    public bool IsPastDue(DateOnly today) => today > DueOn;
}

/// <summary>One provider's attestation for one choice system's condition set (general + specific conditions) in a round.</summary>
public sealed class Attestation : Entity
{
    public Guid RoundId { get; init; }

    public Guid ProviderId { get; init; }

    public Guid ChoiceSystemId { get; init; }

    /// <summary>One answer per condition in force, in the set's order; copied with the condition's code and title so the attestation reads as signed.</summary>
    public List<AttestationAnswer> Answers { get; init; } = [];

    public string? SignedByName { get; private set; }

    public string? SignedByRole { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public bool IsSigned => SignedAt is not null;

    /// <summary>Every condition answered, and each one not met explained.</summary>
    public bool IsComplete => Answers.Count > 0 && Answers.All(a => a.Problem() is null);

    /// <summary>
    /// Signs the attestation by name and role. Empty on success; otherwise the refusals, and nothing is signed: a wrong state when
    /// it is already signed, no conditions to attest (no field in particular), an incomplete answer by the condition's position
    /// (<c>Answers[2]</c>) and a missing <c>Name</c> or <c>Role</c>.
    /// </summary>
    public IReadOnlyList<Refusal> Sign(string? name, string? role, DateTimeOffset at)
    {
        if (IsSigned)
        {
            return [Refusal.WrongState("Egenintygandet är redan undertecknat.")];
        }
        var problems = new List<Refusal>();
        if (Answers.Count == 0)
        {
            problems.Add(Refusal.Invalid("Det finns inga villkor att intyga."));
        }
        for (var i = 0; i < Answers.Count; i++)
        {
            if (Answers[i].Problem() is { } problem)
            {
                problems.Add(Refusal.Invalid($"{Answers[i].ConditionCode}: {problem.Message}", AnswerField(i)));
            }
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(Refusal.Invalid("Ange namnet på den som undertecknar.", "Name"));
        }
        if (string.IsNullOrWhiteSpace(role))
        {
            problems.Add(Refusal.Invalid("Ange den undertecknandes roll, till exempel verksamhetschef.", "Role"));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        SignedByName = name!.Trim();
        SignedByRole = role!.Trim();
        SignedAt = at;
        return [];
    }

    /// <summary>The field of the answer at <paramref name="index"/>, as the form and the API key it: <c>Answers[2]</c>.</summary>
    public static string AnswerField(int index) => string.Create(CultureInfo.InvariantCulture, $"Answers[{index}]");
}

/// <summary>The provider's answer for one condition: met, or not met with an explanation.</summary>
public sealed class AttestationAnswer
{
    public Guid ConditionId { get; init; }

    public required string ConditionCode { get; init; }

    public required string ConditionTitle { get; init; }

    public bool? Met { get; set; }

    public string? Explanation { get; set; }

    /// <summary>Null when the answer is complete; otherwise what is missing, by the answer's field (<c>Met</c> or <c>Explanation</c>).</summary>
    public Refusal? Problem() => Met switch
    {
        null => Refusal.Invalid("Svara om villkoret är uppfyllt.", nameof(Met)),
        false when string.IsNullOrWhiteSpace(Explanation) => Refusal.Invalid("Förklara varför villkoret inte är uppfyllt och vad ni gör åt det.", nameof(Explanation)),
        _ => null,
    };
}

/// <summary>What a change reported under the duty to inform concerns [003].</summary>
public enum DutyToInformCategory
{
    [Display(Name = "Ägarförhållanden")] Ownership = 1,
    [Display(Name = "Styrelse eller ledning")] BoardOrManagement = 2,
    [Display(Name = "Underleverantörer")] Subcontractors = 3,
    [Display(Name = "Ekonomisk ställning")] FinancialSituation = 4,
    [Display(Name = "Övrigt")] Other = 5,
}

/// <summary>
/// Informationsplikt: a change, or a known coming change, that may affect the provider's ability to meet the conditions;
/// reported by the provider at any time [003].
/// </summary>
public sealed class DutyToInformReport : Entity
{
    public Guid ProviderId { get; init; }

    public DutyToInformCategory Category { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset ReportedAt { get; init; }

    public required string ReportedBy { get; init; }
}
