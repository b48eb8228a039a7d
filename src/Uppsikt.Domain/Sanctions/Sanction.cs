using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Register;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Domain.Sanctions;

/// <summary>
/// A sanction (sanktion) on a provider for deficiencies in one action plan (rule 3; [002] §7.1): proposed by those who follow
/// deficiencies up, assessed by the group manager (who may ask for more review first), decided by the committee and recorded by
/// its secretary. Only the sanctions the broken conditions name can be proposed or decided, never at an in-house unit (rule 1),
/// and never before the provider has seen the report and its time to respond has passed (rule 5). A warning's deadline is
/// checked at a visit as soon as it has passed, and again the following year.
/// </summary>
public sealed class Sanction : Entity
{
    public const int TextMax = 4000;

    /// <summary>How long after the decision a warning's or an injunction's deadline may fall, as a deficiency's (rule 2).</summary>
    public const int MaxFixMonths = 6;

    public Guid ActionPlanId { get; private set; }

    public Guid ProviderId { get; private set; }

    public Provider? Provider { get; set; }

    public Guid UnitId { get; private set; }

    public Unit? Unit { get; set; }

    /// <summary>The committee that decides: the one responsible for the choice system the deficiencies were found in.</summary>
    public Guid CommitteeId { get; private set; }

    /// <summary>The action plan's title when proposed: the review or matter the deficiencies come from.</summary>
    public required string Title { get; set; }

    /// <summary>The deficiencies of the plan the sanction is for.</summary>
    public List<Guid> DeficiencyIds { get; private set; } = [];

    /// <summary>The sanctions the conditions the deficiencies break allow, mildest first: the proposal and the decision choose among these.</summary>
    public List<SanctionType> AllowedTypes { get; private set; } = [];

    public SanctionState State { get; private set; } = SanctionState.Proposed;

    public SanctionType ProposedType { get; private set; }

    public string Motivation { get; private set; } = "";

    /// <summary>Proposed by the system, as the next step of the ladder, because a deficiency persisted at a follow-up.</summary>
    public bool Escalation { get; private set; }

    public DateOnly ProposedOn { get; private set; }

    public string? ProposedById { get; private set; }

    public string ProposedByName { get; private set; } = "";

    /// <summary>The day the provider was shown the report or matter (rule 5).</summary>
    public DateOnly CommunicatedOn { get; private set; }

    /// <summary>The group manager's assessment: why more review is needed, or why no sanction is proposed, or a note to the committee.</summary>
    public string? AssessmentComment { get; private set; }

    public string? AssessedByName { get; private set; }

    public DateOnly? AssessedOn { get; private set; }

    /// <summary>The sanction the committee decided; null until it did, or when it decided none.</summary>
    public SanctionType? DecidedType { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecisionParagraph { get; private set; }

    public string? DecisionCaseNumber { get; private set; }

    /// <summary>The deadline in the decision by which the deficiencies must be fixed: required for warnings and injunctions.</summary>
    public DateOnly? FixBy { get; private set; }

    /// <summary>The follow-up review that checks a warning's deadline "as soon as possible" after it ([002] §7.1).</summary>
    public Guid? VerificationReviewId { get; private set; }

    /// <summary>The follow-up review the following year ([002] §7.1).</summary>
    public Guid? YearCheckReviewId { get; private set; }

    public List<SanctionStep> Steps { get; } = [];

    /// <summary>The committee's decision, once recorded (decided or not).</summary>
    public CommitteeDecision? Decision =>
        DecidedOn is { } on ? new CommitteeDecision(on, DecisionParagraph ?? "", DecisionCaseNumber ?? "") : null;

    /// <summary>A decided warning: its deadline is checked at a visit and again the following year (rule 3).</summary>
    public bool IsWarning => State == SanctionState.Decided && DecidedType is SanctionType.Warning or SanctionType.WarningWithActionPlan;

    /// <summary>Proposed and not yet decided either way: one such per deficiency at a time.</summary>
    public bool IsOpen => State is SanctionState.Proposed or SanctionState.MoreReviewNeeded or SanctionState.AwaitingCommittee;

    /// <summary>Who proposes a sanction: those who follow deficiencies up.</summary>
    public static IReadOnlyList<string> Proposers => ActionPlan.FollowUpRoles;

    /// <summary>Sanctions with a deadline in the decision.</summary>
    public static bool NeedsDeadline(SanctionType type) => type is SanctionType.Warning or SanctionType.WarningWithActionPlan or SanctionType.Injunction;

    /// <summary>
    /// The next step of the ladder for a deficiency that persists: the mildest allowed sanction stricter than the strictest one
    /// already decided for it; the mildest allowed when none was; the strictest allowed again at the top. Null when none is allowed.
    /// </summary>
    public static SanctionType? NextStep(IReadOnlyCollection<SanctionType> allowed, IEnumerable<SanctionType> decidedBefore)
    {
        if (allowed.Count == 0)
        {
            return null;
        }
        var strictest = decidedBefore.DefaultIfEmpty().Max();
        return allowed.Where(t => t > strictest).DefaultIfEmpty(allowed.Max()).Min();
    }

    /// <summary>The quality developer (or another who follows deficiencies up) proposes a sanction for some of a plan's deficiencies.</summary>
    public static (Sanction? Sanction, Refusal? Refusal) Propose(
        SanctionBasis basis, IReadOnlyCollection<Guid>? deficiencyIds, SanctionType? type, string? motivation, WorkflowActor actor, DateTimeOffset at, DateOnly today)
    {
        if (!actor.IsIn([.. Proposers]))
        {
            return (null, NotProposer);
        }
        if (Groundless(basis, today) is { } groundless)
        {
            return (null, groundless);
        }
        var chosen = (deficiencyIds ?? []).Distinct().ToList();
        if (chosen.Count == 0)
        {
            return (null, Refusal.Invalid("Välj minst en brist som sanktionen gäller.", "DeficiencyIds"));
        }
        var deficiencies = chosen.Select(id => basis.Deficiencies.FirstOrDefault(d => d.Id == id)).ToList();
        if (deficiencies.Any(d => d is null))
        {
            return (null, Refusal.Invalid("Välj bland åtgärdsplanens brister.", "DeficiencyIds"));
        }
        if (deficiencies.FirstOrDefault(d => d!.UnderOpenProposal) is { } taken)
        {
            return (null, Refusal.Invalid($"Brist {taken.Number} har redan ett förslag till sanktion som inte är avgjort.", "DeficiencyIds"));
        }
        var allowed = Allowed(deficiencies!);
        if (allowed.Count == 0)
        {
            return (null, Refusal.Invalid("Villkoren som bristerna gäller anger inga sanktioner. Koppla bristen till villkoret som anger sanktionen.", "Type"));
        }
        if (type is not { } proposed || !Enum.IsDefined(proposed))
        {
            return (null, Refusal.Invalid("Välj vilken sanktion som föreslås.", "Type"));
        }
        if (!allowed.Contains(proposed))
        {
            return (null, Refusal.Invalid($"Villkoren tillåter bara {Names(allowed)}.", "Type"));
        }
        if (FreeText.Required(motivation, "Motiveringen", "Motivation", TextMax) is { } problem)
        {
            return (null, problem);
        }
        var sanction = Start(basis, deficiencies!, allowed, proposed, motivation!.Trim(), escalation: false, actor, today);
        sanction.Record(SanctionStepKind.Proposed, actor, at, null);
        return (sanction, null);
    }

    /// <summary>
    /// The proposal that follows when <paramref name="deficiencyId"/> persisted at a follow-up: the next step of the ladder, to be
    /// assessed like any proposal. Null when none follows: an in-house unit, no sanction allowed, or one already open for it.
    /// </summary>
    public static Sanction? Escalate(
        SanctionBasis basis, Guid deficiencyId, IEnumerable<SanctionType> decidedBefore, WorkflowActor actor, DateTimeOffset at, DateOnly today)
    {
        if (Groundless(basis, today) is not null || basis.Deficiencies.FirstOrDefault(d => d.Id == deficiencyId) is not { UnderOpenProposal: false } deficiency)
        {
            return null;
        }
        var before = decidedBefore.ToList();
        if (NextStep(deficiency.Allowed, before) is not { } next)
        {
            return null;
        }
        var motivation = $"Brist {deficiency.Number} kvarstod vid uppföljningen den {SwedishWording.Date(today)}"
            + (deficiency.PersistCount > 1 ? $", för {SwedishWording.Ordinal(deficiency.PersistCount)} gången" : "") + ". "
            + (before.Count == 0 ? "Ingen sanktion har beslutats för bristen tidigare." : $"Tidigare beslut: {Names(before.Distinct().Order().ToList())}.")
            + $" Nästa steg enligt villkoren är {DisplayNames.Of(next).ToLowerInvariant()}.";
        var sanction = Start(basis, [deficiency], deficiency.Allowed.Distinct().Order().ToList(), next, motivation, escalation: true, actor, today);
        sanction.Record(SanctionStepKind.Escalated, actor, at, null);
        return sanction;
    }

    /// <summary>The group manager's assessment: send the proposal to the committee, ask for more review first, or propose no sanction.</summary>
    public Refusal? Assess(WorkflowActor actor, SanctionAssessmentOutcome? outcome, string? comment, DateTimeOffset at, DateOnly today)
    {
        if (!actor.IsIn(R.GroupManager))
        {
            return Refusal.NotAllowed("Bara en gruppchef bedömer förslag till sanktioner.");
        }
        if (State is not (SanctionState.Proposed or SanctionState.MoreReviewNeeded))
        {
            return Refusal.WrongState($"Förslaget är redan bedömt; det {Phrase(State)}.");
        }
        if (outcome is not { } assessed || !Enum.IsDefined(assessed))
        {
            return Refusal.Invalid("Välj din bedömning.", "Outcome");
        }
        var problem = assessed == SanctionAssessmentOutcome.ToCommittee
            ? FreeText.Optional(comment, "Kommentaren", "Comment", TextMax)
            : FreeText.Required(comment, assessed == SanctionAssessmentOutcome.MoreReview ? "Vad som behöver granskas" : "Skälet", "Comment", TextMax);
        if (problem is not null)
        {
            return problem;
        }
        (State, var kind) = assessed switch
        {
            SanctionAssessmentOutcome.ToCommittee => (SanctionState.AwaitingCommittee, SanctionStepKind.ToCommittee),
            SanctionAssessmentOutcome.MoreReview => (SanctionState.MoreReviewNeeded, SanctionStepKind.MoreReviewNeeded),
            _ => (SanctionState.NotProposed, SanctionStepKind.NotProposed),
        };
        AssessmentComment = FreeText.Trimmed(comment);
        AssessedByName = actor.Name;
        AssessedOn = today;
        Record(kind, actor, at, comment);
        return null;
    }

    /// <summary>After more review, the proposer revises the proposal (sanction and motivation) for the group manager to assess again.</summary>
    public Refusal? Revise(WorkflowActor actor, SanctionType? type, string? motivation, DateTimeOffset at)
    {
        if (!actor.IsIn([.. Proposers]))
        {
            return NotProposer;
        }
        if (State != SanctionState.MoreReviewNeeded)
        {
            return Refusal.WrongState($"Ett förslag ändras bara när gruppchefen har begärt mer granskning; det {Phrase(State)}.");
        }
        if (type is not { } proposed || !AllowedTypes.Contains(proposed))
        {
            return Refusal.Invalid($"Villkoren tillåter bara {Names(AllowedTypes)}.", "Type");
        }
        if (FreeText.Required(motivation, "Motiveringen", "Motivation", TextMax) is { } problem)
        {
            return problem;
        }
        ProposedType = proposed;
        Motivation = motivation!.Trim();
        State = SanctionState.Proposed;
        Record(SanctionStepKind.Revised, actor, at, null);
        return null;
    }

    /// <summary>
    /// The secretary of the deciding committee records its decision: the sanction decided (among those allowed, and with a
    /// deadline for warnings and injunctions), or that the committee decided none.
    /// </summary>
    public Refusal? RecordDecision(WorkflowActor actor, SanctionDecisionInput input, DateTimeOffset at, DateOnly today)
    {
        if (CommitteeDecision.RefuseRecorder(actor, CommitteeId, "den som beslutar om sanktionen") is { } refusal)
        {
            return refusal;
        }
        if (State != SanctionState.AwaitingCommittee)
        {
            return Refusal.WrongState($"Nämnden beslutar om förslag som gruppchefen har skickat vidare; förslaget {Phrase(State)}.");
        }
        if (input.Decided is not { } decided)
        {
            return Refusal.Invalid("Ange om nämnden beslutade om en sanktion.", "Decided");
        }
        var (decision, invalid) = CommitteeDecision.From(input.DecidedOn, input.Paragraph, input.CaseNumber, today);
        if (invalid is not null)
        {
            return invalid;
        }
        if (decision!.DecidedOn < (AssessedOn ?? ProposedOn))
        {
            return Refusal.Invalid($"Beslutet kan inte vara fattat före gruppchefens bedömning den {SwedishWording.Date(AssessedOn ?? ProposedOn)}.", "DecidedOn");
        }
        if (FreeText.Optional(input.Comment, "Kommentaren", "Comment", TextMax) is { } problem)
        {
            return problem;
        }
        if (decided)
        {
            if (input.Type is not { } type || !AllowedTypes.Contains(type))
            {
                return Refusal.Invalid($"Välj den sanktion nämnden beslutade; villkoren tillåter {Names(AllowedTypes)}.", "Type");
            }
            var latest = decision.DecidedOn.AddMonths(MaxFixMonths);
            if (NeedsDeadline(type) && input.FixBy is null)
            {
                return Refusal.Invalid($"Ange beslutets tidsfrist för att åtgärda bristerna ({DisplayNames.Of(type).ToLowerInvariant()} har en tidsfrist).", "FixBy");
            }
            if (input.FixBy is { } fixBy && (fixBy <= decision.DecidedOn || fixBy > latest))
            {
                return Refusal.Invalid($"Tidsfristen ska ligga efter beslutsdagen och högst {MaxFixMonths} månader fram, senast {SwedishWording.Date(latest)}.", "FixBy");
            }
            DecidedType = type;
            FixBy = input.FixBy;
        }
        State = decided ? SanctionState.Decided : SanctionState.NotDecided;
        DecidedOn = decision.DecidedOn;
        DecisionParagraph = decision.Paragraph;
        DecisionCaseNumber = decision.CaseNumber;
        Record(decided ? SanctionStepKind.Decided : SanctionStepKind.NotDecided, actor, at, input.Comment);
        return null;
    }

    /// <summary>The follow-up reviews planned for a decided warning: the verification visit and the following year's check.</summary>
    public void ScheduledChecks(Guid verificationReviewId, Guid yearCheckReviewId)
    {
        VerificationReviewId = verificationReviewId;
        YearCheckReviewId = yearCheckReviewId;
    }

    /// <summary>
    /// When the following year's check falls: a year after the warning's deadline, or after the decision when it has none.
    /// </summary>
    public DateOnly? YearCheckOn => IsWarning ? (FixBy ?? DecidedOn!.Value).AddYears(1) : null;

    /// <summary>"varning" or "varning och varning med åtgärdsplan": sanctions as a sentence names them.</summary>
    public static string Names(IReadOnlyList<SanctionType> types)
    {
        var names = types.Select(t => DisplayNames.Of(t).ToLowerInvariant()).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " eller " + names[^1];
    }

    private static readonly Refusal NotProposer =
        Refusal.NotAllowed("Sanktioner föreslås av kvalitetsutvecklare, uppföljare, medicinskt ansvariga och gruppchefer.");

    /// <summary>
    /// What stands in the way of any proposal on the plan, whatever is chosen: an in-house unit (rule 1), a provider that has not
    /// yet seen the report or may still answer it (rule 5), no deciding committee. Null when a proposal may be made.
    /// </summary>
    public static Refusal? Groundless(SanctionBasis basis, DateOnly today)
    {
        if (basis.InHouse)
        {
            return Refusal.WrongState("En enhet i egen regi får inga sanktioner. Bristerna påtalas och följs upp på samma sätt, utan sanktion.");
        }
        if (basis.CommunicatedOn is null || basis.ResponseDueOn is not { } due)
        {
            return Refusal.WrongState("Anordnaren har inte fått se rapporten. En sanktion kan föreslås först när anordnaren har fått den och haft tid att svara.");
        }
        if (!basis.Responded && today <= due)
        {
            return Refusal.WrongState($"Anordnaren har till och med {SwedishWording.Date(due)} att svara. En sanktion kan föreslås när svaret har kommit eller tiden har gått ut.");
        }
        return basis.CommitteeId is null
            ? Refusal.Invalid("Det går inte att avgöra vilken nämnd som beslutar: bristerna är inte kopplade till något kundval eller villkor.")
            : null;
    }

    private static List<SanctionType> Allowed(IEnumerable<SanctionDeficiency> deficiencies) =>
        [.. deficiencies.SelectMany(d => d.Allowed).Distinct().Order()];

    private static Sanction Start(
        SanctionBasis basis, IReadOnlyList<SanctionDeficiency> deficiencies, List<SanctionType> allowed, SanctionType type, string motivation, bool escalation,
        WorkflowActor actor, DateOnly today) => new()
        {
            ActionPlanId = basis.ActionPlanId,
            ProviderId = basis.ProviderId,
            UnitId = basis.UnitId,
            CommitteeId = basis.CommitteeId!.Value,
            Title = basis.Title,
            DeficiencyIds = [.. deficiencies.OrderBy(d => d.Number).Select(d => d.Id)],
            AllowedTypes = allowed,
            ProposedType = type,
            Motivation = motivation,
            Escalation = escalation,
            ProposedOn = today,
            ProposedById = actor.UserId,
            ProposedByName = actor.Name,
            CommunicatedOn = basis.CommunicatedOn!.Value,
        };

    /// <summary>The state as it reads after "förslaget".</summary>
    private static string Phrase(SanctionState state) => state switch
    {
        SanctionState.Proposed => "väntar på gruppchefens bedömning",
        SanctionState.MoreReviewNeeded => "väntar på mer granskning",
        SanctionState.AwaitingCommittee => "väntar på nämndens beslut",
        SanctionState.NotProposed => "lades ner av gruppchefen",
        SanctionState.Decided => "är beslutat av nämnden",
        _ => "avslogs av nämnden",
    };

    private void Record(SanctionStepKind kind, WorkflowActor actor, DateTimeOffset at, string? comment) =>
        Steps.Add(new SanctionStep
        {
            SanctionId = Id,
            Kind = kind,
            OccurredAt = at,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Comment = FreeText.Trimmed(comment),
        });
}
