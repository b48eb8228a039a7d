using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Domain.Deficiencies;

/// <summary>
/// The deficiencies one review (or one serious complaint or incident) found at one unit, and the provider's action plan
/// against them [002] §§5, 7: the provider plans at least one action with a named person and a date for every deficiency and
/// submits the plan; the municipality approves it or returns it with a reason; the provider reports each action done with
/// evidence; the municipality verifies each deficiency — by a phone call or the documents for a minor one, by a follow-up
/// visit for a serious one — and a deficiency closes only on that verification, never on the provider's word alone. One
/// that persists gets a new deadline, and the plan goes back to the provider for new actions.
/// </summary>
public sealed class ActionPlan : Entity
{
    public const int TextMax = 4000;
    public const int NameMax = 200;

    /// <summary>Who follows deficiencies up for the municipality: approve plans, verify, register deficiencies from matters.</summary>
    public static readonly string[] FollowUpRoles = [R.QualityDeveloper, R.DistrictFollowUp, R.MedicalResponsible, R.GroupManager, R.Administrator];

    public Guid ProviderId { get; private set; }

    public Provider? Provider { get; set; }

    public Guid UnitId { get; private set; }

    public Unit? Unit { get; set; }

    public Guid? ChoiceSystemId { get; private set; }

    public DeficiencyOrigin Origin { get; private set; }

    /// <summary>The review, complaint or incident the deficiencies were found in.</summary>
    public Guid OriginId { get; private set; }

    /// <summary>What the deficiencies were found in, e.g. the review's title.</summary>
    public required string Title { get; set; }

    public string? CaseNumber { get; private set; }

    /// <summary>An in-house unit: its deficiencies are pointed out, never sanctioned (rule 1).</summary>
    public bool InHouse { get; private set; }

    public ActionPlanState State { get; private set; } = ActionPlanState.AwaitingPlan;

    public DateOnly CreatedOn { get; private set; }

    /// <summary>The day the provider's plan is due (again, after a return).</summary>
    public DateOnly PlanDueOn { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedByName { get; private set; }

    /// <summary>Why the plan was last sent back to the provider.</summary>
    public string? ReturnReason { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public DateTimeOffset? PlanReminderSentAt { get; private set; }

    public DateTimeOffset? PlanOverdueNoticeSentAt { get; private set; }

    public List<Deficiency> Deficiencies { get; } = [];

    public List<PlannedAction> Actions { get; } = [];

    public List<ActionPlanStep> Steps { get; } = [];

    /// <summary>The provider may change the plan: before it is submitted, and after it came back.</summary>
    public bool OpenToProvider => State is ActionPlanState.AwaitingPlan or ActionPlanState.Returned;

    /// <summary>"påtalad brist" at an in-house unit, "brist" otherwise.</summary>
    public string DeficiencyNoun => InHouse ? "påtalad brist" : "brist";

    /// <summary>"en brist", "3 brister"; at an in-house unit "en påtalad brist", "3 påtalade brister".</summary>
    public static string CountOf(int count, bool inHouse) =>
        (count, inHouse) switch
        {
            (1, false) => "en brist",
            (1, true) => "en påtalad brist",
            (_, false) => $"{count} brister",
            _ => $"{count} påtalade brister",
        };

    /// <summary>A step's name on the plan's timeline and the unit's, in the words of an in-house unit where it is one.</summary>
    public static string StepName(ActionPlanStepKind kind, bool inHouse) => (kind, inHouse) switch
    {
        (ActionPlanStepKind.Created, true) => "Påtalade brister registrerades",
        (ActionPlanStepKind.Verified, true) => "En påtalad brist verifierades som åtgärdad",
        (ActionPlanStepKind.Persisting, true) => "En påtalad brist kvarstod vid uppföljningen",
        _ => DisplayNames.Of(kind),
    };

    /// <summary>
    /// The plans a final review's deficiencies make: one per unit with a finding assessed as a minor or serious deficiency,
    /// each deficiency due the months its finding gave from the day the report became final. An in-house unit's are pointed
    /// out; a unit whose ownership disagrees with its provider's is refused, for equal terms keys on it (rule 1).
    /// </summary>
    public static (IReadOnlyList<ActionPlan> Plans, Refusal? Refusal) FromFinalReview(
        Review review, bool providerInHouse, IReadOnlyDictionary<Guid, Ownership> unitOwnership, WorkflowActor actor, DateTimeOffset at, int planDays)
    {
        if (review.State != ReviewState.Final || review.FinalisedOn is not { } finalisedOn)
        {
            return ([], Refusal.WrongState("Brister registreras när granskningens rapport har fastställts."));
        }
        var plans = new List<ActionPlan>();
        foreach (var unit in review.Findings.Where(f => f.IsDeficiency).GroupBy(f => f.UnitId))
        {
            if (!unitOwnership.TryGetValue(unit.Key, out var ownership) || (ownership == Ownership.InHouse) != providerInHouse)
            {
                return ([], OwnershipMismatch);
            }
            var plan = Start(DeficiencyOrigin.Review, review.Id, review.Title, review.ProviderId, unit.Key, review.ChoiceSystemId, review.CaseNumber,
                providerInHouse, finalisedOn, planDays);
            foreach (var finding in unit.OrderBy(f => f.QuestionCode, StringComparer.Ordinal))
            {
                plan.Add(finding.Assessment!.Value, finding.Area, finding.Observation ?? $"Brist vid granskningen, fråga {finding.QuestionCode}.",
                    finding.RequiredAction ?? "Åtgärda bristen.", finding.FixWithinMonths ?? Review.DefaultFixMonths, finding.ConditionVersionIds, finalisedOn,
                    finding.Id, finding.QuestionCode);
            }
            var found = CountOf(plan.Deficiencies.Count, plan.InHouse);
            plan.Record(ActionPlanStepKind.Created, actor, at, $"{char.ToUpper(found[0], SwedishWording.Culture)}{found[1..]} från granskningens slutliga rapport.");
            plans.Add(plan);
        }
        return (plans, null);
    }

    /// <summary>
    /// A deficiency the municipality registers from a serious complaint or incident [002] §5 ("åtgärdsplaner kopplade till
    /// allvarliga klagomål, fel, brister och avvikelser"), in a plan of its own.
    /// </summary>
    public static (ActionPlan? Plan, Refusal? Refusal) FromMatter(
        DeficiencyMatter matter, DeficiencyInput input, WorkflowActor actor, DateTimeOffset at, DateOnly today, int planDays)
    {
        if (!actor.IsIn(FollowUpRoles))
        {
            return (null, NotFollowingUp);
        }
        if (matter.Origin == DeficiencyOrigin.Review)
        {
            return (null, Refusal.Invalid("En gransknings brister registreras när rapporten fastställs."));
        }
        if (!matter.IsSerious)
        {
            return (null, Refusal.Invalid(matter.Origin == DeficiencyOrigin.Complaint
                ? "Brister registreras från allvarliga klagomål. Klagomålet är inte bedömt som allvarligt."
                : "Brister registreras från allvarliga händelser och avvikelser. Händelsen är inte bedömd som allvarlig."));
        }
        if (matter.UnitInHouse != matter.ProviderInHouse)
        {
            return (null, OwnershipMismatch);
        }
        if (input.Severity is not (Assessment.MinorDeficiency or Assessment.SeriousDeficiency))
        {
            return (null, Refusal.Invalid("Välj Mindre brist eller Allvarlig brist.", "Severity"));
        }
        var months = input.FixWithinMonths ?? Review.DefaultFixMonths;
        if ((FreeText.Required(input.Area, "Området", "Area", NameMax) ?? FreeText.Required(input.Description, "Beskrivningen av bristen", "Description", TextMax)
            ?? FreeText.Required(input.RequiredAction, "Kravet på åtgärd", "RequiredAction", TextMax)) is { } problem)
        {
            return (null, problem);
        }
        if (months is < Review.MinFixMonths or > Review.MaxFixMonths)
        {
            return (null, Refusal.Invalid($"Tiden att åtgärda en brist är {Review.MinFixMonths}–{Review.MaxFixMonths} månader.", "FixWithinMonths"));
        }
        var plan = Start(matter.Origin, matter.Id, matter.Title, matter.ProviderId, matter.UnitId, null, null, matter.ProviderInHouse, today, planDays);
        plan.Add(input.Severity.Value, input.Area!.Trim(), input.Description!.Trim(), input.RequiredAction!.Trim(), months, input.ConditionVersionIds ?? [], today, null, null);
        plan.Record(ActionPlanStepKind.Created, actor, at, null);
        return (plan, null);
    }

    /// <summary>
    /// The provider plans an action against an open deficiency: what, a named person responsible, and a date by the deficiency's
    /// deadline — or, when the deadline has already passed, within a month.
    /// </summary>
    public (PlannedAction? Action, Refusal? Refusal) AddAction(
        WorkflowActor actor, Guid deficiencyId, string? description, string? responsibleName, DateOnly? dueOn, DateOnly today)
    {
        if (RefuseProviderEdit(actor) is { } refusal)
        {
            return (null, refusal);
        }
        var deficiency = Deficiencies.Find(d => d.Id == deficiencyId);
        if (deficiency is null || deficiency.State != DeficiencyState.Open)
        {
            return (null, Refusal.Invalid("Välj en öppen brist i planen.", "DeficiencyId"));
        }
        if ((FreeText.Required(description, "Åtgärden", "Description", TextMax) ?? FreeText.Required(responsibleName, "Ansvarig person", "ResponsibleName", NameMax)) is { } problem)
        {
            return (null, problem);
        }
        if (dueOn is not { } due)
        {
            return (null, Refusal.Invalid("Ange när åtgärden ska vara genomförd.", "DueOn"));
        }
        if (due < today)
        {
            return (null, Refusal.Invalid("Datumet för åtgärden har redan passerat.", "DueOn"));
        }
        if (deficiency.DeadlineOn >= today && due > deficiency.DeadlineOn)
        {
            return (null, Refusal.Invalid($"Åtgärden ska vara genomförd senast bristens tidsfrist, {SwedishWording.Date(deficiency.DeadlineOn)}.", "DueOn"));
        }
        if (deficiency.DeadlineOn < today && due > today.AddMonths(1))
        {
            return (null, Refusal.Invalid($"Bristens tidsfrist har passerat. Åtgärden ska vara genomförd inom en månad, senast {SwedishWording.Date(today.AddMonths(1))}.", "DueOn"));
        }
        var action = new PlannedAction
        {
            ActionPlanId = Id,
            DeficiencyId = deficiencyId,
            Description = description!.Trim(),
            ResponsibleName = responsibleName!.Trim(),
            DueOn = due,
        };
        Actions.Add(action);
        return (action, null);
    }

    /// <summary>The provider removes an action it planned and has not reported done, while the plan is its to change.</summary>
    public Refusal? RemoveAction(WorkflowActor actor, Guid actionId)
    {
        if (RefuseProviderEdit(actor) is { } refusal)
        {
            return refusal;
        }
        var action = Actions.Find(a => a.Id == actionId);
        if (action is null)
        {
            return Refusal.Invalid("Åtgärden finns inte i planen.", "ActionId");
        }
        if (action.IsDone)
        {
            return Refusal.WrongState("En åtgärd som har rapporterats genomförd ligger kvar i planen.");
        }
        Actions.Remove(action);
        return null;
    }

    /// <summary>
    /// The provider submits the plan: only when every open deficiency has an action, and one that persisted at a follow-up has
    /// an action still to be done (those before it did not fix it). A deficiency whose actions are done and await the
    /// municipality's verification needs none.
    /// </summary>
    public Refusal? Submit(WorkflowActor actor, DateTimeOffset at, string? comment)
    {
        if ((RefuseProviderEdit(actor) ?? CheckComment(comment)) is { } refusal)
        {
            return refusal;
        }
        var without = Deficiencies.Where(NeedsNewAction).Select(d => d.Number).Order().ToList();
        if (without.Count > 0)
        {
            return Refusal.Invalid($"Varje brist behöver minst en åtgärd med ansvarig person och datum innan planen lämnas in. "
                + $"Saknar åtgärd: {(without.Count == 1 ? "brist" : "brister")} {string.Join(", ", without)}.");
        }
        State = ActionPlanState.Submitted;
        SubmittedAt = at;
        Record(ActionPlanStepKind.Submitted, actor, at, comment);
        return null;
    }

    /// <summary>The municipality approves a submitted plan; the provider then carries out the actions and reports them.</summary>
    public Refusal? Approve(WorkflowActor actor, DateTimeOffset at, string? comment)
    {
        if ((RefuseDecision(actor) ?? CheckComment(comment)) is { } refusal)
        {
            return refusal;
        }
        State = ActionPlanState.Approved;
        ApprovedAt = at;
        ApprovedByName = actor.Name;
        ReturnReason = null;
        Record(ActionPlanStepKind.Approved, actor, at, comment);
        return null;
    }

    /// <summary>The municipality returns a submitted plan with a reason; the provider has <paramref name="planDays"/> days to complete it.</summary>
    public Refusal? Return(WorkflowActor actor, string? reason, DateTimeOffset at, DateOnly today, int planDays)
    {
        if (RefuseDecision(actor) is { } refusal)
        {
            return refusal;
        }
        if (FreeText.Required(reason, "Skälet", "Reason", TextMax) is { } problem)
        {
            return problem;
        }
        SendBack(reason!.Trim(), today, planDays);
        Record(ActionPlanStepKind.Returned, actor, at, ReturnReason);
        return null;
    }

    /// <summary>The provider reports an action of the approved plan done: what was done, with at least one file of the plan as evidence.</summary>
    public Refusal? ReportDone(WorkflowActor actor, Guid actionId, string? report, IReadOnlyCollection<Guid> evidenceFileIds, DateTimeOffset at, DateOnly today)
    {
        if (RefuseProvider(actor) is { } refusal)
        {
            return refusal;
        }
        if (State != ActionPlanState.Approved)
        {
            return Refusal.WrongState($"Åtgärder rapporteras när planen är godkänd; den är {Phrase(State)}.");
        }
        var action = Actions.Find(a => a.Id == actionId);
        if (action is null)
        {
            return Refusal.Invalid("Åtgärden finns inte i planen.", "ActionId");
        }
        if (action.IsDone)
        {
            return Refusal.WrongState("Åtgärden är redan rapporterad som genomförd.");
        }
        if (FreeText.Required(report, "Redovisningen", "Report", TextMax) is { } problem)
        {
            return problem;
        }
        if (evidenceFileIds.Count == 0)
        {
            return Refusal.Invalid("Bifoga underlag som visar att åtgärden är genomförd.", "Evidence");
        }
        action.DoneOn = today;
        action.DoneReport = report!.Trim();
        action.DoneByName = actor.Name;
        action.EvidenceFileIds = [.. evidenceFileIds.Distinct()];
        Record(ActionPlanStepKind.ActionDone, actor, at, action.Description, action.DeficiencyId);
        return null;
    }

    /// <summary>
    /// The municipality's stance on referring a serious deficiency to one authority (rule 4), recorded by those who follow the
    /// plan up, while the deficiency is open. Null on success; otherwise not allowed, a deficiency not in the plan, or the rule's refusal.
    /// </summary>
    public Refusal? RecordStance(WorkflowActor actor, Guid deficiencyId, ReferralAuthority authority, ReferralDecision decision, string? motivation,
        DateOnly decidedOn, DateOnly today)
    {
        if (!actor.IsIn(FollowUpRoles))
        {
            return NotFollowingUp;
        }
        if (Deficiencies.Find(d => d.Id == deficiencyId) is not { } deficiency)
        {
            return Refusal.Invalid("Bristen finns inte i planen.", "DeficiencyId");
        }
        return deficiency.RecordStance(authority, decision, motivation, decidedOn, actor.Name, today);
    }

    /// <summary>
    /// The municipality's verification of one deficiency: what was checked, how and when, and whether it was fixed. A serious
    /// deficiency is checked at a visit, which is a follow-up review of the provider covering the unit whose visit took place
    /// [002] §3; a fixed deficiency needs every action against it reported done. When it persists it gets a new deadline one
    /// to six months ahead and the plan goes back to the provider for new actions; when every deficiency is fixed the plan closes.
    /// </summary>
    public Refusal? Verify(WorkflowActor actor, Guid deficiencyId, VerificationInput input, VerificationVisit? visit, DateTimeOffset at, DateOnly today, int planDays)
    {
        if (!actor.IsIn(FollowUpRoles))
        {
            return NotFollowingUp;
        }
        if (State != ActionPlanState.Approved)
        {
            return Refusal.WrongState($"En brist verifieras när åtgärdsplanen är godkänd; den är {Phrase(State)}.");
        }
        var deficiency = Deficiencies.Find(d => d.Id == deficiencyId);
        if (deficiency is null)
        {
            return Refusal.Invalid("Bristen finns inte i planen.", "DeficiencyId");
        }
        if (deficiency.State != DeficiencyState.Open)
        {
            return Refusal.WrongState("Bristen är redan verifierad som åtgärdad.");
        }
        if (VerificationProblem(deficiency, input, visit, today) is { } problem)
        {
            return problem;
        }
        if (input.Fixed == true && deficiency.RefuseClosing("En allvarlig brist kan inte verifieras som åtgärdad") is { } missing)
        {
            return missing;
        }
        var (method, on, isFixed) = (input.Method!.Value, input.VerifiedOn!.Value, input.Fixed!.Value);
        deficiency.Verifications.Add(new DeficiencyVerification
        {
            DeficiencyId = deficiency.Id,
            VerifiedOn = on,
            Method = method,
            CheckedWhat = input.CheckedWhat!.Trim(),
            Fixed = isFixed,
            ReviewId = method == VerificationMethod.Visit ? visit!.ReviewId : null,
            NewDeadlineOn = isFixed ? null : input.NewDeadlineOn,
            VerifiedById = actor.UserId,
            VerifiedByName = actor.Name,
        });
        if (isFixed)
        {
            deficiency.State = DeficiencyState.Fixed;
            deficiency.FixedOn = on;
            Record(ActionPlanStepKind.Verified, actor, at, $"Brist {deficiency.Number}: {input.CheckedWhat!.Trim()}", deficiency.Id);
            if (Deficiencies.All(d => d.State == DeficiencyState.Fixed))
            {
                State = ActionPlanState.Closed;
                ClosedOn = today;
                Record(ActionPlanStepKind.Closed, actor, at, null);
            }
            return null;
        }
        deficiency.PersistCount++;
        deficiency.DeadlineOn = input.NewDeadlineOn!.Value;
        var reason = $"Brist {deficiency.Number} kvarstår vid uppföljningen {SwedishWording.Date(on)}: {input.CheckedWhat!.Trim()} "
            + $"Ny tidsfrist {SwedishWording.Date(deficiency.DeadlineOn)}. Lägg till nya åtgärder och lämna in planen igen.";
        SendBack(reason.Length > TextMax ? reason[..TextMax] : reason, today, planDays);
        Record(ActionPlanStepKind.Persisting, actor, at, input.CheckedWhat!.Trim(), deficiency.Id);
        return null;
    }

    /// <summary>
    /// The reminders now due, each sent once: the plan's due date near (within <paramref name="daysBefore"/> days) or passed while
    /// it is the provider's to submit; an approved plan's actions likewise while not reported done.
    /// </summary>
    public IReadOnlyList<DueReminder> DueReminders(DateOnly today, int daysBefore)
    {
        var due = new List<DueReminder>();
        if (OpenToProvider)
        {
            if (PlanDueOn < today && PlanOverdueNoticeSentAt is null)
            {
                due.Add(new DueReminder(ReminderKind.PlanOverdue, PlanDueOn, null));
            }
            else if (PlanDueOn >= today && today >= PlanDueOn.AddDays(-daysBefore) && PlanReminderSentAt is null)
            {
                due.Add(new DueReminder(ReminderKind.PlanDueSoon, PlanDueOn, null));
            }
        }
        if (State == ActionPlanState.Approved)
        {
            foreach (var action in Actions.Where(a => !a.IsDone))
            {
                if (action.DueOn < today && action.OverdueNoticeSentAt is null)
                {
                    due.Add(new DueReminder(ReminderKind.ActionOverdue, action.DueOn, action.Id));
                }
                else if (action.DueOn >= today && today >= action.DueOn.AddDays(-daysBefore) && action.ReminderSentAt is null)
                {
                    due.Add(new DueReminder(ReminderKind.ActionDueSoon, action.DueOn, action.Id));
                }
            }
        }
        return due;
    }

    /// <summary>Records that a reminder was sent, so it is not sent again.</summary>
    public void RecordReminder(DueReminder reminder, DateTimeOffset at)
    {
        var action = reminder.ActionId is { } id ? Actions.Find(a => a.Id == id) : null;
        switch (reminder.Kind)
        {
            case ReminderKind.PlanDueSoon: PlanReminderSentAt = at; break;
            case ReminderKind.PlanOverdue: PlanOverdueNoticeSentAt = at; break;
            case ReminderKind.ActionDueSoon when action is not null: action.ReminderSentAt = at; break;
            case ReminderKind.ActionOverdue when action is not null: action.OverdueNoticeSentAt = at; break;
        }
        Steps.Add(new ActionPlanStep { ActionPlanId = Id, Kind = ActionPlanStepKind.ReminderSent, OccurredAt = at, ActorName = "Uppsikt", Comment = action?.Description });
    }

    private static Refusal OwnershipMismatch => Refusal.Invalid(
        "Enheten och anordnaren har olika regiform i registret (egen regi mot privat eller idéburen). Rätta registret först: "
        + "om bristerna är påtalade brister i egen regi eller brister som kan leda till sanktion avgörs av regiformen.");

    /// <summary>The refusal of a step only those who follow the plan up take.</summary>
    public static Refusal NotFollowingUp =>
        Refusal.NotAllowed("Brister och åtgärdsplaner följs upp av kvalitetsutvecklare, uppföljare, medicinskt ansvariga och gruppchefer.");

    private static ActionPlan Start(
        DeficiencyOrigin origin, Guid originId, string title, Guid providerId, Guid unitId, Guid? choiceSystemId, string? caseNumber, bool inHouse,
        DateOnly createdOn, int planDays) => new()
        {
            Origin = origin,
            OriginId = originId,
            Title = title,
            ProviderId = providerId,
            UnitId = unitId,
            ChoiceSystemId = choiceSystemId,
            CaseNumber = caseNumber,
            InHouse = inHouse,
            CreatedOn = createdOn,
            PlanDueOn = createdOn.AddDays(planDays),
        };

    private void Add(
        Assessment severity, string area, string description, string requiredAction, int months, IEnumerable<Guid> conditionVersionIds, DateOnly on,
        Guid? findingId, string? questionCode) =>
        Deficiencies.Add(new Deficiency
        {
            ActionPlanId = Id,
            ProviderId = ProviderId,
            UnitId = UnitId,
            Number = Deficiencies.Count + 1,
            Severity = severity,
            Area = area,
            Description = description,
            RequiredAction = requiredAction,
            ConditionVersionIds = [.. conditionVersionIds],
            InHouse = InHouse,
            IdentifiedOn = on,
            DeadlineOn = on.AddMonths(months),
            FindingId = findingId,
            QuestionCode = questionCode,
        });

    private Refusal? VerificationProblem(Deficiency deficiency, VerificationInput input, VerificationVisit? visit, DateOnly today)
    {
        if (input.Method is not { } method || !Enum.IsDefined(method))
        {
            return Refusal.Invalid("Välj hur bristen följdes upp.", "Method");
        }
        if (input.Fixed is not { } isFixed)
        {
            return Refusal.Invalid("Ange om bristen är åtgärdad.", "Fixed");
        }
        if (FreeText.Required(input.CheckedWhat, "Vad som kontrollerades", "CheckedWhat", TextMax) is { } problem)
        {
            return problem;
        }
        if (input.VerifiedOn is not { } on || on > today || on < CreatedOn)
        {
            return Refusal.Invalid($"Ange dagen för uppföljningen, från {SwedishWording.Date(CreatedOn)} till och med i dag.", "VerifiedOn");
        }
        if (deficiency.IsSerious && method != VerificationMethod.Visit)
        {
            return Refusal.Invalid("En allvarlig brist följs upp med besök i verksamheten.", "Method");
        }
        if (method == VerificationMethod.Visit && (visit is null || visit.Type != ReviewType.FollowUpReview || visit.ProviderId != ProviderId
            || !visit.UnitIds.Contains(UnitId) || visit.State < ReviewState.VisitDone))
        {
            return Refusal.Invalid("Ett uppföljningsbesök är en uppföljning av tidigare granskning hos anordnaren som omfattar enheten och vars besök är genomfört. Välj den granskningen.", "ReviewId");
        }
        if (isFixed)
        {
            var actions = Actions.Where(a => a.DeficiencyId == deficiency.Id).ToList();
            return actions.Count == 0 || actions.Any(a => !a.IsDone)
                ? Refusal.WrongState("Anordnaren har inte rapporterat alla åtgärder mot bristen som genomförda.")
                : null;
        }
        return input.NewDeadlineOn is { } deadline && deadline > on && deadline > today && deadline <= on.AddMonths(Review.MaxFixMonths)
            ? null
            : Refusal.Invalid($"En brist som kvarstår får en ny tidsfrist efter i dag och inom {Review.MaxFixMonths} månader från uppföljningen.", "NewDeadlineOn");
    }

    private bool NeedsNewAction(Deficiency deficiency)
    {
        if (deficiency.State != DeficiencyState.Open)
        {
            return false;
        }
        var actions = Actions.Where(a => a.DeficiencyId == deficiency.Id).ToList();
        var persisted = deficiency.Verifications.Where(v => !v.Fixed).Select(v => (DateOnly?)v.VerifiedOn).Max();
        return actions.Count == 0 || (persisted is { } on && actions.All(a => a.IsDone && a.DoneOn <= on));
    }

    private void SendBack(string reason, DateOnly today, int planDays)
    {
        State = ActionPlanState.Returned;
        ReturnReason = reason;
        PlanDueOn = today.AddDays(planDays);
        PlanReminderSentAt = null;
        PlanOverdueNoticeSentAt = null;
    }

    private Refusal? RefuseProvider(WorkflowActor actor) =>
        !actor.IsIn(R.ProviderUser) || actor.ProviderId != ProviderId ? Refusal.NotAllowed("Åtgärdsplanen skrivs och redovisas av anordnaren.") : null;

    private Refusal? RefuseProviderEdit(WorkflowActor actor) =>
        RefuseProvider(actor) ?? (OpenToProvider ? null : Refusal.WrongState($"Planen kan ändras innan den lämnas in och när den har återsänts; den är {Phrase(State)}."));

    private Refusal? RefuseDecision(WorkflowActor actor) =>
        !actor.IsIn(FollowUpRoles) ? NotFollowingUp
        : State != ActionPlanState.Submitted ? Refusal.WrongState($"Bara en inlämnad åtgärdsplan kan godkännas eller återsändas; den är {Phrase(State)}.")
        : null;

    private static Refusal? CheckComment(string? comment) => FreeText.Optional(comment, "Kommentaren", "Comment", TextMax);

    /// <summary>The state as it reads after "den är".</summary>
    private static string Phrase(ActionPlanState state) => state switch
    {
        ActionPlanState.AwaitingPlan => "ännu inte inlämnad",
        ActionPlanState.Submitted => "inlämnad och väntar på beslut",
        ActionPlanState.Returned => "återsänd till anordnaren",
        ActionPlanState.Approved => "godkänd",
        _ => "avslutad",
    };

    private void Record(ActionPlanStepKind kind, WorkflowActor actor, DateTimeOffset at, string? comment, Guid? deficiencyId = null) =>
        Steps.Add(new ActionPlanStep
        {
            ActionPlanId = Id,
            Kind = kind,
            OccurredAt = at,
            DeficiencyId = deficiencyId,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
}
