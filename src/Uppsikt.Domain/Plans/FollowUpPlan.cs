using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Plans;

/// <summary>
/// Uppföljningsplan for one choice system and year: what is followed up, how, by whom and how often [000][002].
/// Drafted by the quality developer, approved by the group manager, adopted by the committee and reported to the
/// council board; an adopted plan is read-only and changes through a revision that goes the same way.
/// </summary>
public sealed class FollowUpPlan : Entity
{
    public static readonly string[] Drafters = [Identity.Roles.QualityDeveloper, Identity.Roles.Administrator];

    public Guid ChoiceSystemId { get; set; }

    public ChoiceSystem? ChoiceSystem { get; set; }

    public int Year { get; set; }

    public PlanState State { get; private set; } = PlanState.Draft;

    /// <summary>0 for the year's first plan; a revision of an adopted plan has the next number.</summary>
    public int RevisionNumber { get; private set; }

    /// <summary>The adopted plan this one revises.</summary>
    public Guid? RevisesPlanId { get; private set; }

    public List<string> FocusThemes { get; set; } = [];

    /// <summary>Uppföljningsmodell: the committee's description of how it follows up the choice system.</summary>
    public string? FollowUpModel { get; set; }

    /// <summary>
    /// The risk analysis the priorities rest on, in words: how plans referred to it before analyses were kept in Uppsikt. Kept
    /// as it was written; <see cref="RiskAnalysisId"/> replaces it.
    /// </summary>
    public string? RiskAnalysisReference { get; set; }

    /// <summary>The choice system's risk analysis the priorities rest on (decision 0031); null when none is linked.</summary>
    public Guid? RiskAnalysisId { get; set; }

    public DateOnly? AdoptedOn { get; private set; }

    public string? AdoptionParagraph { get; private set; }

    public string? AdoptionCaseNumber { get; private set; }

    public DateOnly? ReportedToCouncilBoardOn { get; private set; }

    public List<FollowUpActivity> Activities { get; } = [];

    public List<PlanStep> Steps { get; } = [];

    /// <summary>The committee's adoption decision, once there is one.</summary>
    public CommitteeDecision? Adoption =>
        AdoptedOn is { } on ? new CommitteeDecision(on, AdoptionParagraph ?? "", AdoptionCaseNumber ?? "") : null;

    /// <summary>Adopted plans, reported or not, are decided: published, read-only, and the base of revisions and next year's plan.</summary>
    public bool IsAdopted => State is PlanState.Adopted or PlanState.ReportedToCouncilBoard;

    /// <summary>A new, empty draft.</summary>
    public static (FollowUpPlan? Plan, Refusal? Refusal) Create(Guid choiceSystemId, int year, WorkflowActor actor, DateTimeOffset at)
    {
        if (!actor.IsIn(Drafters))
        {
            return (null, DraftersOnly);
        }
        if (!FollowUpYear.IsValid(year))
        {
            return (null, Refusal.Invalid(FollowUpYear.Message, "Year"));
        }
        var plan = new FollowUpPlan { ChoiceSystemId = choiceSystemId, Year = year };
        plan.Record(PlanStepKind.Created, actor, at, null);
        return (plan, null);
    }

    /// <summary>"Starta från fjolårets plan": a new draft for <paramref name="year"/> with last year's activities, themes and texts.</summary>
    public (FollowUpPlan? Plan, Refusal? Refusal) CopyForYear(int year, WorkflowActor actor, DateTimeOffset at)
    {
        if (!actor.IsIn(Drafters))
        {
            return (null, DraftersOnly);
        }
        if (year <= Year)
        {
            return (null, Refusal.Invalid($"Planen för {Year} kan bara kopieras till ett senare år.", "Year"));
        }
        var plan = CopyContent(new FollowUpPlan { ChoiceSystemId = ChoiceSystemId, Year = year });
        plan.Record(PlanStepKind.CopiedFromLastYear, actor, at, $"Kopia av planen för {Year}" + (RevisionNumber > 0 ? $", revision {RevisionNumber}." : "."));
        return (plan, null);
    }

    /// <summary>"Revidera": a new draft linked to this adopted plan, with the next revision number.</summary>
    public (FollowUpPlan? Plan, Refusal? Refusal) StartRevision(WorkflowActor actor, DateTimeOffset at, string? comment)
    {
        if (!actor.IsIn(Drafters))
        {
            return (null, DraftersOnly);
        }
        if (!IsAdopted)
        {
            return (null, Refusal.WrongState("Bara en antagen plan kan revideras; ett utkast ändras direkt."));
        }
        var revision = CopyContent(new FollowUpPlan
        {
            ChoiceSystemId = ChoiceSystemId,
            Year = Year,
            RevisionNumber = RevisionNumber + 1,
            RevisesPlanId = Id,
        });
        revision.Record(PlanStepKind.RevisionStarted, actor, at, comment);
        return (revision, null);
    }

    /// <summary>Whether the actor may change the plan's content now; null when they may.</summary>
    public Refusal? CheckEditable(WorkflowActor actor) =>
        !actor.IsIn(Drafters) ? DraftersOnly
        : State switch
        {
            PlanState.Draft => null,
            PlanState.Approved => Refusal.WrongState("Planen är godkänd av gruppchefen och väntar på nämndens beslut, så den kan inte ändras."),
            _ => Refusal.WrongState("Planen är antagen av nämnden och kan inte ändras. Välj ”Revidera” för att göra en ny version som går samma väg till beslut."),
        };

    /// <summary>
    /// The drafter sends a complete draft to the group manager, who is told (decision 0025). The plan stays a draft, and may still
    /// be changed and sent again, until it is approved. The new step is the last of <see cref="Steps"/>.
    /// </summary>
    public Refusal? SubmitForApproval(WorkflowActor actor, DateTimeOffset at, string? comment, PlanCompleteness completeness)
    {
        if (!actor.IsIn(Drafters))
        {
            return DraftersOnly;
        }
        if (State != PlanState.Draft)
        {
            return Refusal.WrongState($"Bara ett utkast kan skickas för godkännande; planen är {StateText}.");
        }
        if (IncompleteFor(completeness, "skickas för godkännande") is { } incomplete)
        {
            return incomplete;
        }
        Record(PlanStepKind.SubmittedForApproval, actor, at, comment);
        return null;
    }

    /// <summary>The group manager approves a complete draft.</summary>
    public Refusal? Approve(WorkflowActor actor, DateTimeOffset at, string? comment, PlanCompleteness completeness)
    {
        if (!actor.IsIn(Identity.Roles.GroupManager))
        {
            return Refusal.NotAllowed("Bara en gruppchef kan godkänna en uppföljningsplan.");
        }
        if (State != PlanState.Draft)
        {
            return Refusal.WrongState($"Bara ett utkast kan godkännas; planen är {StateText}.");
        }
        if (IncompleteFor(completeness, "godkänns") is { } incomplete)
        {
            return incomplete;
        }
        State = PlanState.Approved;
        Record(PlanStepKind.Approved, actor, at, comment);
        return null;
    }

    /// <summary>The committee secretary records the committee's decision adopting an approved plan.</summary>
    public Refusal? Adopt(WorkflowActor actor, DateTimeOffset at, DateOnly today, DateOnly? decidedOn, string? paragraph, string? caseNumber, string? comment)
    {
        if (RefuseSecretary(actor) is { } refusal)
        {
            return refusal;
        }
        if (State != PlanState.Approved)
        {
            return Refusal.WrongState($"Nämnden kan bara anta en plan som gruppchefen har godkänt; planen är {StateText}.");
        }
        var (decision, invalid) = CommitteeDecision.From(decidedOn, paragraph, caseNumber, today);
        if (invalid is not null)
        {
            return invalid;
        }
        State = PlanState.Adopted;
        AdoptedOn = decision!.DecidedOn;
        AdoptionParagraph = decision.Paragraph;
        AdoptionCaseNumber = decision.CaseNumber;
        Record(PlanStepKind.Adopted, actor, at, comment);
        return null;
    }

    /// <summary>The committee secretary records that the adopted plan has been reported to the council board.</summary>
    public Refusal? ReportToCouncilBoard(WorkflowActor actor, DateTimeOffset at, DateOnly today, DateOnly? reportedOn, string? comment)
    {
        if (RefuseSecretary(actor) is { } refusal)
        {
            return refusal;
        }
        if (State != PlanState.Adopted)
        {
            return Refusal.WrongState($"Bara en antagen plan kan rapporteras till kommunstyrelsen; planen är {StateText}.");
        }
        if (reportedOn is not { } date)
        {
            return Refusal.Invalid("Ange datum då planen rapporterades till kommunstyrelsen.", "ReportedOn");
        }
        if (date > today || date < AdoptedOn)
        {
            return Refusal.Invalid("Rapporteringsdatumet ska ligga mellan nämndens beslut och i dag.", "ReportedOn");
        }
        State = PlanState.ReportedToCouncilBoard;
        ReportedToCouncilBoardOn = date;
        Record(PlanStepKind.ReportedToCouncilBoard, actor, at, comment);
        return null;
    }

    private static Refusal? IncompleteFor(PlanCompleteness completeness, string step) =>
        completeness.ActivitiesComplete ? null
        : Refusal.Invalid(completeness.ActivityCount == 0
            ? $"Planen har inga aktiviteter. Lägg till vad som ska följas upp innan den {step}."
            : $"Alla aktiviteter måste ange vad, hur, vem och hur ofta innan planen {step}. Se planens kontroll av fullständighet.");

    private string StateText => State switch
    {
        PlanState.Draft => "ett utkast",
        PlanState.Approved => "redan godkänd",
        PlanState.Adopted => "redan antagen",
        _ => "redan rapporterad till kommunstyrelsen",
    };

    private static readonly Refusal DraftersOnly =
        Refusal.NotAllowed("Bara kvalitetsutvecklare och systemförvaltare kan ta fram och ändra uppföljningsplaner.");

    private Refusal? RefuseSecretary(WorkflowActor actor) =>
        CommitteeDecision.RefuseRecorder(actor, ChoiceSystem?.CommitteeId, "den som ansvarar för kundvalet");

    private FollowUpPlan CopyContent(FollowUpPlan plan)
    {
        plan.FocusThemes = [.. FocusThemes];
        plan.FollowUpModel = FollowUpModel;
        plan.RiskAnalysisReference = RiskAnalysisReference;
        plan.RiskAnalysisId = RiskAnalysisId;
        plan.Activities.AddRange(Activities.OrderBy(a => a.Position).Select(a => a.Copy()));
        return plan;
    }

    private void Record(PlanStepKind kind, WorkflowActor actor, DateTimeOffset at, string? comment) =>
        Steps.Add(new PlanStep
        {
            Kind = kind,
            OccurredAt = at,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
}

/// <summary>One step on a plan's timeline: who took it, when, and what they said.</summary>
public sealed class PlanStep : Entity
{
    public Guid PlanId { get; set; }

    public PlanStepKind Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? Comment { get; set; }
}
