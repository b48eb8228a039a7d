using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Features.Reviews.Portal;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Reviews;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>A review in the list: one row, read in the list's single query.</summary>
public sealed record ReviewRow
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public ReviewType Type { get; init; }
    public ReviewState State { get; init; }
    public Guid ProviderId { get; init; }
    public required string ProviderName { get; init; }
    /// <summary>The first unit by name; <see cref="UnitCount"/> says how many more a targeted follow-up covers.</summary>
    public string? FirstUnitName { get; init; }
    public int UnitCount { get; init; }
    public DateOnly PlannedFor { get; init; }
    public required string LeadName { get; init; }
    public string? CaseNumber { get; init; }
    public Assessment? Result { get; init; }
    public DateOnly? ResponseDueOn { get; init; }
}

/// <summary>What waits on a review: the start page counts these and links to the list filtered by them.</summary>
public enum ReviewNeed
{
    /// <summary>Communicated, answered or past the deadline, and no independent review open: the lead may finalise it.</summary>
    [Display(Name = "Kan fastställas")] ReadyToFinalise = 1,

    /// <summary>The provider disputes the report and no independent reviewer is appointed yet.</summary>
    [Display(Name = "Väntar på oberoende granskare")] AwaitingIndependentReviewer = 2,

    /// <summary>
    /// A review the group manager decides (a called review or a targeted follow-up) whose next step is the group manager's: the
    /// draft report written and not yet communicated (read, and reopened if need be), or communicated and ready to finalise.
    /// </summary>
    [Display(Name = "Väntar på gruppchefen")] AwaitingGroupManager = 3,

    /// <summary>The provider disputes the report, the caller is the appointed independent reviewer and has not concluded yet.</summary>
    [Display(Name = "Din slutsats som oberoende granskare")] AwaitingMyConclusion = 4,
}

/// <summary>The list's filters; each narrows, none given lists every review the caller may see.</summary>
/// <param name="LeadUserId">Only the reviews this user leads.</param>
public sealed record ReviewFilter(ReviewState? State = null, ReviewType? Type = null, Guid? ProviderId = null, Guid? UnitId = null, int? Year = null,
    string? LeadUserId = null, ReviewNeed? Need = null);

public sealed record ReviewUnitView(Guid Id, string Name, Ownership? Ownership);

public sealed record ParticipantView(Guid Id, string Name, string? Title, ParticipantSide Side);

public sealed record ResponseView(Guid Id, ResponseKind Kind, string Text, DateTimeOffset WrittenAt, string WrittenByName);

/// <summary>A step on a review's timeline, named as <see cref="ReviewSteps.Name"/> names it.</summary>
public sealed record ReviewStepView(ReviewStepKind Kind, string Name, DateTimeOffset OccurredAt, string ActorName, string? Comment);

public sealed record AssessmentCount(Assessment Assessment, int Count);

/// <summary>
/// The findings in numbers: how many there are on each step of the scale and how many are not yet assessed, and how many
/// of the assessments the draft needs (every required checklist question at every unit) are made.
/// </summary>
public sealed record FindingsSummary(IReadOnlyList<AssessmentCount> ByAssessment, int Unassessed, int Total, int RequiredCount, int RequiredAssessed)
{
    public bool RequiredComplete => RequiredAssessed >= RequiredCount;
}

/// <summary>A review as its page and <c>GET /api/v1/reviews/{id}</c> show it.</summary>
public sealed record ReviewDetails(
    Guid Id, ReviewType Type, ReviewState State, string Title, Guid ProviderId, string ProviderName, IReadOnlyList<ReviewUnitView> Units,
    Guid ChoiceSystemId, string ChoiceSystemName, Guid? ChecklistId, string? ChecklistTitle, int? ChecklistYear,
    Guid? FollowsUpReviewId, string? FollowsUpReviewTitle, string? CaseNumber,
    string DecidedByName, string DecidedByRole, DateOnly DecidedOn, string? Reason, DateOnly PlannedFor, string? LeadUserId, string LeadName,
    VisitMode VisitMode, DateTimeOffset? VisitAt, string? VisitPlace, string? Summary, Assessment? Result,
    DateOnly? CommunicatedOn, DateOnly? ResponseDueOn, DateTimeOffset? RespondedAt, IReadOnlyList<ResponseView> Responses,
    string? DisputeReason, DateTimeOffset? DisputedAt, string? IndependentReviewerId, string? IndependentReviewerName,
    string? DisputeConclusion, DateTimeOffset? DisputeConcludedAt, DateOnly? FinalisedOn, DateOnly? ClosedOn,
    IReadOnlyList<ParticipantView> Participants, FindingsSummary Findings, IReadOnlyList<ReviewStepView> Timeline, int Version)
{
    public bool DisputeOpen => DisputedAt is not null && DisputeConcludedAt is null;
}

/// <summary>What planning a review takes, as a form or an integration gives it.</summary>
public sealed record PlanReviewInput(
    ReviewType? Type, string? Title, Guid? ChoiceSystemId, IReadOnlyList<Guid>? UnitIds, DateOnly? PlannedFor, [DataType(DataType.MultilineText)] string? Reason,
    string? CaseNumber, VisitMode? VisitMode, Guid? FollowsUpReviewId);

public sealed record StepInput([DataType(DataType.MultilineText)] string? Comment, int Version);

public sealed record CaseNumberInput(string? CaseNumber, int Version);

public sealed record DraftInput([DataType(DataType.MultilineText)] string? Summary, int Version);

public sealed record CommunicationInput(DateOnly? ResponseDueOn, [DataType(DataType.MultilineText)] string? Comment, int Version);

public sealed record ReviewerInput(string? ReviewerId, int Version);

public sealed record ConclusionInput([DataType(DataType.MultilineText)] string? Conclusion, int Version);

/// <summary>Someone who could look at a disputed report: their roles fit and they took no part in the review.</summary>
public sealed record ReviewerCandidate(string UserId, string Name, IReadOnlyList<string> Roles);

/// <summary>
/// Reads reviews and takes the municipality's steps on them through the domain's rules (decision 0020); the pages and
/// <c>/api/v1/reviews</c> call it. The visit, the findings, the provider's answer and the documents are other parts of the
/// feature with handlers of their own.
/// </summary>
public sealed class ReviewsHandler(
    AppDbContext db, Checklists checklists, ReviewSettings settings, TimeProvider clock, ReviewNotices notices, ReviewDocuments documents,
    ICurrentActor actor, IEnumerable<IFinalReportFollowUp> followUps)
{
    /// <summary>Every role that decides or leads some kind of review: others may plan or step nothing.</summary>
    public static readonly string[] ReviewRoles =
        [.. Enum.GetValues<ReviewType>().SelectMany(t => ReviewTypes.DecidedBy(t).Concat(ReviewTypes.LedBy(t))).Append(R.GroupManager).Distinct()];

    /// <summary>The review types the group manager decides, and so follows to the report (decision 0020).</summary>
    private static readonly ReviewType[] GroupManagerDecides = [.. Enum.GetValues<ReviewType>().Where(t => ReviewTypes.DecidedBy(t).Contains(R.GroupManager))];

    public static readonly SortColumns<ReviewRow> Sort = new SortColumns<ReviewRow>("plannedFor")
        .Add("plannedFor", r => r.PlannedFor)
        .Add("title", r => r.Title)
        .Add("type", r => r.Type)
        .Add("state", r => r.State)
        .Add("provider", r => r.ProviderName);

    public Task<PagedList<ReviewRow>> ListAsync(ListQuery list, ReviewFilter filter, CancellationToken cancellationToken)
    {
        var reviews = db.Reviews.AsNoTracking().Matching(list.Search);
        if (filter.State is { } state)
        {
            reviews = reviews.Where(r => r.State == state);
        }
        if (filter.Type is { } type)
        {
            reviews = reviews.Where(r => r.Type == type);
        }
        if (filter.ProviderId is { } providerId)
        {
            reviews = reviews.Where(r => r.ProviderId == providerId);
        }
        if (filter.UnitId is { } unitId)
        {
            reviews = reviews.Where(r => r.Units.Any(u => u.UnitId == unitId));
        }
        if (filter.Year is { } year && FollowUpYear.IsValid(year))
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            reviews = reviews.Where(r => r.PlannedFor >= first && r.PlannedFor <= last);
        }
        if (filter.LeadUserId is { } leadUserId)
        {
            reviews = reviews.Where(r => r.LeadUserId == leadUserId);
        }
        if (filter.Need == ReviewNeed.ReadyToFinalise)
        {
            var today = clock.SwedishToday();
            reviews = reviews.Where(r => r.State == ReviewState.Communicated && (r.RespondedAt != null || r.ResponseDueOn < today)
                && (r.DisputedAt == null || r.DisputeConcludedAt != null));
        }
        else if (filter.Need == ReviewNeed.AwaitingGroupManager)
        {
            var today = clock.SwedishToday();
            reviews = reviews.Where(r => GroupManagerDecides.Contains(r.Type) && (r.State == ReviewState.DraftReport
                || (r.State == ReviewState.Communicated && (r.RespondedAt != null || r.ResponseDueOn < today)
                    && (r.DisputedAt == null || r.DisputeConcludedAt != null))));
        }
        else if (filter.Need == ReviewNeed.AwaitingIndependentReviewer)
        {
            reviews = reviews.Where(r => r.State == ReviewState.Communicated && r.DisputedAt != null && r.DisputeConcludedAt == null
                && r.IndependentReviewerId == null);
        }
        else if (filter.Need == ReviewNeed.AwaitingMyConclusion)
        {
            var me = actor.UserId ?? "";
            reviews = reviews.Where(r => r.State == ReviewState.Communicated && r.DisputedAt != null && r.DisputeConcludedAt == null
                && r.IndependentReviewerId == me);
        }
        return reviews
            .Select(r => new ReviewRow
            {
                Id = r.Id,
                Title = r.Title,
                Type = r.Type,
                State = r.State,
                ProviderId = r.ProviderId,
                ProviderName = r.Provider!.Name,
                FirstUnitName = r.Units.Select(u => u.Unit!.Name).OrderBy(n => n).FirstOrDefault(),
                UnitCount = r.Units.Count,
                PlannedFor = r.PlannedFor,
                LeadName = r.LeadName,
                CaseNumber = r.CaseNumber,
                Result = r.Result,
                ResponseDueOn = r.ResponseDueOn,
            })
            .ToPageAsync(list, Sort, r => r.Id, cancellationToken);
    }

    public async Task<ReviewDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking().AsSplitQuery()
            .Include(r => r.Provider).Include(r => r.ChoiceSystem)
            .Include(r => r.Units).ThenInclude(u => u.Unit)
            .Include(r => r.Participants).Include(r => r.Responses).Include(r => r.Steps)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return null;
        }
        var checklist = review.ChecklistId is { } checklistId
            ? await db.QualityReportTemplates.AsNoTracking().Where(t => t.Id == checklistId).Select(t => new { t.Title, t.Year }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var followsUp = review.FollowsUpReviewId is { } earlier
            ? await db.Reviews.AsNoTracking().Where(r => r.Id == earlier).Select(r => r.Title).FirstOrDefaultAsync(cancellationToken)
            : null;
        var findings = await db.ReviewFindings.AsNoTracking().Where(f => f.ReviewId == id)
            .Select(f => new { f.UnitId, f.QuestionId, f.Assessment }).ToListAsync(cancellationToken);
        var required = await RequiredQuestionsAsync(review.ChecklistId, cancellationToken);
        var assessed = findings.Where(f => f.Assessment is not null).Select(f => (f.UnitId, f.QuestionId)).ToHashSet();
        var summary = new FindingsSummary(
            [.. Enum.GetValues<Assessment>().Select(a => new AssessmentCount(a, findings.Count(f => f.Assessment == a)))],
            findings.Count(f => f.Assessment is null), findings.Count,
            required.Count * review.Units.Count,
            review.Units.Sum(u => required.Count(q => assessed.Contains((u.UnitId, q.Id)))));
        return new ReviewDetails(
            review.Id, review.Type, review.State, review.Title, review.ProviderId, review.Provider?.Name ?? "",
            [.. review.Units.Select(u => new ReviewUnitView(u.UnitId, u.Unit?.Name ?? "Enhet utanför ditt område", u.Unit?.Ownership))
                .OrderBy(u => u.Name, StringComparer.Create(SwedishText.Culture, ignoreCase: true))],
            review.ChoiceSystemId, review.ChoiceSystem?.Name ?? "", review.ChecklistId, checklist?.Title, checklist?.Year,
            review.FollowsUpReviewId, followsUp, review.CaseNumber,
            review.DecidedByName, review.DecidedByRole, review.DecidedOn, review.Reason, review.PlannedFor, review.LeadUserId, review.LeadName,
            review.VisitMode, review.VisitAt, review.VisitPlace, review.Summary, review.Result,
            review.CommunicatedOn, review.ResponseDueOn, review.RespondedAt,
            [.. review.Responses.OrderBy(r => r.WrittenAt).Select(r => new ResponseView(r.Id, r.Kind, r.Text, r.WrittenAt, r.WrittenByName))],
            review.DisputeReason, review.DisputedAt, review.IndependentReviewerId, review.IndependentReviewerName,
            review.DisputeConclusion, review.DisputeConcludedAt, review.FinalisedOn, review.ClosedOn,
            [.. review.Participants.OrderBy(p => p.Side).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => new ParticipantView(p.Id, p.Name, p.Title, p.Side))],
            summary,
            [.. review.Steps.OrderBy(s => s.OccurredAt).Select(s => new ReviewStepView(s.Kind, ReviewSteps.Name(s.Kind, review.VisitMode), s.OccurredAt, s.ActorName, s.Comment))],
            review.Version);
    }

    /// <summary>
    /// Plans a review: the units with their choice systems, the checklist in force for the type on the planned day, and the
    /// domain's rules on who decides which type, which units and what the decision must say.
    /// </summary>
    public async Task<SaveResult> PlanAsync(PlanReviewInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsIn(ReviewRoles))
        {
            return SaveResult.Refused(Refusal.NotAllowed("Granskningar planeras av kvalitetsutvecklare, uppföljare, medicinskt ansvariga och gruppchefer."));
        }
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            return new Validation().Add(nameof(PlanReviewInput.Type), "Välj typ av granskning.").Fail();
        }
        // The domain asks the role first, so a plan with nothing else filled in answers whether the actor may decide the type.
        if (Review.Plan(new Review.PlanInput(type, null, Guid.Empty, [], null, null, null, null, null, VisitMode.None), actor, clock.GetUtcNow(), clock.SwedishToday())
            .Refusal is { Kind: RefusalKind.NotAllowed } notAllowed)
        {
            return SaveResult.Refused(notAllowed);
        }

        var check = new Validation();
        var choiceSystemId = input.ChoiceSystemId ?? Guid.Empty;
        if (input.ChoiceSystemId is null)
        {
            check.Add(nameof(PlanReviewInput.ChoiceSystemId), "Välj kundval.");
        }
        else if (!await db.ChoiceSystems.AnyAsync(c => c.Id == choiceSystemId, cancellationToken))
        {
            check.Add(nameof(PlanReviewInput.ChoiceSystemId), "Kundvalet finns inte.");
        }
        var unitIds = (input.UnitIds ?? []).Distinct().ToList();
        List<Unit> units = [];
        if (unitIds.Count > 50)
        {
            check.Add(nameof(PlanReviewInput.UnitIds), "En granskning kan omfatta högst 50 enheter.");
        }
        else if (unitIds.Count > 0)
        {
            units = await db.Units.AsNoTracking().Include(u => u.ChoiceSystems).Where(u => unitIds.Contains(u.Id)).ToListAsync(cancellationToken);
            if (units.Count < unitIds.Count)
            {
                check.Add(nameof(PlanReviewInput.UnitIds), "En av de valda enheterna finns inte.");
            }
            else if (units.FirstOrDefault(u => u.ClosedOn is not null) is { } closed)
            {
                check.Add(nameof(PlanReviewInput.UnitIds), $"{closed.Name} är nedlagd och kan inte granskas.");
            }
        }
        if (input.FollowsUpReviewId is { } earlierId && ReviewTypes.RequiresEarlierReview(type))
        {
            var earlier = await db.Reviews.AsNoTracking().Where(r => r.Id == earlierId).Select(r => new { r.ProviderId, r.State }).FirstOrDefaultAsync(cancellationToken);
            if (earlier is null || earlier.State is not (ReviewState.Final or ReviewState.Closed)
                || (units.Count > 0 && units[0].ProviderId != earlier.ProviderId))
            {
                check.Add(nameof(PlanReviewInput.FollowsUpReviewId), "Välj en fastställd granskning av samma anordnare.");
            }
        }

        var checklist = input.ChoiceSystemId is not null && input.PlannedFor is { } on
            ? await checklists.InForceAsync(choiceSystemId, type, on, cancellationToken)
            : null;
        var (review, refusal) = Review.Plan(
            new Review.PlanInput(type, input.Title, choiceSystemId, units, input.PlannedFor, input.Reason, input.CaseNumber, checklist?.Id,
                input.FollowsUpReviewId, input.VisitMode ?? VisitMode.None),
            actor, clock.GetUtcNow(), clock.SwedishToday());
        if (!check.IsValid)
        {
            // Say what else the domain found, unless it is about the same field or follows from a choice already refused.
            var errors = check.Errors;
            if (refusal is { Kind: RefusalKind.Invalid, Field: { } field } && !errors.ContainsKey(field)
                && !(field == nameof(PlanReviewInput.UnitIds) && errors.ContainsKey(nameof(PlanReviewInput.ChoiceSystemId))))
            {
                check.Add(field, refusal.Message);
            }
            return check.Fail();
        }
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        db.Reviews.Add(review!);
        return await db.SaveOrConflictAsync(review!.Id, cancellationToken);
    }

    public Task<SaveResult> StartPreparationAsync(Guid id, StepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, review => Task.FromResult(review.StartPreparation(actor, clock.GetUtcNow(), input.Comment)), cancellationToken);

    /// <summary>Records that the visit took place: the domain asks for the visit's time unless there is no visit, and refuses one ahead.</summary>
    public Task<SaveResult> RecordVisitDoneAsync(Guid id, StepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, review => Task.FromResult(review.RecordVisitDone(actor, clock.GetUtcNow(), input.Comment)), cancellationToken);

    public Task<SaveResult> SetCaseNumberAsync(Guid id, CaseNumberInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, review => Task.FromResult(review.SetCaseNumber(actor, input.CaseNumber)), cancellationToken);

    /// <summary>Writes the draft: the domain checks every required checklist question is assessed at every unit.</summary>
    public Task<SaveResult> WriteDraftAsync(Guid id, DraftInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, async review =>
            review.WriteDraft(actor, clock.GetUtcNow(), input.Summary, await RequiredQuestionsAsync(review.ChecklistId, cancellationToken)), cancellationToken);

    public Task<SaveResult> ReopenDraftAsync(Guid id, StepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, review => Task.FromResult(review.ReopenDraft(actor, clock.GetUtcNow(), input.Comment)), cancellationToken);

    /// <summary>
    /// Communicates the draft to the provider, with the last day to answer: the settings' days from today unless a later day is
    /// given. The provider's users are told by mail, in the same save.
    /// </summary>
    public Task<SaveResult> CommunicateAsync(Guid id, CommunicationInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, async review =>
        {
            if (Communicate(review, input, actor) is { } refusal)
            {
                return refusal;
            }
            await notices.CommunicatedAsync(review, cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>
    /// What communicating would do, without doing it: the refusal if the domain would refuse, else the last day to answer. The
    /// page shows it for confirmation before the provider sees the report.
    /// </summary>
    public async Task<(SaveResult Result, DateOnly? DueOn)> PreviewCommunicationAsync(Guid id, CommunicationInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsIn(ReviewRoles))
        {
            return (NotAReviewer, null);
        }
        if (await LoadAsync(id, tracked: false, cancellationToken) is not { } review)
        {
            return (SaveResult.Missing(), null);
        }
        if (review.Version != input.Version)
        {
            return (SaveResult.Stale(), null);
        }
        return Communicate(review, input, actor) is { } refusal ? (SaveResult.Refused(refusal), null) : (SaveResult.Saved(id), review.ResponseDueOn);
    }

    /// <summary>
    /// Finalises the report, with what follows from it in the same save (the deficiencies its findings found), and keeps the
    /// final report's document with the review, as it was on that day.
    /// </summary>
    public async Task<SaveResult> FinaliseAsync(Guid id, StepInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var result = await StepAsync(id, input.Version, actor, async review =>
        {
            if (review.FinaliseReport(actor, clock.GetUtcNow(), clock.SwedishToday(), input.Comment) is { } refusal)
            {
                return refusal;
            }
            foreach (var followUp in followUps)
            {
                if (await followUp.FinalisedAsync(review, actor, cancellationToken) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }, cancellationToken);
        if (result.Succeeded)
        {
            await documents.StoreFinalAsync(id, cancellationToken);
        }
        return result;
    }

    public Task<SaveResult> CloseAsync(Guid id, StepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, review => Task.FromResult(review.Close(actor, clock.GetUtcNow(), clock.SwedishToday(), input.Comment)), cancellationToken);

    /// <summary>The group manager names who looks at a disputed report; the domain refuses anyone whose roles do not fit or who took part.</summary>
    public Task<SaveResult> AssignIndependentReviewerAsync(Guid id, ReviewerInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, async review =>
        {
            var user = string.IsNullOrEmpty(input.ReviewerId) ? null : (await UsersWithRolesAsync(input.ReviewerId, cancellationToken)).FirstOrDefault();
            return review.AssignIndependentReviewer(actor, user?.Id, user?.Name, user?.Roles ?? [], clock.GetUtcNow());
        }, cancellationToken);

    public Task<SaveResult> ConcludeDisputeAsync(Guid id, ConclusionInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, actor, review => Task.FromResult(review.ConcludeDispute(actor, input.Conclusion, clock.GetUtcNow())), cancellationToken);

    /// <summary>
    /// Who could look at the review's disputed report: users who may lead its type or are group managers, took no part in it,
    /// and can see it (a district's follow-up officer only the reviews of the district's units). Null for no such review.
    /// </summary>
    public async Task<List<ReviewerCandidate>?> ReviewerCandidatesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: false, cancellationToken) is not { } review)
        {
            return null;
        }
        var fitting = ReviewTypes.LedBy(review.Type).Append(R.GroupManager).ToHashSet(StringComparer.Ordinal);
        var unitIds = review.Units.Select(u => u.UnitId).ToList();
        var districts = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.AdministrationId != null)
            .Select(u => u.AdministrationId!.Value).Distinct().ToListAsync(cancellationToken);
        var today = clock.SwedishToday();
        return [.. (await UsersWithRolesAsync(null, cancellationToken))
            .Where(u => u.Roles.Any(fitting.Contains) && !u.Roles.Contains(R.ProviderUser) && !review.TookPart(u.Id)
                && (u.AdministrationId is null || districts.Contains(u.AdministrationId.Value))
                && (u.AccessExpiresOn is null || u.AccessExpiresOn >= today))
            .Select(u => new ReviewerCandidate(u.Id, u.Name, [.. u.Roles.Order(StringComparer.Ordinal)]))];
    }

    /// <summary>The units a review of the choice system can cover, with their providers, for the plan form.</summary>
    public async Task<List<SelectListItem>> UnitOptionsAsync(Guid? choiceSystemId, IReadOnlyCollection<Guid> selected, CancellationToken cancellationToken)
    {
        var units = db.Units.AsNoTracking().Where(u => u.ClosedOn == null && u.ProviderId != null);
        if (choiceSystemId is { } id)
        {
            units = units.Where(u => u.ChoiceSystems.Any(c => c.Id == id));
        }
        var rows = await units.OrderBy(u => u.Provider!.Name).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, Provider = u.Provider!.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(u => new SelectListItem($"{u.Name} – {u.Provider}", u.Id.ToString(), selected.Contains(u.Id)))];
    }

    /// <summary>The reviews a follow-up review can follow up: final or closed ones, newest first.</summary>
    public async Task<List<SelectListItem>> EarlierReviewOptionsAsync(Guid? selected, CancellationToken cancellationToken)
    {
        var rows = await db.Reviews.AsNoTracking().Where(r => r.State == ReviewState.Final || r.State == ReviewState.Closed)
            .OrderByDescending(r => r.PlannedFor).Select(r => new { r.Id, r.Title, Provider = r.Provider!.Name, r.PlannedFor }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SelectListItem($"{r.Title} – {r.Provider} ({SwedishText.Date(r.PlannedFor)})", r.Id.ToString(), r.Id == selected))];
    }

    /// <summary>The names of the list's chosen provider and unit, each null when not chosen or not the caller's to see.</summary>
    public async Task<(string? Provider, string? Unit)> FilterNamesAsync(Guid? providerId, Guid? unitId, CancellationToken cancellationToken) =>
        (providerId is { } p ? await db.Providers.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null,
            unitId is { } u ? await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null);

    private static SaveResult NotAReviewer =>
        SaveResult.Refused(Refusal.NotAllowed("Granskningar leds av kvalitetsutvecklare, uppföljare, medicinskt ansvariga och gruppchefer."));

    private Refusal? Communicate(Review review, CommunicationInput input, WorkflowActor actor) =>
        review.Communicate(actor, clock.GetUtcNow(), clock.SwedishToday(), settings.ResponseDays, input.ResponseDueOn, input.Comment);

    private async Task<List<FindingQuestion>> RequiredQuestionsAsync(Guid? checklistId, CancellationToken cancellationToken) =>
        checklistId is { } id
            ? [.. (await checklists.QuestionsAsync(id, cancellationToken)).Where(q => q.Required).Select(Checklists.ForFinding)]
            : [];

    private sealed record UserWithRoles(string Id, string Name, Guid? AdministrationId, DateOnly? AccessExpiresOn, IReadOnlyList<string> Roles);

    private async Task<List<UserWithRoles>> UsersWithRolesAsync(string? userId, CancellationToken cancellationToken)
    {
        var rows = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where userId == null || user.Id == userId
            select new { user.Id, user.DisplayName, user.AdministrationId, user.AccessExpiresOn, Role = role.Name! })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Id)
            .Select(g => new UserWithRoles(g.Key, g.First().DisplayName, g.First().AdministrationId, g.First().AccessExpiresOn, [.. g.Select(r => r.Role)]))
            .OrderBy(u => u.Name, StringComparer.Create(SwedishText.Culture, ignoreCase: true))];
    }

    private Task<Review?> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var reviews = tracked ? db.Reviews : db.Reviews.AsNoTracking();
        return reviews.AsSplitQuery().Include(r => r.Units).Include(r => r.Findings).Include(r => r.Participants).Include(r => r.Steps)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>
    /// One step on the review: the domain decides whether the actor may and the state allows it; the version the caller read
    /// guards against taking a step on a review someone else has changed meanwhile.
    /// </summary>
    private async Task<SaveResult> StepAsync(Guid id, int version, WorkflowActor actor, Func<Review, Task<Refusal?>> step, CancellationToken cancellationToken)
    {
        if (!actor.IsIn(ReviewRoles))
        {
            return NotAReviewer;
        }
        if (await LoadAsync(id, tracked: true, cancellationToken) is not { } review)
        {
            return SaveResult.Missing();
        }
        if (await step(review) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        db.ExpectVersion(review, version);
        return await db.SaveOrConflictAsync(review.Id, cancellationToken);
    }
}
