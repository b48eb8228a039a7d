using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.Deficiencies;

/// <summary>
/// A deficiency (brist) the provider must fix: what was found, against which conditions, what must be done and by when. At an
/// in-house unit it is a deficiency pointed out (påtalad brist): the same follow-up, never a sanction (rule 1).
/// </summary>
public sealed class Deficiency : Entity, IReferralMatter
{
    public Guid ActionPlanId { get; set; }

    public ActionPlan? ActionPlan { get; set; }

    public Guid ProviderId { get; set; }

    public Guid UnitId { get; set; }

    /// <summary>1, 2, 3 … within the plan, as the provider and the municipality refer to it.</summary>
    public int Number { get; set; }

    /// <summary><see cref="Assessment.MinorDeficiency"/> or <see cref="Assessment.SeriousDeficiency"/>.</summary>
    public Assessment Severity { get; set; }

    /// <summary>The area of the report or matter, e.g. "Dokumentation".</summary>
    public required string Area { get; set; }

    /// <summary>What was found.</summary>
    public required string Description { get; set; }

    /// <summary>What the provider must do about it.</summary>
    public required string RequiredAction { get; set; }

    /// <summary>The review finding it comes from, when it comes from a review.</summary>
    public Guid? FindingId { get; set; }

    /// <summary>The checklist question's code, when it comes from a review.</summary>
    public string? QuestionCode { get; set; }

    /// <summary>The versions of the conditions it breaks, in force on the day it was found.</summary>
    public List<Guid> ConditionVersionIds { get; set; } = [];

    /// <summary>At an in-house unit: a deficiency pointed out, never sanctioned (rule 1).</summary>
    public bool InHouse { get; set; }

    public DateOnly IdentifiedOn { get; set; }

    /// <summary>The day it must be fixed by: the decision's deadline, moved when it persisted at a follow-up.</summary>
    public DateOnly DeadlineOn { get; set; }

    public DeficiencyState State { get; set; } = DeficiencyState.Open;

    /// <summary>The day a verification found it fixed.</summary>
    public DateOnly? FixedOn { get; set; }

    /// <summary>How many follow-ups found it still there: what proposes the next step of the sanction ladder.</summary>
    public int PersistCount { get; set; }

    public List<DeficiencyVerification> Verifications { get; } = [];

    /// <summary>
    /// The municipality's stances on referral; required on IVO and the police before a serious deficiency is verified fixed
    /// (rule 4). A serious review finding's stance is recorded here, on the deficiency it becomes when the report is final.
    /// </summary>
    public List<ReferralStance> Referrals { get; } = [];

    public bool IsSerious => Severity == Assessment.SeriousDeficiency;

    public bool IsClosed => State == DeficiencyState.Fixed;

    public bool IsOverdue(DateOnly today) => State == DeficiencyState.Open && DeadlineOn < today;
}

/// <summary>An action the provider plans against one deficiency: what, who is responsible and by when; then what was done.</summary>
public sealed class PlannedAction : Entity
{
    public Guid ActionPlanId { get; set; }

    public Guid DeficiencyId { get; set; }

    public required string Description { get; set; }

    /// <summary>The named person responsible, as the provider gives it.</summary>
    public required string ResponsibleName { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly? DoneOn { get; set; }

    /// <summary>What the provider reports was done.</summary>
    public string? DoneReport { get; set; }

    public string? DoneByName { get; set; }

    /// <summary>The files on the plan the provider points to as evidence that it was done.</summary>
    public List<Guid> EvidenceFileIds { get; set; } = [];

    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset? OverdueNoticeSentAt { get; set; }

    public bool IsDone => DoneOn is not null;
}

/// <summary>The municipality's check that a deficiency was fixed: what was checked, how, by whom, and whether it was.</summary>
public sealed class DeficiencyVerification : Entity
{
    public Guid DeficiencyId { get; set; }

    public DateOnly VerifiedOn { get; set; }

    public VerificationMethod Method { get; set; }

    public required string CheckedWhat { get; set; }

    public bool Fixed { get; set; }

    /// <summary>The follow-up review whose visit was the check, for a visit.</summary>
    public Guid? ReviewId { get; set; }

    /// <summary>The new deadline when it was not fixed.</summary>
    public DateOnly? NewDeadlineOn { get; set; }

    public string? VerifiedById { get; set; }

    public required string VerifiedByName { get; set; }
}

/// <summary>One step on an action plan's timeline: who took it, when, about which deficiency, and what they said.</summary>
public sealed class ActionPlanStep : Entity
{
    public Guid ActionPlanId { get; set; }

    public ActionPlanStepKind Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? DeficiencyId { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? Comment { get; set; }
}

/// <summary>A follow-up review as a verification visit needs it: its type, provider, units and whether the visit took place.</summary>
public sealed record VerificationVisit(Guid ReviewId, ReviewType Type, Guid ProviderId, IReadOnlyCollection<Guid> UnitIds, ReviewState State);

/// <summary>What verifying a deficiency takes, as a form or an integration gives it.</summary>
public sealed record VerificationInput(VerificationMethod? Method, string? CheckedWhat, bool? Fixed, DateOnly? VerifiedOn, DateOnly? NewDeadlineOn, Guid? ReviewId);

/// <summary>A deficiency the municipality registers from a serious complaint or incident.</summary>
public sealed record DeficiencyInput(Assessment? Severity, string? Area, string? Description, string? RequiredAction, int? FixWithinMonths, IReadOnlyList<Guid>? ConditionVersionIds);

/// <summary>A complaint or an incident as a deficiency from it needs it.</summary>
public sealed record DeficiencyMatter(DeficiencyOrigin Origin, Guid Id, string Title, Guid ProviderId, Guid UnitId, bool UnitInHouse, bool ProviderInHouse, bool IsSerious);

/// <summary>A reminder that is due: about the plan or one of its actions, before its date or after it.</summary>
public sealed record DueReminder(ReminderKind Kind, DateOnly DueOn, Guid? ActionId);
