using System.ComponentModel.DataAnnotations;

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
    /// Signs the attestation by name and role. Null on success; otherwise the Swedish reasons, keyed by the condition's
    /// position (or "Name"/"Role"), and nothing is signed.
    /// </summary>
    public IReadOnlyDictionary<string, string> Sign(string? name, string? role, DateTimeOffset at)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IsSigned)
        {
            problems[""] = "Egenintygandet är redan undertecknat.";
            return problems;
        }
        if (Answers.Count == 0)
        {
            problems[""] = "Det finns inga villkor att intyga.";
        }
        for (var i = 0; i < Answers.Count; i++)
        {
            if (Answers[i].Problem() is { } problem)
            {
                problems[$"Answers[{i}]"] = $"{Answers[i].ConditionCode}: {problem}";
            }
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            problems["Name"] = "Ange namnet på den som undertecknar.";
        }
        if (string.IsNullOrWhiteSpace(role))
        {
            problems["Role"] = "Ange den undertecknandes roll, till exempel verksamhetschef.";
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        SignedByName = name!.Trim();
        SignedByRole = role!.Trim();
        SignedAt = at;
        return problems;
    }
}

/// <summary>The provider's answer for one condition: met, or not met with an explanation.</summary>
public sealed class AttestationAnswer
{
    public Guid ConditionId { get; init; }

    public required string ConditionCode { get; init; }

    public required string ConditionTitle { get; init; }

    public bool? Met { get; set; }

    public string? Explanation { get; set; }

    /// <summary>Null when the answer is complete; otherwise what is missing (Swedish).</summary>
    public string? Problem() => Met switch
    {
        null => "Svara om villkoret är uppfyllt.",
        false when string.IsNullOrWhiteSpace(Explanation) => "Förklara varför villkoret inte är uppfyllt och vad ni gör åt det.",
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
