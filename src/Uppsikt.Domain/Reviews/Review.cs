using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Register;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Domain.Reviews;

/// <summary>
/// Granskning: a review of one provider's unit, or of several of its units in a targeted follow-up, against a checklist,
/// usually with a visit (docs/specification.md). Planned → preparation → visit done → draft report → communicated to the
/// provider → final → closed; each step by the right role, recorded on the review's timeline (decision 0020).
/// </summary>
public sealed class Review : Entity
{
    public const int TitleMax = 200;
    public const int TextMax = 4000;
    public const int ShortTextMax = 400;

    /// <summary>A deficiency is followed up within one to six months [000]; three unless the reviewer says otherwise.</summary>
    public const int MinFixMonths = 1;

    public const int MaxFixMonths = 6;

    public const int DefaultFixMonths = 3;

    public ReviewType Type { get; private set; }

    public ReviewState State { get; private set; } = ReviewState.Planned;

    public required string Title { get; set; }

    public Guid ProviderId { get; private set; }

    public Provider? Provider { get; set; }

    public Guid ChoiceSystemId { get; private set; }

    public ChoiceSystem? ChoiceSystem { get; set; }

    /// <summary>The checklist version the findings answer; fixed once the review is planned.</summary>
    public Guid? ChecklistId { get; private set; }

    /// <summary>The earlier review a follow-up review follows up.</summary>
    public Guid? FollowsUpReviewId { get; private set; }

    /// <summary>Diarienummer; required before the report is communicated.</summary>
    public string? CaseNumber { get; private set; }

    /// <summary>Why the review was decided: the signal, complaint or management decision behind it.</summary>
    public string? Reason { get; set; }

    /// <summary>Who decided the review, by name and role, as the decision records it.</summary>
    public required string DecidedByName { get; set; }

    public required string DecidedByRole { get; set; }

    public DateOnly DecidedOn { get; private set; }

    /// <summary>The month or day the review is planned for.</summary>
    public DateOnly PlannedFor { get; set; }

    public string? LeadUserId { get; set; }

    public required string LeadName { get; set; }

    public VisitMode VisitMode { get; set; }

    public DateTimeOffset? VisitAt { get; set; }

    /// <summary>The address, or the meeting link's description for a digital visit.</summary>
    public string? VisitPlace { get; set; }

    /// <summary>Method: what was read, who was interviewed, what was observed — as the report describes it.</summary>
    public string? Method { get; set; }

    /// <summary>Minnesanteckningar from the visit.</summary>
    public string? MeetingNotes { get; set; }

    /// <summary>The report's summary, written with the draft.</summary>
    public string? Summary { get; set; }

    /// <summary>The overall result, set from the findings when the draft is written (<see cref="OverallResult"/>).</summary>
    public Assessment? Result { get; private set; }

    public DateOnly? CommunicatedOn { get; private set; }

    /// <summary>The last day the provider may respond to the draft report.</summary>
    public DateOnly? ResponseDueOn { get; private set; }

    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>The provider's reason for asking that someone who took no part in the review looks at the report.</summary>
    public string? DisputeReason { get; private set; }

    public DateTimeOffset? DisputedAt { get; private set; }

    public string? IndependentReviewerId { get; private set; }

    public string? IndependentReviewerName { get; private set; }

    public string? DisputeConclusion { get; private set; }

    public DateTimeOffset? DisputeConcludedAt { get; private set; }

    public DateOnly? FinalisedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public List<ReviewUnit> Units { get; } = [];

    public List<ReviewParticipant> Participants { get; } = [];

    public List<ReviewFinding> Findings { get; } = [];

    public List<InterviewNote> Notes { get; } = [];

    public List<ReviewResponse> Responses { get; } = [];

    public List<ReviewStep> Steps { get; } = [];

    /// <summary>A provider sees a review only once its report has been communicated (rule 5): never a draft.</summary>
    public static readonly ReviewState[] VisibleToProvider = [ReviewState.Communicated, ReviewState.Final, ReviewState.Closed];

    public bool DisputeOpen => DisputedAt is not null && DisputeConcludedAt is null;

    /// <summary>What planning a review takes, as entered.</summary>
    public sealed record PlanInput(
        ReviewType Type, string? Title, Guid ChoiceSystemId, IReadOnlyList<Unit> Units, DateOnly? PlannedFor, string? Reason,
        string? CaseNumber, Guid? ChecklistId, Guid? FollowsUpReviewId, VisitMode VisitMode);

    /// <summary>Plans a review: the decider's role must fit the type, and the units one provider's, serving the choice system.</summary>
    public static (Review? Review, Refusal? Refusal) Plan(PlanInput input, WorkflowActor actor, DateTimeOffset at, DateOnly today)
    {
        var deciders = ReviewTypes.DecidedBy(input.Type);
        if (!Enum.IsDefined(input.Type))
        {
            return (null, Refusal.Invalid("Välj typ av granskning.", "Type"));
        }
        if (!actor.IsIn([.. deciders]))
        {
            return (null, Refusal.NotAllowed($"{DisplayNames.Of(input.Type)} beslutas av {RoleList(deciders)}."));
        }
        return Build(input, actor.Name, R.SwedishName(deciders.First(actor.Roles.Contains)), actor.UserId, actor.Name, actor, at, today);
    }

    /// <summary>
    /// Plans a review a committee's decision calls for, such as the visit that checks a warning's deadline ([002] §7.1): the
    /// decision is the decider, <paramref name="leadName"/> leads it (the one who proposed the decision), and
    /// <paramref name="recorder"/> (the secretary recording the decision) takes the step. The same checks as any plan.
    /// </summary>
    public static (Review? Review, Refusal? Refusal) PlanByDecision(
        PlanInput input, CommitteeDecision decision, string committeeName, string? leadUserId, string leadName, WorkflowActor recorder, DateTimeOffset at, DateOnly today) =>
        Build(input, $"{committeeName}, {decision.Paragraph} ({SwedishWording.Date(decision.DecidedOn)})", "Nämnden", leadUserId, leadName, recorder, at, today);

    /// <summary>
    /// Plans a review the year's accepted risk-based selection calls for (specification rule 7): the selection is the decider,
    /// <paramref name="leadUserId"/> leads it (the unit's responsible quality developer, or the one who accepted), and
    /// <paramref name="actor"/>, who accepted the selection, takes the step. The same checks as any plan.
    /// </summary>
    public static (Review? Review, Refusal? Refusal) PlanBySelection(
        PlanInput input, string selectionName, string? leadUserId, string leadName, WorkflowActor actor, DateTimeOffset at, DateOnly today) =>
        Build(input, selectionName, "Riskbaserat urval", leadUserId, leadName, actor, at, today);

    private static (Review? Review, Refusal? Refusal) Build(
        PlanInput input, string decidedByName, string decidedByRole, string? leadUserId, string leadName, WorkflowActor actor, DateTimeOffset at, DateOnly today)
    {
        if (!Enum.IsDefined(input.Type))
        {
            return (null, Refusal.Invalid("Välj typ av granskning.", "Type"));
        }
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > TitleMax)
        {
            return (null, Refusal.Invalid($"Ange en rubrik (högst {TitleMax} tecken).", "Title"));
        }
        if (input.Units.Count == 0)
        {
            return (null, Refusal.Invalid("Välj enheten som ska granskas.", "UnitIds"));
        }
        if (input.Units.Count > 1 && !ReviewTypes.AllowsSeveralUnits(input.Type))
        {
            return (null, Refusal.Invalid("Bara en särskilt riktad uppföljning kan omfatta flera enheter. Välj en enhet.", "UnitIds"));
        }
        if (input.Units.Select(u => u.ProviderId).Distinct().Count() > 1 || input.Units[0].ProviderId is null)
        {
            return (null, Refusal.Invalid("En granskning gäller en anordnares enheter. Planera en granskning per anordnare.", "UnitIds"));
        }
        if (input.Units.FirstOrDefault(u => !u.ChoiceSystems.Any(c => c.Id == input.ChoiceSystemId)) is { } outside)
        {
            return (null, Refusal.Invalid($"{outside.Name} utför inte tjänster i det valda kundvalet.", "UnitIds"));
        }
        if (input.Units.Select(u => ReviewTypes.OwnershipProblem(input.Type, u.Ownership)).FirstOrDefault(p => p is not null) is { } ownership)
        {
            return (null, Refusal.Invalid(ownership, "Type"));
        }
        if (input.PlannedFor is not { } plannedFor)
        {
            return (null, Refusal.Invalid("Ange när granskningen ska göras.", "PlannedFor"));
        }
        if (plannedFor.Year is < 2000 or > 2100)
        {
            return (null, Refusal.Invalid("Ange ett datum mellan år 2000 och 2100.", "PlannedFor"));
        }
        var reason = input.Reason?.Trim();
        if (ReviewTypes.RequiresReason(input.Type) && string.IsNullOrEmpty(reason))
        {
            return (null, Refusal.Invalid("Ange skälet till granskningen: signalen, klagomålet eller ledningens beslut.", "Reason"));
        }
        if (reason is { Length: > TextMax })
        {
            return (null, Refusal.Invalid($"Skälet får vara högst {TextMax} tecken.", "Reason"));
        }
        if (PersonalIdentityNumberDetector.Contains(reason))
        {
            return (null, Refusal.Invalid(PersonalIdentityNumberDetector.Message("Skälet"), "Reason"));
        }
        if (ReviewTypes.RequiresEarlierReview(input.Type) && input.FollowsUpReviewId is null)
        {
            return (null, Refusal.Invalid("Välj granskningen som följs upp.", "FollowsUpReviewId"));
        }
        if (ReviewTypes.RequiresVisit(input.Type) && input.VisitMode == VisitMode.None)
        {
            return (null, Refusal.Invalid($"En {DisplayNames.Of(input.Type).ToLowerInvariant()} görs alltid med besök, på plats eller digitalt.", "VisitMode"));
        }
        if (!Enum.IsDefined(input.VisitMode))
        {
            return (null, Refusal.Invalid("Välj hur besöket görs.", "VisitMode"));
        }
        string? caseNumber = null;
        if (!string.IsNullOrWhiteSpace(input.CaseNumber))
        {
            if (!Register.CaseNumber.TryParse(input.CaseNumber, out var number, out var error))
            {
                return (null, Refusal.Invalid(error, "CaseNumber"));
            }
            caseNumber = number.Value;
        }
        var review = new Review
        {
            Type = input.Type,
            Title = title,
            ProviderId = input.Units[0].ProviderId!.Value,
            ChoiceSystemId = input.ChoiceSystemId,
            ChecklistId = input.ChecklistId,
            FollowsUpReviewId = ReviewTypes.RequiresEarlierReview(input.Type) ? input.FollowsUpReviewId : null,
            CaseNumber = caseNumber,
            Reason = string.IsNullOrEmpty(reason) ? null : reason,
            DecidedByName = decidedByName,
            DecidedByRole = decidedByRole,
            DecidedOn = today,
            PlannedFor = plannedFor,
            LeadUserId = leadUserId,
            LeadName = leadName,
            VisitMode = input.VisitMode,
        };
        review.Units.AddRange(input.Units.Select(u => new ReviewUnit { ReviewId = review.Id, UnitId = u.Id }));
        review.Record(ReviewStepKind.Planned, actor, at, null);
        return (review, null);
    }

    /// <summary>Whether the actor may lead this review's work now: preparation, visit details, findings, notes and the draft.</summary>
    public Refusal? CheckWork(WorkflowActor actor)
    {
        if (!actor.IsIn([.. ReviewTypes.LedBy(Type)]))
        {
            return Refusal.NotAllowed($"En {DisplayNames.Of(Type).ToLowerInvariant()} leds av {RoleList(ReviewTypes.LedBy(Type))}.");
        }
        return State is ReviewState.Planned or ReviewState.Preparing or ReviewState.VisitDone
            ? null
            : Refusal.WrongState($"Granskningen är {StateText}, så underlaget kan inte längre ändras.");
    }

    /// <summary>Changes the case number, the visit's details, the method and the meeting notes while the work is open.</summary>
    public Refusal? SetCaseNumber(WorkflowActor actor, string? caseNumber)
    {
        if (CheckWork(actor) is { } refusal)
        {
            return refusal;
        }
        if (string.IsNullOrWhiteSpace(caseNumber))
        {
            CaseNumber = null;
            return null;
        }
        if (!Register.CaseNumber.TryParse(caseNumber, out var number, out var error))
        {
            return Refusal.Invalid(error, "CaseNumber");
        }
        CaseNumber = number.Value;
        return null;
    }

    /// <summary>Sets the visit: how, when and where. A quality review and a called review cannot drop their visit.</summary>
    public Refusal? ScheduleVisit(WorkflowActor actor, VisitMode mode, DateTimeOffset? at, string? place)
    {
        if (CheckWork(actor) is { } refusal)
        {
            return refusal;
        }
        if (!Enum.IsDefined(mode))
        {
            return Refusal.Invalid("Välj hur besöket görs.", "VisitMode");
        }
        if (mode == VisitMode.None && ReviewTypes.RequiresVisit(Type))
        {
            return Refusal.Invalid($"En {DisplayNames.Of(Type).ToLowerInvariant()} görs alltid med besök, på plats eller digitalt.", "VisitMode");
        }
        var where = place?.Trim();
        if (where is { Length: > ShortTextMax })
        {
            return Refusal.Invalid($"Platsen får vara högst {ShortTextMax} tecken.", "VisitPlace");
        }
        if (mode != VisitMode.None && at is { } when && when.Year is < 2000 or > 2100)
        {
            return Refusal.Invalid("Ange en tid mellan år 2000 och 2100.", "VisitAt");
        }
        VisitMode = mode;
        VisitAt = mode == VisitMode.None ? null : at;
        VisitPlace = mode == VisitMode.None || string.IsNullOrEmpty(where) ? null : where;
        return null;
    }

    /// <summary>Writes the method and the meeting notes; refused when they name a person by personal identity number.</summary>
    public Refusal? WriteMeetingNotes(WorkflowActor actor, string? method, string? meetingNotes)
    {
        if (CheckWork(actor) is { } refusal)
        {
            return refusal;
        }
        if ((CheckText(method, "Metoden", "Method") ?? CheckText(meetingNotes, "Minnesanteckningarna", "MeetingNotes")) is { } problem)
        {
            return problem;
        }
        Method = Clean(method);
        MeetingNotes = Clean(meetingNotes);
        return null;
    }

    /// <summary>Adds a participant from the municipality or the provider.</summary>
    public Refusal? AddParticipant(WorkflowActor actor, string? name, string? title, ParticipantSide side, string? userId = null)
    {
        if (CheckWork(actor) is { } refusal)
        {
            return refusal;
        }
        var who = name?.Trim() ?? "";
        if (who.Length is 0 or > TitleMax)
        {
            return Refusal.Invalid($"Ange deltagarens namn (högst {TitleMax} tecken).", "Name");
        }
        if (title?.Trim() is { Length: > TitleMax })
        {
            return Refusal.Invalid($"Befattningen får vara högst {TitleMax} tecken.", "ParticipantTitle");
        }
        if (!Enum.IsDefined(side))
        {
            return Refusal.Invalid("Välj om deltagaren kommer från kommunen eller anordnaren.", "Side");
        }
        if (Participants.Count >= 50)
        {
            return Refusal.Invalid("En granskning kan ha högst 50 deltagare.", "Name");
        }
        Participants.Add(new ReviewParticipant { ReviewId = Id, Name = who, Title = Clean(title), Side = side, UserId = userId });
        return null;
    }

    public Refusal? RemoveParticipant(WorkflowActor actor, Guid participantId)
    {
        if (CheckWork(actor) is { } refusal)
        {
            return refusal;
        }
        return Participants.RemoveAll(p => p.Id == participantId) == 0 ? Refusal.Invalid("Deltagaren finns inte i granskningen.") : null;
    }

    /// <summary>Adds a structured interview note; refused when it contains a personal identity number (rule 9).</summary>
    public (InterviewNote? Note, Refusal? Refusal) AddNote(WorkflowActor actor, InterviewGroup group, string? text, DateTimeOffset at)
    {
        if (CheckWork(actor) is { } refusal)
        {
            return (null, refusal);
        }
        if (!Enum.IsDefined(group))
        {
            return (null, Refusal.Invalid("Välj vilka intervjun var med.", "Group"));
        }
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
        {
            return (null, Refusal.Invalid("Skriv anteckningen.", "Text"));
        }
        if (CheckText(body, "Anteckningen", "Text") is { } problem)
        {
            return (null, problem);
        }
        var note = new InterviewNote { ReviewId = Id, Group = group, Text = body, WrittenAt = at, WrittenByName = actor.Name };
        Notes.Add(note);
        return (note, null);
    }

    /// <summary>
    /// Records a finding for a checklist question at a unit: the answer, the observation and the assessment, with the condition
    /// versions in force on the visit's date. Each answer is saved as it is given, so a finding may be partly filled in. A
    /// deficiency also takes the action the provider must take and the months it has (1–6, three unless given); the draft
    /// needs the action written (<see cref="WriteDraft"/>).
    /// </summary>
    public (ReviewFinding? Finding, Refusal? Refusal) RecordFinding(
        WorkflowActor actor, Guid unitId, FindingQuestion question, string? answer, string? observation, Assessment? assessment,
        IReadOnlyList<Guid> conditionVersionIds, DateTimeOffset at, string? requiredAction = null, int? fixWithinMonths = null)
    {
        if (CheckWork(actor) is { } refusal)
        {
            return (null, refusal);
        }
        if (!Units.Any(u => u.UnitId == unitId))
        {
            return (null, Refusal.Invalid("Enheten ingår inte i granskningen.", "UnitId"));
        }
        if (question.ChecklistId != ChecklistId)
        {
            return (null, Refusal.Invalid("Frågan hör inte till granskningens checklista.", "QuestionId"));
        }
        if (assessment is { } value && !Enum.IsDefined(value))
        {
            return (null, Refusal.Invalid("Välj en bedömning på skalan.", "Assessment"));
        }
        if ((CheckText(answer, "Svaret", "Answer") ?? CheckText(observation, "Iakttagelsen", "Observation")
            ?? CheckText(requiredAction, "Kravet på åtgärd", "RequiredAction")) is { } problem)
        {
            return (null, problem);
        }
        if (fixWithinMonths is not (null or (>= MinFixMonths and <= MaxFixMonths)))
        {
            return (null, Refusal.Invalid($"Tiden att åtgärda en brist är {MinFixMonths}–{MaxFixMonths} månader.", "FixWithinMonths"));
        }
        var finding = Findings.Find(f => f.UnitId == unitId && f.QuestionId == question.Id);
        if (finding is null)
        {
            finding = new ReviewFinding { ReviewId = Id, UnitId = unitId, QuestionId = question.Id, QuestionCode = question.Code, Area = question.Area, RecordedByName = actor.Name };
            Findings.Add(finding);
        }
        finding.Answer = Clean(answer);
        finding.Observation = Clean(observation);
        finding.Assessment = assessment;
        var deficiency = finding.IsDeficiency;
        finding.RequiredAction = deficiency ? Clean(requiredAction) : null;
        finding.FixWithinMonths = deficiency ? fixWithinMonths ?? DefaultFixMonths : null;
        finding.ConditionVersionIds = [.. conditionVersionIds];
        finding.RecordedAt = at;
        finding.RecordedByName = actor.Name;
        return (finding, null);
    }

    /// <summary>Starts the preparation: gathering the unit's evidence and setting the visit.</summary>
    public Refusal? StartPreparation(WorkflowActor actor, DateTimeOffset at, string? comment) =>
        Step(actor, ReviewState.Planned, ReviewState.Preparing, ReviewStepKind.PreparationStarted, at, comment, () =>
            ChecklistId is null ? Refusal.Invalid("Granskningen har ingen checklista. Aktivera en checklista för granskningstypen och kundvalet först.") : null);

    /// <summary>Records that the visit took place; a review with a visit needs its time, which cannot lie ahead.</summary>
    public Refusal? RecordVisitDone(WorkflowActor actor, DateTimeOffset at, string? comment) =>
        Step(actor, ReviewState.Preparing, ReviewState.VisitDone, ReviewStepKind.VisitDone, at, comment, () =>
            VisitMode != VisitMode.None && VisitAt is null ? Refusal.Invalid("Ange när besöket gjordes.", "VisitAt")
            : VisitAt > at ? Refusal.Invalid("Besöket ligger i framtiden. Registrera det när det är gjort.", "VisitAt")
            : null);

    /// <summary>
    /// Writes the draft report: every required checklist question assessed for every unit, a summary given. The overall
    /// result follows from the findings (<see cref="OverallResult"/>).
    /// </summary>
    public Refusal? WriteDraft(WorkflowActor actor, DateTimeOffset at, string? summary, IReadOnlyList<FindingQuestion> requiredQuestions)
    {
        var text = summary?.Trim() ?? "";
        return Step(actor, ReviewState.VisitDone, ReviewState.DraftReport, ReviewStepKind.DraftWritten, at, null, () =>
        {
            if (text.Length == 0)
            {
                return Refusal.Invalid("Skriv rapportens sammanfattning.", "Summary");
            }
            if (CheckText(text, "Sammanfattningen", "Summary") is { } problem)
            {
                return problem;
            }
            var missing = Units.SelectMany(u => requiredQuestions.Where(q =>
                Findings.Find(f => f.UnitId == u.UnitId && f.QuestionId == q.Id)?.Assessment is null).Select(q => q.Code)).Distinct().ToList();
            if (missing.Count > 0)
            {
                return Refusal.Invalid($"Bedöm alla obligatoriska frågor innan utkastet skrivs. Saknar bedömning: {Codes(missing)}.");
            }
            var withoutAction = Findings.Where(f => f.IsDeficiency && f.RequiredAction is null).Select(f => f.QuestionCode).Distinct().ToList();
            if (withoutAction.Count > 0)
            {
                return Refusal.Invalid($"Skriv vad anordnaren ska åtgärda för varje brist innan utkastet skrivs. Saknar krav på åtgärd: {Codes(withoutAction)}.");
            }
            Summary = text;
            Result = OverallResult.Of(Findings.Select(f => f.Assessment));
            return null;
        });
    }

    /// <summary>Reopens a draft for more work before it is communicated, for example after the group manager's reading.</summary>
    public Refusal? ReopenDraft(WorkflowActor actor, DateTimeOffset at, string? comment)
    {
        if (!actor.IsIn([.. ReviewTypes.LedBy(Type), R.GroupManager]))
        {
            return Refusal.NotAllowed($"Bara den som leder granskningen eller en gruppchef kan öppna utkastet igen.");
        }
        if (State != ReviewState.DraftReport)
        {
            return Refusal.WrongState($"Bara ett utkast som inte har kommunicerats kan öppnas igen; granskningen är {StateText}.");
        }
        State = ReviewState.VisitDone;
        Result = null;
        Record(ReviewStepKind.DraftReopened, actor, at, comment);
        return null;
    }

    /// <summary>
    /// Communicates the draft report to the provider (rule 5) with a deadline for the response: <paramref name="responseDays"/>
    /// days from today unless a later date is given. The review needs its case number first.
    /// </summary>
    public Refusal? Communicate(WorkflowActor actor, DateTimeOffset at, DateOnly today, int responseDays, DateOnly? dueOn, string? comment) =>
        Step(actor, ReviewState.DraftReport, ReviewState.Communicated, ReviewStepKind.Communicated, at, comment, () =>
        {
            if (CaseNumber is null)
            {
                return Refusal.Invalid("Ange granskningens diarienummer innan rapporten kommuniceras.", "CaseNumber");
            }
            var due = dueOn ?? today.AddDays(responseDays);
            if (due <= today)
            {
                return Refusal.Invalid("Sista dag för svar måste vara efter i dag.", "ResponseDueOn");
            }
            if (due > today.AddDays(90))
            {
                return Refusal.Invalid("Sista dag för svar kan vara högst 90 dagar fram.", "ResponseDueOn");
            }
            CommunicatedOn = today;
            ResponseDueOn = due;
            return null;
        });

    /// <summary>
    /// Whether the provider may still answer or dispute the report on <paramref name="today"/>: while it is communicated and
    /// until its last day for answers (rule 5). After that the report is read-only for the provider.
    /// </summary>
    public Refusal? CheckAnswerTime(DateOnly today) =>
        State != ReviewState.Communicated
            ? Refusal.WrongState($"Rapporten kan bara besvaras medan den är kommunicerad; granskningen är {StateText}.")
            : today > ResponseDueOn
                ? Refusal.WrongState($"Sista dag för svar var {(ResponseDueOn is { } due ? SwedishWording.Date(due) : "")}. Rapporten kan inte längre besvaras eller ifrågasättas; kontakta kommunen om ni har frågor.")
                : null;

    /// <summary>The provider's factual correction or comment on the communicated report; part of the record.</summary>
    public (ReviewResponse? Response, Refusal? Refusal) Respond(WorkflowActor actor, ResponseKind kind, string? text, DateTimeOffset at)
    {
        if (RefuseProvider(actor) is { } refusal)
        {
            return (null, refusal);
        }
        if (State != ReviewState.Communicated)
        {
            return (null, Refusal.WrongState($"Rapporten kan bara besvaras medan den är kommunicerad; granskningen är {StateText}."));
        }
        if (!Enum.IsDefined(kind))
        {
            return (null, Refusal.Invalid("Välj om svaret är en faktarättelse eller en synpunkt.", "Kind"));
        }
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
        {
            return (null, Refusal.Invalid("Skriv ert svar.", "Text"));
        }
        if (CheckText(body, "Svaret", "Text") is { } problem)
        {
            return (null, problem);
        }
        var response = new ReviewResponse { ReviewId = Id, Kind = kind, Text = body, WrittenAt = at, WrittenByName = actor.Name, WrittenById = actor.UserId };
        Responses.Add(response);
        RespondedAt ??= at;
        Record(ReviewStepKind.ProviderResponded, actor, at, $"{DisplayNames.Of(kind)}.");
        return (response, null);
    }

    /// <summary>The provider disputes the report and asks that a reviewer who took no part in the review looks at it.</summary>
    public Refusal? Dispute(WorkflowActor actor, string? reason, DateTimeOffset at)
    {
        if (RefuseProvider(actor) is { } refusal)
        {
            return refusal;
        }
        if (State != ReviewState.Communicated)
        {
            return Refusal.WrongState($"Rapporten kan bara ifrågasättas medan den är kommunicerad; granskningen är {StateText}.");
        }
        if (DisputedAt is not null)
        {
            return Refusal.WrongState("Ni har redan begärt att en oberoende granskare ser över rapporten.");
        }
        var why = reason?.Trim() ?? "";
        if (why.Length == 0)
        {
            return Refusal.Invalid("Beskriv vad i rapporten ni ifrågasätter och varför.", "Reason");
        }
        if (CheckText(why, "Motiveringen", "Reason") is { } problem)
        {
            return problem;
        }
        DisputeReason = why;
        DisputedAt = at;
        Record(ReviewStepKind.DisputeRequested, actor, at, null);
        return null;
    }

    /// <summary>
    /// The group manager assigns an independent reviewer to a disputed report: someone who took no part in the review — not its
    /// lead, not a participant, and no one who took a step on it.
    /// </summary>
    public Refusal? AssignIndependentReviewer(WorkflowActor actor, string? userId, string? name, IReadOnlyCollection<string> reviewerRoles, DateTimeOffset at)
    {
        if (!actor.IsIn(R.GroupManager))
        {
            return Refusal.NotAllowed("Bara en gruppchef kan utse en oberoende granskare.");
        }
        if (!DisputeOpen)
        {
            return Refusal.WrongState("Anordnaren har inte ifrågasatt rapporten, eller så är den redan omprövad.");
        }
        if (string.IsNullOrEmpty(userId) || string.IsNullOrWhiteSpace(name))
        {
            return Refusal.Invalid("Välj vem som ska se över rapporten.", "ReviewerId");
        }
        if (!reviewerRoles.Any(ReviewTypes.LedBy(Type).Contains) && !reviewerRoles.Contains(R.GroupManager))
        {
            return Refusal.Invalid("Den oberoende granskaren måste kunna leda granskningar av den här typen, eller vara gruppchef.", "ReviewerId");
        }
        if (TookPart(userId))
        {
            return Refusal.Invalid($"{name} har deltagit i granskningen och kan inte se över den oberoende.", "ReviewerId");
        }
        IndependentReviewerId = userId;
        IndependentReviewerName = name.Trim();
        Record(ReviewStepKind.IndependentReviewerAssigned, actor, at, IndependentReviewerName);
        return null;
    }

    /// <summary>The independent reviewer's conclusion on the disputed report; the report may then be finalised.</summary>
    public Refusal? ConcludeDispute(WorkflowActor actor, string? conclusion, DateTimeOffset at)
    {
        if (!DisputeOpen)
        {
            return Refusal.WrongState("Det finns ingen begäran om oberoende granskning att besvara.");
        }
        if (IndependentReviewerId is null || actor.UserId != IndependentReviewerId)
        {
            return Refusal.NotAllowed("Bara den utsedda oberoende granskaren kan lämna bedömningen.");
        }
        var text = conclusion?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Refusal.Invalid("Skriv din bedömning av rapporten och anordnarens invändningar.", "Conclusion");
        }
        if (CheckText(text, "Bedömningen", "Conclusion") is { } problem)
        {
            return problem;
        }
        DisputeConclusion = text;
        DisputeConcludedAt = at;
        Record(ReviewStepKind.DisputeConcluded, actor, at, null);
        return null;
    }

    /// <summary>
    /// Finalises the report: only after the provider has answered or the deadline has passed (rule 5), and never while an
    /// independent review the provider asked for is open.
    /// </summary>
    public Refusal? FinaliseReport(WorkflowActor actor, DateTimeOffset at, DateOnly today, string? comment) =>
        Step(actor, ReviewState.Communicated, ReviewState.Final, ReviewStepKind.Finalised, at, comment, () =>
        {
            if (RespondedAt is null && today <= ResponseDueOn)
            {
                return Refusal.WrongState($"Anordnaren har till och med {(ResponseDueOn is { } due ? SwedishWording.Date(due) : "")} att svara. Rapporten kan fastställas när svaret har kommit eller tiden har gått ut.");
            }
            if (DisputeOpen)
            {
                return Refusal.WrongState("Anordnaren har begärt att en oberoende granskare ser över rapporten. Den kan fastställas när bedömningen har lämnats.");
            }
            FinalisedOn = today;
            return null;
        }, allowGroupManager: true);

    /// <summary>Closes a final review.</summary>
    public Refusal? Close(WorkflowActor actor, DateTimeOffset at, DateOnly today, string? comment) =>
        Step(actor, ReviewState.Final, ReviewState.Closed, ReviewStepKind.Closed, at, comment, () =>
        {
            ClosedOn = today;
            return null;
        }, allowGroupManager: true);

    /// <summary>Whether the response deadline is near enough for the reminder and it has not been sent.</summary>
    public bool NeedsReminder(DateOnly today, int daysBefore) =>
        State == ReviewState.Communicated && RespondedAt is null && ReminderSentAt is null && ResponseDueOn is { } due
        && today >= due.AddDays(-daysBefore) && today <= due;

    public void RecordReminder(DateTimeOffset at)
    {
        ReminderSentAt = at;
        Steps.Add(new ReviewStep { ReviewId = Id, Kind = ReviewStepKind.ReminderSent, OccurredAt = at, ActorName = "Uppsikt" });
    }

    /// <summary>Whether the user took part: led the review, was a participant, or took a step on it.</summary>
    public bool TookPart(string userId) =>
        LeadUserId == userId || Participants.Any(p => p.UserId == userId) || Steps.Any(s => s.ActorId == userId);

    private Refusal? RefuseProvider(WorkflowActor actor) =>
        !actor.IsIn(R.ProviderUser) || actor.ProviderId != ProviderId
            ? Refusal.NotAllowed("Bara anordnaren som granskats kan svara på rapporten.")
            : null;

    private Refusal? Step(
        WorkflowActor actor, ReviewState from, ReviewState to, ReviewStepKind kind, DateTimeOffset at, string? comment, Func<Refusal?> check,
        bool allowGroupManager = false)
    {
        var roles = allowGroupManager ? [.. ReviewTypes.LedBy(Type), R.GroupManager] : ReviewTypes.LedBy(Type).ToArray();
        if (!actor.IsIn(roles))
        {
            return Refusal.NotAllowed($"Det steget tas av {RoleList(roles)}.");
        }
        if (State != from)
        {
            return Refusal.WrongState($"Steget ”{DisplayNames.Of(kind)}” kan tas när granskningen är {Phrase(from)}; den är {StateText}.");
        }
        if (comment?.Trim() is { Length: > TextMax })
        {
            return Refusal.Invalid($"Kommentaren får vara högst {TextMax} tecken.", "Comment");
        }
        if (PersonalIdentityNumberDetector.Contains(comment))
        {
            return Refusal.Invalid(PersonalIdentityNumberDetector.Message("Kommentaren"), "Comment");
        }
        if (check() is { } refusal)
        {
            return refusal;
        }
        State = to;
        Record(kind, actor, at, comment);
        return null;
    }

    private string StateText => Phrase(State);

    /// <summary>The state as it reads after "granskningen är".</summary>
    private static string Phrase(ReviewState state) => state switch
    {
        ReviewState.Planned => "planerad",
        ReviewState.Preparing => "under förberedelse",
        ReviewState.VisitDone => "klar med besöket eller underlaget",
        ReviewState.DraftReport => "ett utkast",
        ReviewState.Communicated => "kommunicerad med anordnaren",
        ReviewState.Final => "slutlig",
        _ => "avslutad",
    };

    private static string RoleList(IEnumerable<string> roles)
    {
        var names = roles.Where(r => r != R.Administrator).Select(r => R.SwedishName(r).ToLowerInvariant()).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " eller " + names[^1];
    }

    private static Refusal? CheckText(string? text, string label, string field)
    {
        if (text?.Trim() is { Length: > TextMax })
        {
            return Refusal.Invalid($"{label} får vara högst {TextMax} tecken.", field);
        }
        return PersonalIdentityNumberDetector.Contains(text) ? Refusal.Invalid(PersonalIdentityNumberDetector.Message(label), field) : null;
    }

    private static string Codes(List<string> codes) => string.Join(", ", codes.Take(10)) + (codes.Count > 10 ? " med flera" : "");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Record(ReviewStepKind kind, WorkflowActor actor, DateTimeOffset at, string? comment) =>
        Steps.Add(new ReviewStep
        {
            ReviewId = Id,
            Kind = kind,
            OccurredAt = at,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
}
