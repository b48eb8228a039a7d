using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Reviews.Timeline;

/// <summary>The reviews' part of a unit's timeline: the milestones of each review that covers the unit, and its deficiencies.</summary>
public static class ReviewHistory
{
    public static readonly UnitHistoryKind Reviews = new("review", "Granskningar", 10);

    public static readonly UnitHistoryKind Deficiencies = new("finding", "Brister från granskningar", 20);

    /// <summary>The review's own page, where its whole timeline and every finding are.</summary>
    public static string Link(Guid reviewId) => $"/Reviews/Details?id={reviewId}";

    /// <summary>Registers the review steps and the deficiencies found as sources of the unit's timeline.</summary>
    public static IServiceCollection AddReviewTimeline(this IServiceCollection services) =>
        services.AddSingleton<IUnitHistorySource, ReviewStepHistory>().AddSingleton<IUnitHistorySource, ReviewFindingHistory>();
}

/// <summary>
/// A review's milestones on the timeline of each unit it covers (through <c>ReviewUnits</c>): planned, visited, communicated,
/// answered and disputed by the provider, the independent reviewer's conclusion, finalised and closed. The working steps
/// (preparation, the draft, a reopened draft, the reviewer's appointment, reminders) stay on the review's own timeline. A
/// provider sees a review only once its report is communicated (as the review's query filter says), and then its earlier
/// milestones too. A change to the review, its steps or its units rewrites all of the review's entries.
/// </summary>
public sealed class ReviewStepHistory() : UnitHistorySource<ReviewStepHistory.Row>(r => r.At, r => r.Id)
{
    public static readonly ReviewStepKind[] Milestones =
    [
        ReviewStepKind.Planned, ReviewStepKind.VisitDone, ReviewStepKind.Communicated, ReviewStepKind.ProviderResponded,
        ReviewStepKind.DisputeRequested, ReviewStepKind.DisputeConcluded, ReviewStepKind.Finalised, ReviewStepKind.Closed,
    ];

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public ReviewStepKind Kind { get; init; }
        public Guid ReviewId { get; init; }
        public required string Title { get; init; }
        public ReviewType Type { get; init; }
        public DateOnly PlannedFor { get; init; }
        public Assessment? Result { get; init; }
        public VisitMode VisitMode { get; init; }
        public ReviewState State { get; init; }

        /// <summary>Whether the review is of the provider the unit now has: a unit taken over by another provider keeps its history from it.</summary>
        public bool OfUnitsProvider { get; init; }
    }

    public override string Key => "review-step";

    public override UnitHistoryKind Kind => ReviewHistory.Reviews;

    /// <summary>The review, its steps and its units touch the review's entries; a unit's new provider touches the unit's.</summary>
    public override void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<Review>(entity, r => r.Id);
        touches.Group<ReviewStep>(entity, s => s.ReviewId);
        touches.Group<ReviewUnit>(entity, u => u.ReviewId);
        touches.Unit(entity);
    }

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        from step in db.ReviewSteps
        join covered in db.ReviewUnits on step.ReviewId equals covered.ReviewId
        join review in db.Reviews on step.ReviewId equals review.Id
        join unit in db.Units on covered.UnitId equals unit.Id
        where Milestones.Contains(step.Kind)
        select new UnitHistoryRow<Row>
        {
            UnitId = covered.UnitId,
            GroupId = review.Id,
            Row = new Row
            {
                Id = step.Id,
                At = step.OccurredAt,
                Kind = step.Kind,
                ReviewId = review.Id,
                Title = review.Title,
                Type = review.Type,
                PlannedFor = review.PlannedFor,
                Result = review.Result,
                VisitMode = review.VisitMode,
                State = review.State,
                OfUnitsProvider = review.ProviderId == unit.ProviderId,
            },
        };

    protected override bool ProviderSees(Row row) => row.OfUnitsProvider && Review.VisibleToProvider.Contains(row.State);

    protected override UnitHistoryText Describe(Row row, Guid unitId)
    {
        var step = ReviewSteps.Name(row.Kind, row.VisitMode);
        var detail = row.Kind switch
        {
            ReviewStepKind.Planned => $" Planerad till {SwedishText.Date(row.PlannedFor)}.",
            ReviewStepKind.Finalised or ReviewStepKind.Closed when row.Result is { } result => $" Samlad bedömning: {result.Name().ToLower(SwedishText.Culture)}.",
            _ => "",
        };
        return new($"{row.Type.Name()}: {char.ToLower(step[0], SwedishText.Culture)}{step[1..]}", $"{row.Title}.{detail}", ReviewHistory.Link(row.ReviewId));
    }
}

/// <summary>
/// The deficiencies a review found at the unit — findings assessed as a minor or a serious deficiency — when they were
/// assessed. Satisfactory findings are left out: a checklist has dozens of questions, and the review's own entries carry its
/// overall result (decision 0021). A provider sees them once the report is communicated, as it sees the review.
/// </summary>
public sealed class ReviewFindingHistory() : UnitHistorySource<ReviewFindingHistory.Row>(r => r.At, r => r.Id)
{
    public static readonly Assessment[] Deficient = [Assessment.MinorDeficiency, Assessment.SeriousDeficiency];

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public Assessment Assessment { get; init; }
        public required string Area { get; init; }
        public required string QuestionCode { get; init; }
        public string? Observation { get; init; }
        public Guid ReviewId { get; init; }
        public required string ReviewTitle { get; init; }
        public ReviewState ReviewState { get; init; }

        /// <summary>As for the review's steps: whether the review is of the provider the unit now has.</summary>
        public bool OfUnitsProvider { get; init; }
    }

    public override string Key => "review-finding";

    public override UnitHistoryKind Kind => ReviewHistory.Deficiencies;

    /// <summary>The review and its findings touch the review's entries; a unit's new provider touches the unit's.</summary>
    public override void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<Review>(entity, r => r.Id);
        touches.Group<ReviewFinding>(entity, f => f.ReviewId);
        touches.Unit(entity);
    }

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        from finding in db.ReviewFindings
        join review in db.Reviews on finding.ReviewId equals review.Id
        join unit in db.Units on finding.UnitId equals unit.Id
        where finding.Assessment != null && Deficient.Contains(finding.Assessment.Value)
        select new UnitHistoryRow<Row>
        {
            UnitId = finding.UnitId,
            GroupId = review.Id,
            Row = new Row
            {
                Id = finding.Id,
                At = finding.RecordedAt,
                Assessment = finding.Assessment!.Value,
                Area = finding.Area,
                QuestionCode = finding.QuestionCode,
                Observation = finding.Observation!.Substring(0, UnitHistoryText.ExcerptLength + 1),
                ReviewId = review.Id,
                ReviewTitle = review.Title,
                ReviewState = review.State,
                OfUnitsProvider = review.ProviderId == unit.ProviderId,
            },
        };

    protected override bool ProviderSees(Row row) => row.OfUnitsProvider && Review.VisibleToProvider.Contains(row.ReviewState);

    protected override UnitHistoryText Describe(Row row, Guid unitId) => new(
        $"{row.Assessment.Name()}: {row.Area}",
        $"Fråga {row.QuestionCode} i {row.ReviewTitle}." + (UnitHistoryText.Excerpt(row.Observation) is { } observation ? $" {observation}" : ""),
        ReviewHistory.Link(row.ReviewId));
}
