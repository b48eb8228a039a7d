using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Notifications;

namespace Uppsikt.Web.Features.Reviews.Portal;

/// <summary>A review communicated to its provider, as the provider's list shows it.</summary>
public sealed record ReviewPortalRow
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public ReviewType Type { get; init; }
    public required string ProviderName { get; init; }
    public ReviewState State { get; init; }
    public DateOnly? CommunicatedOn { get; init; }
    public DateOnly? ResponseDueOn { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
    public DateTimeOffset? DisputedAt { get; init; }
}

public sealed record ReviewUnitRef(Guid Id, string Name);

public sealed record ParticipantView(string Name, string? Title, ParticipantSide Side);

public sealed record FindingView(
    string UnitName, string QuestionCode, string? Question, string? Answer, string? Observation, Assessment? Assessment,
    IReadOnlyList<ConditionVersionRef> Conditions);

/// <summary>One area of the report (a section of the checklist) with its findings in the checklist's order.</summary>
public sealed record ReportArea(string Area, IReadOnlyList<FindingView> Findings);

public sealed record ResponseView(Guid Id, ResponseKind Kind, string Text, DateTimeOffset WrittenAt, string WrittenByName);


/// <summary>
/// The communicated report as the provider reads it (rule 5): the review's facts, participants, findings by area with their
/// assessment and the condition versions they name, the summary and overall result, the answers given and the dispute, and the
/// steps since communication. Interview notes and the visit's meeting notes are the municipality's working material and never part of it.
/// </summary>
public sealed record ReviewReport(
    Guid Id, string Title, ReviewType Type, ReviewState State, Guid ProviderId, string ProviderName, string ChoiceSystemName, string? CaseNumber,
    IReadOnlyList<ReviewUnitRef> Units, string LeadName, VisitMode VisitMode, DateTimeOffset? VisitAt, string? VisitPlace, string? Method,
    IReadOnlyList<ParticipantView> Participants, IReadOnlyList<ReportArea> Areas, string? Summary, Assessment? Result, string ResultText,
    DateOnly? CommunicatedOn, DateOnly? ResponseDueOn, IReadOnlyList<ResponseView> Responses,
    string? DisputeReason, DateTimeOffset? DisputedAt, string? IndependentReviewerName, string? DisputeConclusion, DateTimeOffset? DisputeConcludedAt,
    DateOnly? FinalisedOn, DateOnly? ClosedOn, IReadOnlyList<ReviewStepView> Timeline,
    bool OpenForAnswer, bool CanDispute);

/// <summary>The provider's answer to the report: a factual correction or a comment.</summary>
public sealed record ResponseInput(ResponseKind? Kind, [DataType(DataType.MultilineText)] string? Text);

/// <summary>The provider's request that a reviewer who took no part looks at the report, with its reason.</summary>
public sealed record DisputeInput([DataType(DataType.MultilineText)] string? Reason);

/// <summary>
/// The provider's side of a review (decision 0020): the reviews communicated to it, the report, its answers and its dispute.
/// Pages and <c>/api/v1/portal/reviews</c> call it; the municipality may read the same report as the provider sees it.
/// </summary>
public sealed class ReviewPortalHandler(AppDbContext db, ICurrentActor actor, TimeProvider clock, ReviewNotices notices, ConditionsInForce conditions,
    HandOffs handOffs)
{
    /// <summary>The matter kind of a review in the portal's message threads.</summary>
    public const string MatterKind = "Review";

    /// <summary>The provider's list of its reviews.</summary>
    public const string IndexUrl = "/Reviews/Portal";

    /// <summary>The report as the provider sees it; the municipality may open it too.</summary>
    public static string DetailsUrl(Guid id) => $"/Reviews/Portal/Details/{id}";

    public static readonly SortColumns<ReviewPortalRow> Sort = new SortColumns<ReviewPortalRow>("communicated")
        .Add("communicated", r => r.CommunicatedOn)
        .Add("title", r => r.Title)
        .Add("state", r => r.State)
        .Add("due", r => r.ResponseDueOn)
        .Add("provider", r => r.ProviderName);

    /// <summary>The steps of the timeline the provider sees: those from communication on, not the municipality's own work before it.</summary>
    private static readonly ReviewStepKind[] ProviderSteps =
    [
        ReviewStepKind.Communicated, ReviewStepKind.ProviderResponded, ReviewStepKind.ReminderSent, ReviewStepKind.DisputeRequested,
        ReviewStepKind.IndependentReviewerAssigned, ReviewStepKind.DisputeConcluded, ReviewStepKind.Finalised, ReviewStepKind.Closed,
    ];

    private static readonly Refusal ProvidersOnly = Refusal.NotAllowed("Bara anordnarens egna användare kan svara på granskningsrapporten.");

    /// <summary>
    /// Reviews whose report has reached the provider. The query filter already keeps a provider user to its own reviews in these
    /// states; the condition is repeated so the municipality reading this view sees the same reviews the provider does.
    /// </summary>
    private IQueryable<Review> Communicated => db.Reviews.AsNoTracking().Where(r => Review.VisibleToProvider.Contains(r.State));

    internal IQueryable<ReviewPortalRow> Rows(IQueryable<Review> reviews) =>
        from r in reviews
        join p in db.Providers on r.ProviderId equals p.Id
        select new ReviewPortalRow
        {
            Id = r.Id,
            Title = r.Title,
            Type = r.Type,
            ProviderName = p.Name,
            State = r.State,
            CommunicatedOn = r.CommunicatedOn,
            ResponseDueOn = r.ResponseDueOn,
            RespondedAt = r.RespondedAt,
            DisputedAt = r.DisputedAt,
        };

    /// <summary>The communicated reviews, searchable by title, case number, lead and provider, and filterable by state.</summary>
    public Task<PagedList<ReviewPortalRow>> ListAsync(ListQuery list, ReviewState? state, CancellationToken cancellationToken)
    {
        var reviews = Communicated;
        if (state is { } s)
        {
            reviews = reviews.Where(r => r.State == s);
        }
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            var matching = db.Reviews.Matching(list.Search).Select(r => r.Id);
            var providers = db.Providers.Matching(list.Search);
            reviews = reviews.Where(r => matching.Contains(r.Id) || providers.Any(p => p.Id == r.ProviderId));
        }
        return Rows(reviews).ToPageAsync(list, Sort, r => r.Id, cancellationToken);
    }

    /// <summary>The provider's reviews awaiting its answer on <paramref name="today"/>: communicated, unanswered, not disputed and not past the last day.</summary>
    public async Task<List<ReviewPortalRow>> AwaitingAnswerAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken) =>
        await Rows(Communicated.Where(r => r.ProviderId == providerId && r.State == ReviewState.Communicated
                && r.RespondedAt == null && r.DisputedAt == null && r.ResponseDueOn >= today))
            .OrderBy(r => r.ResponseDueOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The report, or null when there is no such review or it has not reached its provider.</summary>
    public async Task<ReviewReport?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await Communicated.AsSplitQuery()
            .Include(r => r.Units).Include(r => r.Participants).Include(r => r.Findings).Include(r => r.Responses).Include(r => r.Steps)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return null;
        }
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == review.ProviderId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        var choiceSystem = await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == review.ChoiceSystemId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        var unitIds = review.Units.Select(u => u.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var questionIds = review.Findings.Select(f => f.QuestionId).Distinct().ToList();
        var questions = await db.TemplateQuestions.AsNoTracking().Where(q => questionIds.Contains(q.Id))
            .Select(q => new { q.Id, q.Text, q.Position }).ToDictionaryAsync(q => q.Id, cancellationToken);
        // The versions the findings were judged against, with their text, in one query.
        var versions = await conditions.VersionsByIdAsync(review.Findings.SelectMany(f => f.ConditionVersionIds), cancellationToken);

        string UnitName(Guid unitId) => units.GetValueOrDefault(unitId) ?? "Enheten";
        var areas = review.Findings
            .OrderBy(f => questions.TryGetValue(f.QuestionId, out var q) ? q.Position : int.MaxValue).ThenBy(f => f.QuestionCode, StringComparer.Ordinal)
            .ThenBy(f => UnitName(f.UnitId), StringComparer.Ordinal)
            .GroupBy(f => f.Area, StringComparer.Ordinal)
            .Select(g => new ReportArea(g.Key, [.. g.Select(f => new FindingView(
                UnitName(f.UnitId), f.QuestionCode, questions.GetValueOrDefault(f.QuestionId)?.Text, f.Answer, f.Observation, f.Assessment,
                [.. f.ConditionVersionIds.Where(versions.ContainsKey).Select(v => versions[v]).OrderBy(v => v.Code, StringComparer.Ordinal)]))]))
            .ToList();
        var open = review.CheckAnswerTime(clock.SwedishToday()) is null;
        return new ReviewReport(
            review.Id, review.Title, review.Type, review.State, review.ProviderId, provider ?? "", choiceSystem ?? "", review.CaseNumber,
            [.. unitIds.Select(u => new ReviewUnitRef(u, UnitName(u))).OrderBy(u => u.Name, StringComparer.Ordinal)],
            review.LeadName, review.VisitMode, review.VisitAt, review.VisitPlace, review.Method,
            [.. review.Participants.OrderBy(p => p.Side).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => new ParticipantView(p.Name, p.Title, p.Side))],
            areas, review.Summary, review.Result, OverallResult.Describe(review.Result),
            review.CommunicatedOn, review.ResponseDueOn,
            [.. review.Responses.OrderBy(r => r.WrittenAt).Select(r => new ResponseView(r.Id, r.Kind, r.Text, r.WrittenAt, r.WrittenByName))],
            review.DisputeReason, review.DisputedAt, review.IndependentReviewerName, review.DisputeConclusion, review.DisputeConcludedAt,
            review.FinalisedOn, review.ClosedOn,
            [.. review.Steps.Where(s => ProviderSteps.Contains(s.Kind)).OrderBy(s => s.OccurredAt).Select(s => new ReviewStepView(s.Kind, ReviewSteps.Name(s.Kind, review.VisitMode), s.OccurredAt, s.ActorName, s.Comment))],
            open, open && review.DisputedAt is null);
    }

    /// <summary>
    /// Records the provider's factual correction or comment while the report is communicated and its last day has not passed,
    /// and tells the review's lead by e-mail.
    /// </summary>
    public async Task<SaveResult> RespondAsync(Guid id, ResponseInput input, CancellationToken cancellationToken)
    {
        if (!actor.IsProviderUser())
        {
            return SaveResult.Refused(ProvidersOnly);
        }
        if (await LoadAsync(id, cancellationToken) is not { } review)
        {
            return SaveResult.Missing();
        }
        if (review.CheckAnswerTime(clock.SwedishToday()) is { } closed)
        {
            return SaveResult.Refused(closed);
        }
        var (response, refusal) = review.Respond(WorkflowActors.From(actor), input.Kind ?? default, input.Text, clock.GetUtcNow());
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        db.ExpectVersion(review, review.Version);
        await notices.RespondedAsync(review, response!, cancellationToken);
        // The answer waits for the municipality: the lead is mailed above; the other quality developers are told as each chose.
        await handOffs.WaitsForAsync(new HandOff($"review-response:{response!.Id:N}", Roles.QualityDeveloper,
            $"Anordnaren har svarat på granskningsrapporten: {review.Title}",
            $"{await notices.ProviderNameAsync(review, cancellationToken)} har svarat på rapporten från granskningen ”{review.Title}”.", $"/Reviews/Details?id={review.Id}")
        { Except = review.LeadUserId is { } lead ? [lead] : [] }, cancellationToken);
        return await db.SaveOrConflictAsync(review.Id, cancellationToken);
    }

    /// <summary>What asking for an independent review would meet, without asking: for the page's confirmation step.</summary>
    public async Task<SaveResult> CheckDisputeAsync(Guid id, DisputeInput input, CancellationToken cancellationToken)
    {
        if (!actor.IsProviderUser())
        {
            return SaveResult.Refused(ProvidersOnly);
        }
        // Read without tracking: the rule runs on a copy that is never saved.
        if (await Communicated.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } review)
        {
            return SaveResult.Missing();
        }
        var refusal = review.CheckAnswerTime(clock.SwedishToday()) ?? review.Dispute(WorkflowActors.From(actor), input.Reason, clock.GetUtcNow());
        return refusal is null ? SaveResult.Saved(review.Id) : SaveResult.Refused(refusal);
    }

    /// <summary>
    /// The provider asks, once and while it may still answer, that a reviewer who took no part in the review looks at the report;
    /// the review's lead and the group managers, who name that reviewer, are told by e-mail.
    /// </summary>
    public async Task<SaveResult> DisputeAsync(Guid id, DisputeInput input, CancellationToken cancellationToken)
    {
        if (!actor.IsProviderUser())
        {
            return SaveResult.Refused(ProvidersOnly);
        }
        if (await LoadAsync(id, cancellationToken) is not { } review)
        {
            return SaveResult.Missing();
        }
        if ((review.CheckAnswerTime(clock.SwedishToday()) ?? review.Dispute(WorkflowActors.From(actor), input.Reason, clock.GetUtcNow())) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        db.ExpectVersion(review, review.Version);
        await notices.DisputedAsync(review, cancellationToken);
        return await db.SaveOrConflictAsync(review.Id, cancellationToken);
    }

    private Task<Review?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Reviews.Where(r => Review.VisibleToProvider.Contains(r.State)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
}
