using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Conditions;

namespace Uppsikt.Web.Features.Reviews.Visit;

public sealed record VisitUnit(Guid Id, string Name, string? Address);

public sealed record ParticipantView(Guid Id, string Name, string? Title, ParticipantSide Side);

/// <summary>
/// A review as its preparation and visit read it: the visit's details, the participants and whether the caller may work on
/// it now (<see cref="WorkRefusal"/> says why not: the role, or a review past the visit).
/// </summary>
public sealed record VisitReview(
    Guid Id, string Title, ReviewType Type, ReviewState State, Guid ProviderId, string ProviderName, Guid ChoiceSystemId, string ChoiceSystemName,
    Guid? ChecklistId, string? CaseNumber, string LeadName, VisitMode VisitMode, DateTimeOffset? VisitAt, string? VisitPlace, DateOnly VisitDate,
    string? Method, string? MeetingNotes, IReadOnlyList<VisitUnit> Units, IReadOnlyList<ParticipantView> Participants, int Version, string? WorkRefusal)
{
    public bool CanWork => WorkRefusal is null;
}

/// <summary>A condition's version: the condition's code and the version's title, and the day it took effect.</summary>
public sealed record FindingCondition(Guid VersionId, string Code, string Title, DateOnly ValidFrom);

/// <summary>The finding for one question at one unit, with the condition versions it was recorded against.</summary>
public sealed record FindingView(
    Guid Id, Guid UnitId, Guid QuestionId, string QuestionCode, string Area, string? Answer, string? Observation, Assessment? Assessment,
    string? RequiredAction, int? FixWithinMonths, IReadOnlyList<FindingCondition> Conditions, DateTimeOffset RecordedAt, string RecordedByName, int Version);

/// <summary>A checklist question with its conditions in force on the visit's date and its finding at each unit recorded so far.</summary>
public sealed record ChecklistQuestion(
    Guid Id, string Code, string Area, string Text, string? HelpText, QuestionKind Kind, IReadOnlyList<string> Choices, bool Required,
    IReadOnlyList<FindingCondition> Conditions, IReadOnlyList<FindingView> Findings);

public sealed record UnitProgress(Guid UnitId, string UnitName, int Assessed, int Total);

/// <summary>The review's checklist per unit: every question, what is recorded for it, and how many are assessed.</summary>
public sealed record ReviewChecklist(
    VisitReview Review, string? ChecklistTitle, IReadOnlyList<UnitProgress> Units, IReadOnlyList<ChecklistQuestion> Questions)
{
    public int Assessed => Units.Sum(u => u.Assessed);

    public int Total => Units.Sum(u => u.Total);
}

public sealed record InterviewNoteView(Guid Id, InterviewGroup Group, string Text, DateTimeOffset WrittenAt, string WrittenByName);

public sealed record ReviewNotes(VisitReview Review, IReadOnlyList<InterviewNoteView> Notes);

public sealed record QualityReportRef(Guid Id, string Title, int Year, ReportState State, DateTimeOffset? SubmittedAt, string Url);

public sealed record IndicatorResult(
    Guid IndicatorId, string Code, string Name, string UnitOfMeasure, Direction Direction, string Period, double Value, double? Target, bool BelowTarget);

public sealed record SeverityCount(Severity Severity, int Count);

/// <summary>One complaint, incident or observation as the preparation lists it, with the address of its own page.</summary>
public sealed record EvidenceItem(Guid Id, DateOnly Date, string What, Severity Severity, string Summary, string? Status, string? Url);

/// <summary>A kind of evidence at a unit over the period: how many by severity, the latest few, and the full list's address.</summary>
public sealed record EvidenceSummary(int Total, IReadOnlyList<SeverityCount> BySeverity, IReadOnlyList<EvidenceItem> Latest, string ListUrl);

public sealed record EarlierFinding(
    Guid ReviewId, string ReviewTitle, ReviewState ReviewState, DateOnly ReviewDate, string QuestionCode, string? QuestionText, string Area,
    Assessment Assessment, string? Observation);

public sealed record UnitEvidence(
    Guid UnitId, string UnitName, IReadOnlyList<IndicatorResult> Indicators, EvidenceSummary Complaints, EvidenceSummary Incidents,
    EvidenceSummary Observations, IReadOnlyList<EarlierFinding> EarlierFindings);

/// <summary>What the reviewer gathers before the visit: the provider's latest quality report and each unit's evidence since <see cref="Since"/>.</summary>
public sealed record ReviewPreparation(VisitReview Review, DateOnly Since, QualityReportRef? QualityReport, IReadOnlyList<UnitEvidence> Units);

/// <summary>A finding as given: the unit and question it is for, and the version of it last read (none for a new finding).</summary>
/// <param name="RequiredAction">For a deficiency: what the provider must do about it.</param>
/// <param name="FixWithinMonths">For a deficiency: within how many months of the final report (1–6; three unless given).</param>
public sealed record FindingInput(Guid? UnitId, Guid? QuestionId, [DataType(DataType.MultilineText)] string? Answer, [DataType(DataType.MultilineText)] string? Observation, Assessment? Assessment, int? Version = null,
    [DataType(DataType.MultilineText)] string? RequiredAction = null, int? FixWithinMonths = null);

public sealed record VisitInput(VisitMode? VisitMode, DateTimeOffset? VisitAt, string? VisitPlace, string? CaseNumber, int Version);

public sealed record ParticipantInput(string? Name, string? Title, ParticipantSide? Side, string? UserId = null);

public sealed record NoteInput(InterviewGroup? Group, [DataType(DataType.MultilineText)] string? Text);

public sealed record MeetingNotesInput([DataType(DataType.MultilineText)] string? Method, [DataType(DataType.MultilineText)] string? MeetingNotes, int Version);

/// <summary>
/// A review's preparation and visit (decision 0020): gathers the units' evidence, and records the visit's details, the
/// participants, the findings per checklist question, the interview notes and the meeting notes through the domain's rules
/// (<see cref="Review.CheckWork"/>). Pages and <c>/api/v1/reviews/{id}/…</c> call it. Every read is a fixed number of
/// queries, however many questions, findings or evidence rows a review has.
/// </summary>
public sealed class VisitHandler(AppDbContext db, Checklists checklists, ConditionsInForce conditions, TimeProvider clock)
{
    /// <summary>How far back the preparation gathers complaints, incidents and observations.</summary>
    public const int EvidenceMonths = 24;

    /// <summary>How many of each kind of evidence the preparation lists per unit; the rest are counted and linked.</summary>
    public const int LatestCount = 5;

    private const int SummaryLength = 240;

    /// <summary>Every role that leads some type of review: anyone else is refused before a review is looked up.</summary>
    private static readonly string[] LeadingRoles = [.. Enum.GetValues<ReviewType>().SelectMany(ReviewTypes.LedBy).Distinct()];

    /// <summary>Earlier reviews whose findings are settled enough to prepare from: the report is at least written.</summary>
    private static readonly ReviewState[] Reported = [ReviewState.DraftReport, ReviewState.Communicated, ReviewState.Final, ReviewState.Closed];

    public async Task<VisitReview?> GetAsync(Guid id, WorkflowActor actor, CancellationToken cancellationToken) =>
        await LoadReadAsync(id, cancellationToken) is { } review ? View(review, actor) : null;

    /// <summary>The checklist per unit with each question's conditions in force on the visit's date and the findings so far.</summary>
    public async Task<ReviewChecklist?> ChecklistAsync(Guid id, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await LoadReadAsync(id, cancellationToken) is not { } review)
        {
            return null;
        }
        var view = View(review, actor);
        var questions = review.ChecklistId is { } checklistId ? await checklists.QuestionsAsync(checklistId, cancellationToken) : [];
        var title = review.ChecklistId is { } listId
            ? await db.QualityReportTemplates.AsNoTracking().Where(t => t.Id == listId).Select(t => t.Title).FirstOrDefaultAsync(cancellationToken)
            : null;
        var findings = await db.ReviewFindings.AsNoTracking().Where(f => f.ReviewId == id).ToListAsync(cancellationToken);
        var inForce = await conditions.VersionsOnAsync(questions.SelectMany(q => q.ConditionIds), view.VisitDate, cancellationToken);
        var recorded = await VersionsAsync(findings.SelectMany(f => f.ConditionVersionIds), cancellationToken);

        var unitIds = view.Units.Select(u => u.Id).ToHashSet();
        var questionIds = questions.Select(q => q.Id).ToHashSet();
        var byQuestion = findings.Where(f => unitIds.Contains(f.UnitId)).ToLookup(f => f.QuestionId);
        var progress = view.Units.Select(u => new UnitProgress(u.Id, u.Name,
            findings.Count(f => f.UnitId == u.Id && f.Assessment is not null && questionIds.Contains(f.QuestionId)), questions.Count)).ToList();
        return new ReviewChecklist(view, title, progress,
            [.. questions.Select(q => new ChecklistQuestion(
                q.Id, q.Code, q.Section, q.Text, q.HelpText, q.Kind, q.Choices, q.Required,
                [.. q.ConditionIds.Where(inForce.ContainsKey).Select(c => inForce[c]).Select(v => new FindingCondition(v.VersionId, v.Code, v.Title, v.ValidFrom))],
                [.. byQuestion[q.Id].Select(f => Finding(f, recorded))]))]);
    }

    /// <summary>How many of the checklist's questions are assessed at the unit, of how many: what "x av y bedömda" says after a save.</summary>
    public async Task<(int Assessed, int Total)> ProgressAsync(Guid id, Guid unitId, CancellationToken cancellationToken)
    {
        var checklistId = await db.Reviews.AsNoTracking().Where(r => r.Id == id).Select(r => r.ChecklistId).FirstOrDefaultAsync(cancellationToken);
        if (checklistId is null)
        {
            return (0, 0);
        }
        var questions = db.TemplateQuestions.AsNoTracking().Where(q => q.TemplateId == checklistId);
        var total = await questions.CountAsync(cancellationToken);
        var assessed = await db.ReviewFindings.AsNoTracking()
            .CountAsync(f => f.ReviewId == id && f.UnitId == unitId && f.Assessment != null && questions.Any(q => q.Id == f.QuestionId), cancellationToken);
        return (assessed, total);
    }

    /// <summary>One finding of the review as it is stored, or null.</summary>
    public async Task<FindingView?> FindingAsync(Guid id, Guid findingId, CancellationToken cancellationToken)
    {
        var finding = await db.ReviewFindings.AsNoTracking().FirstOrDefaultAsync(f => f.ReviewId == id && f.Id == findingId, cancellationToken);
        return finding is null ? null : Finding(finding, await VersionsAsync(finding.ConditionVersionIds, cancellationToken));
    }

    public async Task<ReviewNotes?> NotesAsync(Guid id, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await LoadReadAsync(id, cancellationToken) is not { } review)
        {
            return null;
        }
        var notes = await db.InterviewNotes.AsNoTracking().Where(n => n.ReviewId == id).OrderBy(n => n.WrittenAt)
            .Select(n => new InterviewNoteView(n.Id, n.Group, n.Text, n.WrittenAt, n.WrittenByName)).ToListAsync(cancellationToken);
        return new ReviewNotes(View(review, actor), notes);
    }

    /// <summary>
    /// The evidence for the visit: the provider's latest quality report (for the review's choice system first), and per unit the
    /// latest indicator results against target, complaints, incidents and case workers' observations of the last
    /// <see cref="EvidenceMonths"/> months, and deficiencies found by earlier reviews.
    /// </summary>
    public async Task<ReviewPreparation?> PreparationAsync(Guid id, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await LoadReadAsync(id, cancellationToken) is not { } review)
        {
            return null;
        }
        var view = View(review, actor);
        var today = clock.SwedishToday();
        var since = today.AddMonths(-EvidenceMonths);
        var unitIds = view.Units.Select(u => u.Id).ToList();

        var report = await db.QualityReports.AsNoTracking()
            .Where(r => r.ProviderId == review.ProviderId && r.Template!.ReviewType == null)
            .OrderByDescending(r => r.Template!.ChoiceSystemId == review.ChoiceSystemId).ThenByDescending(r => r.Template!.Year).ThenByDescending(r => r.SubmittedAt)
            .Select(r => new { r.Id, r.Template!.Title, r.Template.Year, r.State, r.SubmittedAt })
            .FirstOrDefaultAsync(cancellationToken) is { } latest
            ? new QualityReportRef(latest.Id, latest.Title, latest.Year, latest.State, latest.SubmittedAt, $"/QualityReports/Reports/Details/{latest.Id}")
            : null;

        var complaints = await db.Complaints.AsNoTracking().Where(c => unitIds.Contains(c.UnitId) && c.ReceivedOn >= since)
            .Select(c => new { c.Id, c.UnitId, Date = c.ReceivedOn, c.Category, c.Severity, c.Status, Summary = c.Summary.Substring(0, SummaryLength) })
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => unitIds.Contains(i.UnitId) && i.OccurredOn >= since)
            .Select(i => new { i.Id, i.UnitId, Date = i.OccurredOn, i.Kind, i.Severity, i.Status, Summary = i.Summary.Substring(0, SummaryLength) })
            .ToListAsync(cancellationToken);
        var observations = await db.CaseWorkerObservations.AsNoTracking().Where(o => unitIds.Contains(o.UnitId) && o.ObservedOn >= since)
            .Select(o => new { o.Id, o.UnitId, Date = o.ObservedOn, o.Category, o.Severity, Summary = o.Summary.Substring(0, SummaryLength) })
            .ToListAsync(cancellationToken);
        var indicators = await IndicatorResultsAsync(unitIds, today, cancellationToken);
        var earlier = await (
                from f in db.ReviewFindings.AsNoTracking()
                where unitIds.Contains(f.UnitId) && f.ReviewId != id
                    && (f.Assessment == Assessment.MinorDeficiency || f.Assessment == Assessment.SeriousDeficiency)
                join r in db.Reviews.AsNoTracking() on f.ReviewId equals r.Id
                where Reported.Contains(r.State)
                join q in db.TemplateQuestions.AsNoTracking() on f.QuestionId equals q.Id into questions
                from q in questions.DefaultIfEmpty()
                orderby r.PlannedFor descending, f.QuestionCode
                select new { f.UnitId, r.Id, r.Title, r.State, r.PlannedFor, r.VisitAt, f.QuestionCode, QuestionText = q == null ? null : q.Text, f.Area, f.Assessment, f.Observation })
            .Take(200).ToListAsync(cancellationToken);

        return new ReviewPreparation(view, since, report, [.. view.Units.Select(unit => new UnitEvidence(
            unit.Id, unit.Name, indicators.GetValueOrDefault(unit.Id, []),
            Summarise(complaints.Where(c => c.UnitId == unit.Id).Select(c => new EvidenceItem(
                c.Id, c.Date, c.Category.Name(), c.Severity, Shorten(c.Summary), c.Status.Name(), "/Evidence/Complaints/Details/" + c.Id)), "/Evidence/Complaints?unitId=" + unit.Id),
            Summarise(incidents.Where(i => i.UnitId == unit.Id).Select(i => new EvidenceItem(
                i.Id, i.Date, i.Kind.Name(), i.Severity, Shorten(i.Summary), i.Status.Name(), "/Evidence/Incidents/Details/" + i.Id)), "/Evidence/Incidents?unitId=" + unit.Id),
            Summarise(observations.Where(o => o.UnitId == unit.Id).Select(o => new EvidenceItem(
                o.Id, o.Date, o.Category.Name(), o.Severity, Shorten(o.Summary), null, null)), "/Evidence/Observations?unitId=" + unit.Id),
            [.. earlier.Where(e => e.UnitId == unit.Id).Select(e => new EarlierFinding(
                e.Id, e.Title, e.State, e.VisitAt is { } at ? SwedishDate(at) : e.PlannedFor, e.QuestionCode, e.QuestionText, e.Area, e.Assessment!.Value, e.Observation))]))]);
    }

    /// <summary>
    /// Records a finding as it is given: the answer (checked against the question's kind), the observation and the assessment,
    /// with the versions of the question's conditions in force on the visit's date. A finding is saved on its own, so the
    /// review's version does not matter; the finding's own version does, once it exists.
    /// </summary>
    public async Task<SaveResult> SaveFindingAsync(Guid id, FindingInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (RefuseRole(actor) is { } notAllowed)
        {
            return notAllowed;
        }
        if (input.UnitId is not { } unitId)
        {
            return SaveResult.Refused(Refusal.Invalid("Välj enheten.", nameof(FindingInput.UnitId)));
        }
        if (input.QuestionId is not { } questionId)
        {
            return SaveResult.Refused(Refusal.Invalid("Välj frågan.", nameof(FindingInput.QuestionId)));
        }
        var review = await db.Reviews.AsSplitQuery().Include(r => r.Units)
            .Include(r => r.Findings.Where(f => f.UnitId == unitId && f.QuestionId == questionId))
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return SaveResult.Missing();
        }
        if (review.CheckWork(actor) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        var question = review.ChecklistId is { } checklistId
            ? (await checklists.QuestionsAsync(checklistId, cancellationToken)).Find(q => q.Id == questionId)
            : null;
        if (question is null)
        {
            return SaveResult.Refused(Refusal.Invalid("Frågan hör inte till granskningens checklista.", nameof(FindingInput.QuestionId)));
        }
        // The answer fits the question's kind (a number, yes or no, one of the choices), as a provider's answer must.
        if (!string.IsNullOrWhiteSpace(input.Answer) && question.Check(input.Answer.Trim()) is { } wrongAnswer)
        {
            return SaveResult.Refused(Refusal.Invalid(wrongAnswer.Message, nameof(FindingInput.Answer)));
        }
        var existing = review.Findings.Find(f => f.UnitId == unitId && f.QuestionId == questionId);
        if (existing is not null && input.Version != existing.Version)
        {
            // Someone else recorded this finding since the caller read it (or the caller read none).
            return SaveResult.Stale();
        }
        var versions = await conditions.VersionsOnAsync(question.ConditionIds, VisitDate(review), cancellationToken);
        var (finding, refused) = review.RecordFinding(actor, unitId, Checklists.ForFinding(question), input.Answer, input.Observation, input.Assessment,
            [.. versions.Values.Select(v => v.VersionId)], clock.GetUtcNow(), input.RequiredAction, input.FixWithinMonths);
        if (refused is not null)
        {
            return SaveResult.Refused(refused);
        }
        try
        {
            // The finding's version, as loaded and checked above, guards the update against a save in between.
            return await db.SaveOrConflictAsync(finding!.Id, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else recorded the first finding for the same question and unit at the same moment (the unique index).
            return SaveResult.Stale();
        }
    }

    /// <summary>Sets the visit's mode, time and place and the case number; the review's version guards against lost updates.</summary>
    public Task<SaveResult> SaveVisitAsync(Guid id, VisitInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        EditAsync(id, actor, input.Version, review =>
        {
            var refusals = new List<Refusal>();
            if (input.VisitMode is not { } mode)
            {
                refusals.Add(Refusal.Invalid("Välj hur besöket görs.", nameof(VisitInput.VisitMode)));
            }
            else if (review.ScheduleVisit(actor, mode, input.VisitAt, input.VisitPlace) is { } visit)
            {
                refusals.Add(visit);
            }
            if (review.SetCaseNumber(actor, input.CaseNumber) is { } caseNumber)
            {
                refusals.Add(caseNumber);
            }
            return refusals;
        }, cancellationToken);

    public Task<SaveResult> WriteMeetingNotesAsync(Guid id, MeetingNotesInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        EditAsync(id, actor, input.Version, review => review.WriteMeetingNotes(actor, input.Method, input.MeetingNotes) is { } refusal ? [refusal] : [], cancellationToken);

    /// <summary>Adds a participant; a user id, when given, must name a user, so an independent reviewer can be told from those who took part.</summary>
    public async Task<SaveResult> AddParticipantAsync(Guid id, ParticipantInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (RefuseRole(actor) is { } notAllowed)
        {
            return notAllowed;
        }
        if (await LoadAsync(id, cancellationToken) is not { } review)
        {
            return SaveResult.Missing();
        }
        if (!string.IsNullOrEmpty(input.UserId) && !await db.Users.AnyAsync(u => u.Id == input.UserId, cancellationToken))
        {
            return SaveResult.Refused(Refusal.Invalid("Användaren finns inte.", nameof(ParticipantInput.UserId)));
        }
        // A missing side goes to the domain as no side at all, which refuses it by field.
        if (review.AddParticipant(actor, input.Name, input.Title, input.Side ?? default, string.IsNullOrEmpty(input.UserId) ? null : input.UserId) is { } refused)
        {
            return SaveResult.Refused(refused);
        }
        return await db.SaveOrConflictAsync(review.Participants[^1].Id, cancellationToken);
    }

    public async Task<SaveResult> RemoveParticipantAsync(Guid id, Guid participantId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (RefuseRole(actor) is { } notAllowed)
        {
            return notAllowed;
        }
        if (await LoadAsync(id, cancellationToken) is not { } review)
        {
            return SaveResult.Missing();
        }
        return review.RemoveParticipant(actor, participantId) is { } refusal
            ? SaveResult.Refused(refusal)
            : await db.SaveOrConflictAsync(participantId, cancellationToken);
    }

    /// <summary>Adds an interview note; refused when it names a person by personal identity number.</summary>
    public async Task<SaveResult> AddNoteAsync(Guid id, NoteInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (RefuseRole(actor) is { } notAllowed)
        {
            return notAllowed;
        }
        if (await LoadAsync(id, cancellationToken) is not { } review)
        {
            return SaveResult.Missing();
        }
        // An unknown group goes to the domain as it came, which refuses it by field.
        var (note, refusal) = review.AddNote(actor, input.Group ?? default, input.Text, clock.GetUtcNow());
        return refusal is not null ? SaveResult.Refused(refusal) : await db.SaveOrConflictAsync(note!.Id, cancellationToken);
    }

    /// <summary>Swedish local date and time as an instant; null for none, and an error for a time the clocks skip in spring.</summary>
    public static (DateTimeOffset? At, string? Error) FromSwedishTime(DateOnly? date, TimeOnly? time)
    {
        if (date is null && time is null)
        {
            return (null, null);
        }
        if (date is not { } day || time is not { } clockTime)
        {
            return (null, "Ange både datum och klockslag för besöket.");
        }
        var local = day.ToDateTime(clockTime, DateTimeKind.Unspecified);
        if (SwedishCalendar.Zone.IsInvalidTime(local))
        {
            return (null, "Den tiden finns inte den dagen (klockan ställs fram). Välj en annan tid.");
        }
        return (new DateTimeOffset(local, SwedishCalendar.Zone.GetUtcOffset(local)).ToUniversalTime(), null);
    }

    /// <summary>The day a finding's conditions are judged on: the visit's date in Sweden, or today while there is none.</summary>
    private DateOnly VisitDate(Review review) => review.VisitAt is { } at ? SwedishDate(at) : clock.SwedishToday();

    private static DateOnly SwedishDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, SwedishCalendar.Zone).DateTime);

    private static SaveResult? RefuseRole(WorkflowActor actor) =>
        actor.IsIn(LeadingRoles) ? null : SaveResult.Refused(Refusal.NotAllowed("Bara den som leder granskningen kan ändra dess underlag, besök och iakttagelser."));

    private Task<Review?> LoadReadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Reviews.AsNoTracking().AsSplitQuery()
            .Include(r => r.Provider).Include(r => r.ChoiceSystem).Include(r => r.Units).ThenInclude(u => u.Unit).Include(r => r.Participants)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    private Task<Review?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Reviews.AsSplitQuery().Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    private VisitReview View(Review review, WorkflowActor actor) =>
        new(
            review.Id, review.Title, review.Type, review.State, review.ProviderId, review.Provider?.Name ?? "", review.ChoiceSystemId, review.ChoiceSystem?.Name ?? "",
            review.ChecklistId, review.CaseNumber, review.LeadName, review.VisitMode, review.VisitAt, review.VisitPlace, VisitDate(review),
            review.Method, review.MeetingNotes,
            [.. review.Units.Where(u => u.Unit is not null).Select(u => new VisitUnit(u.UnitId, u.Unit!.Name, Address(u.Unit)))
                .OrderBy(u => u.Name, StringComparer.Create(SwedishText.Culture, false))],
            [.. review.Participants.OrderBy(p => p.Side).ThenBy(p => p.Name, StringComparer.Create(SwedishText.Culture, false))
                .Select(p => new ParticipantView(p.Id, p.Name, p.Title, p.Side))],
            review.Version, review.CheckWork(actor)?.Message);

    private static string? Address(Domain.Register.Unit unit) =>
        string.Join(", ", new[] { unit.StreetAddress, string.Join(' ', new[] { unit.PostalCode, unit.City }.Where(s => !string.IsNullOrWhiteSpace(s))) }
            .Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } address ? address : null;

    /// <summary>Changes the review itself (the visit, the meeting notes): the domain decides, the review's version guards against lost updates.</summary>
    private async Task<SaveResult> EditAsync(Guid id, WorkflowActor actor, int version, Func<Review, IReadOnlyCollection<Refusal>> change, CancellationToken cancellationToken)
    {
        if (RefuseRole(actor) is { } notAllowed)
        {
            return notAllowed;
        }
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return SaveResult.Missing();
        }
        if (review.CheckWork(actor) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        if (change(review) is { Count: > 0 } refusals)
        {
            return SaveResult.Refused(refusals);
        }
        db.ExpectVersion(review, version);
        return await db.SaveOrConflictAsync(review.Id, cancellationToken);
    }

    private async Task<Dictionary<Guid, FindingCondition>> VersionsAsync(IEnumerable<Guid> versionIds, CancellationToken cancellationToken)
    {
        var ids = versionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return await (
                from v in db.ConditionVersions.AsNoTracking()
                where ids.Contains(v.Id)
                join c in db.Conditions.AsNoTracking() on v.ConditionId equals c.Id
                select new FindingCondition(v.Id, c.Code, v.Title, v.ValidFrom))
            .ToDictionaryAsync(v => v.VersionId, cancellationToken);
    }

    private static FindingView Finding(ReviewFinding finding, Dictionary<Guid, FindingCondition> versions) => new(
        finding.Id, finding.UnitId, finding.QuestionId, finding.QuestionCode, finding.Area, finding.Answer, finding.Observation, finding.Assessment,
        finding.RequiredAction, finding.FixWithinMonths, [.. finding.ConditionVersionIds.Where(versions.ContainsKey).Select(v => versions[v]).OrderBy(v => v.Code, StringComparer.Ordinal)],
        finding.RecordedAt, finding.RecordedByName, finding.Version);

    /// <summary>Each unit's latest result for each indicator, against the strictest target of the choice systems the unit serves.</summary>
    private async Task<Dictionary<Guid, List<IndicatorResult>>> IndicatorResultsAsync(List<Guid> unitIds, DateOnly today, CancellationToken cancellationToken)
    {
        var fromYear = today.Year - 3;
        var rows = await db.Outcomes.AsNoTracking().Where(o => unitIds.Contains(o.UnitId) && o.Year >= fromYear)
            .Select(o => new { o.UnitId, o.IndicatorId, o.Year, o.PeriodKind, o.PeriodNumber, o.Value }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var indicatorIds = rows.Select(r => r.IndicatorId).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var choiceSystems = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, ChoiceSystemIds = u.ChoiceSystems.Select(c => c.Id).ToList() })
            .ToDictionaryAsync(u => u.Id, u => u.ChoiceSystemIds.ToHashSet(), cancellationToken);
        var names = StringComparer.Create(SwedishText.Culture, false);
        return rows.GroupBy(r => r.UnitId).ToDictionary(unit => unit.Key, unit => unit.GroupBy(r => r.IndicatorId)
            .Where(g => indicators.ContainsKey(g.Key))
            .Select(g =>
            {
                var indicator = indicators[g.Key];
                var latest = g.MaxBy(r => new OutcomePeriod(r.Year, r.PeriodKind, r.PeriodNumber))!;
                var served = choiceSystems.GetValueOrDefault(unit.Key, []);
                var target = indicator.StrictestTarget(indicator.Targets.Where(t => served.Contains(t.ChoiceSystemId)).Select(t => t.Value));
                return new IndicatorResult(indicator.Id, indicator.Code, indicator.Name, indicator.UnitOfMeasure, indicator.Direction,
                    new OutcomePeriod(latest.Year, latest.PeriodKind, latest.PeriodNumber).ToString(), latest.Value, target,
                    target is { } t && indicator.IsBelowTarget(latest.Value, t));
            })
            .OrderByDescending(r => r.BelowTarget).ThenBy(r => r.Name, names).ToList());
    }

    private static EvidenceSummary Summarise(IEnumerable<EvidenceItem> items, string listUrl)
    {
        var list = items.OrderByDescending(i => i.Date).ToList();
        return new EvidenceSummary(list.Count,
            [.. Enum.GetValues<Severity>().OrderDescending().Select(s => new SeverityCount(s, list.Count(i => i.Severity == s)))],
            [.. list.Take(LatestCount)], listUrl);
    }

    /// <summary>A summary cut at <see cref="SummaryLength"/> characters by the query ends with an ellipsis.</summary>
    private static string Shorten(string summary) => summary.Length >= SummaryLength ? summary.TrimEnd() + " …" : summary;
}
