namespace Uppsikt.Domain.Reviews;

/// <summary>A unit a review covers, with the unit's provider fixed on the review.</summary>
public sealed class ReviewUnit
{
    public Guid ReviewId { get; set; }

    public Guid UnitId { get; set; }

    public Register.Unit? Unit { get; set; }
}

/// <summary>Someone who took part in the review, from the municipality or the provider.</summary>
public sealed class ReviewParticipant : Entity
{
    public Guid ReviewId { get; set; }

    public required string Name { get; set; }

    /// <summary>Befattning, such as "verksamhetschef".</summary>
    public string? Title { get; set; }

    public ParticipantSide Side { get; set; }

    /// <summary>The participant's user, when they have one; an independent reviewer must not be among them.</summary>
    public string? UserId { get; set; }
}

/// <summary>
/// The finding for one checklist question at one unit: the answer, what was observed and the assessment on the four-step
/// scale, with the condition versions in force on the visit's date.
/// </summary>
public sealed class ReviewFinding : Entity
{
    public Guid ReviewId { get; set; }

    public Guid UnitId { get; set; }

    public Guid QuestionId { get; set; }

    /// <summary>The question's code, kept so the finding reads the same after the checklist has a new version.</summary>
    public required string QuestionCode { get; set; }

    /// <summary>The checklist's section the question belongs to: the area of the report.</summary>
    public required string Area { get; set; }

    public string? Answer { get; set; }

    public string? Observation { get; set; }

    public Assessment? Assessment { get; set; }

    /// <summary>For a deficiency: what the provider must do about it, as the reviewer decides it [002] §7.1.</summary>
    public string? RequiredAction { get; set; }

    /// <summary>For a deficiency: within how many months of the final report it must be fixed (1–6, [000]).</summary>
    public int? FixWithinMonths { get; set; }

    /// <summary>Whether the assessment is a deficiency (Mindre or Allvarlig brist), which becomes a deficiency to fix once the report is final.</summary>
    public bool IsDeficiency => Assessment is Reviews.Assessment.MinorDeficiency or Reviews.Assessment.SeriousDeficiency;

    /// <summary>The versions of the question's conditions in force on the visit's date.</summary>
    public List<Guid> ConditionVersionIds { get; set; } = [];

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>A checklist question as a finding needs it.</summary>
public sealed record FindingQuestion(Guid Id, Guid ChecklistId, string Code, string Area);

/// <summary>A structured note from an interview during the review (seed 002), never naming a person by personal identity number.</summary>
public sealed class InterviewNote : Entity
{
    public Guid ReviewId { get; set; }

    public InterviewGroup Group { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset WrittenAt { get; set; }

    public required string WrittenByName { get; set; }
}

/// <summary>The provider's factual correction or comment on the communicated draft report.</summary>
public sealed class ReviewResponse : Entity
{
    public Guid ReviewId { get; set; }

    public ResponseKind Kind { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset WrittenAt { get; set; }

    public string? WrittenById { get; set; }

    public required string WrittenByName { get; set; }
}

/// <summary>One step on a review's timeline: who took it, when, and what they said.</summary>
public sealed class ReviewStep : Entity
{
    public Guid ReviewId { get; set; }

    public ReviewStepKind Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? Comment { get; set; }
}

/// <summary>
/// The review's overall result follows from its findings: it is the most serious assessment any finding has. One serious
/// deficiency makes the result "Allvarlig brist" however many questions were satisfactory; a review is "Tillfredsställande"
/// only when every assessed finding is. With no assessed finding there is no result.
/// </summary>
public static class OverallResult
{
    public static Assessment? Of(IEnumerable<Assessment?> assessments) =>
        assessments.Where(a => a is not null).Select(a => a!.Value).DefaultIfEmpty().Max() is var worst && worst == default ? null : worst;

    /// <summary>The result in words for the report, as a sentence's end.</summary>
    public static string Describe(Assessment? result) => result switch
    {
        Assessment.Satisfactory => "Verksamheten bedöms som tillfredsställande i alla granskade delar.",
        Assessment.SatisfactoryCanImprove => "Verksamheten bedöms som tillfredsställande, med utvecklingsområden.",
        Assessment.MinorDeficiency => "Granskningen visar mindre brister som ska åtgärdas.",
        Assessment.SeriousDeficiency => "Granskningen visar allvarliga brister som ska åtgärdas.",
        _ => "Ingen bedömning har gjorts.",
    };
}
