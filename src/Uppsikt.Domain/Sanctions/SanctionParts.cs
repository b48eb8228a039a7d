using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Sanctions;

/// <summary>Where a sanction is on its way from proposal to the committee's decision. Stored by number: never renumber.</summary>
public enum SanctionState
{
    [Display(Name = "Föreslagen")] Proposed = 1,
    [Display(Name = "Mer granskning behövs")] MoreReviewNeeded = 2,
    [Display(Name = "Till nämnden")] AwaitingCommittee = 3,
    [Display(Name = "Inte föreslagen")] NotProposed = 4,
    [Display(Name = "Beslutad")] Decided = 5,
    [Display(Name = "Ingen sanktion beslutades")] NotDecided = 6,
}

/// <summary>The group manager's assessment of a proposal.</summary>
public enum SanctionAssessmentOutcome
{
    [Display(Name = "Föreslå nämnden att besluta")] ToCommittee = 1,
    [Display(Name = "Mer granskning behövs först")] MoreReview = 2,
    [Display(Name = "Ingen sanktion föreslås")] NoSanction = 3,
}

/// <summary>A step on a sanction's way. Stored by number: never renumber.</summary>
public enum SanctionStepKind
{
    [Display(Name = "Sanktion föreslogs")] Proposed = 1,
    [Display(Name = "Nästa steg föreslogs när en brist kvarstod")] Escalated = 2,
    [Display(Name = "Gruppchefen begärde mer granskning")] MoreReviewNeeded = 3,
    [Display(Name = "Förslaget reviderades")] Revised = 4,
    [Display(Name = "Gruppchefen föreslog nämnden att besluta")] ToCommittee = 5,
    [Display(Name = "Gruppchefen föreslog ingen sanktion")] NotProposed = 6,
    [Display(Name = "Nämnden beslutade om sanktion")] Decided = 7,
    [Display(Name = "Nämnden beslutade ingen sanktion")] NotDecided = 8,
}

/// <summary>One step on a sanction's way: who took it, when, and what they said.</summary>
public sealed class SanctionStep : Entity
{
    public Guid SanctionId { get; set; }

    public SanctionStepKind Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? Comment { get; set; }
}

/// <summary>
/// What a proposal rests on, read from the action plan: its provider, unit and deciding committee, whether the unit is in-house,
/// its deficiencies with the sanctions their conditions allow, and when the provider was shown the report and had to respond by.
/// </summary>
public sealed record SanctionBasis(
    Guid ActionPlanId, Guid ProviderId, Guid UnitId, Guid? CommitteeId, string Title, bool InHouse, IReadOnlyList<SanctionDeficiency> Deficiencies,
    DateOnly? CommunicatedOn, DateOnly? ResponseDueOn, bool Responded);

/// <summary>A deficiency as a proposal sees it: the sanctions its conditions allow, how often it persisted, and whether a proposal for it is open.</summary>
public sealed record SanctionDeficiency(Guid Id, int Number, IReadOnlyCollection<SanctionType> Allowed, int PersistCount, bool UnderOpenProposal);

/// <summary>The committee's decision as its secretary enters it.</summary>
public sealed record SanctionDecisionInput(
    bool? Decided, SanctionType? Type, DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, DateOnly? FixBy, string? Comment);
