using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews.Reported;

/// <summary>A final review report in the list.</summary>
public sealed record ReportedReviewRow
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public ReviewType Type { get; init; }
    public required string ProviderName { get; init; }
    public required string ChoiceSystemName { get; init; }
    public DateOnly? FinalisedOn { get; init; }
    public Assessment? Result { get; init; }
}

/// <summary>A deficiency as the final report states it.</summary>
public sealed record ReportedFinding(string Area, string QuestionCode, Assessment Assessment, string? Observation, string? RequiredAction, int? FixWithinMonths);

/// <summary>A final review report as the committee reads it: the facts, the summary, the overall result and the deficiencies found.</summary>
public sealed record ReportedReview(
    Guid Id, string Title, ReviewType Type, string? CaseNumber, string ProviderName, IReadOnlyList<string> UnitNames, string ChoiceSystemName,
    string CommitteeName, ReviewState State, DateOnly? FinalisedOn, Assessment? Result, string? Summary, IReadOnlyList<ReportedFinding> Deficiencies);

/// <summary>
/// The final review reports reported to the committee (decision 0036): the reports of the reviews in its choice systems once
/// final. Narrowed once, in <see cref="FinalReviews"/>, which the pages, the API and the start page all read through.
/// </summary>
public sealed class ReportedReviewsHandler(AppDbContext db, ReviewDocuments documents, ICurrentActor actor)
{
    public static readonly SortColumns<ReportedReviewRow> Sort = new SortColumns<ReportedReviewRow>("finalised")
        .Add("finalised", r => r.FinalisedOn)
        .Add("title", r => r.Title)
        .Add("type", r => r.Type)
        .Add("provider", r => r.ProviderName)
        .Add("result", r => r.Result);

    /// <summary>
    /// The reviews whose report is final (final or closed) that the actor reads: for one who reads only what is reported, its own
    /// committee's, by the choice system the review was made in; none for one without a committee, as reports are not published.
    /// </summary>
    public IQueryable<Review> FinalReviews()
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.State == ReviewState.Final || r.State == ReviewState.Closed);
        var (every, committee) = actor.ReportedTo();
        return every ? reviews : reviews.Where(r => r.ChoiceSystem!.CommitteeId == committee);
    }

    public Task<PagedList<ReportedReviewRow>> ListAsync(ListQuery list, CancellationToken cancellationToken)
    {
        var reviews = FinalReviews().Matching(list.Search);
        return reviews
            .Select(r => new ReportedReviewRow
            {
                Id = r.Id,
                Title = r.Title,
                Type = r.Type,
                ProviderName = r.Provider!.Name,
                ChoiceSystemName = r.ChoiceSystem!.Name,
                FinalisedOn = r.FinalisedOn,
                Result = r.Result,
            })
            .ToPageAsync(list, Sort, r => r.Id, cancellationToken);
    }

    public async Task<ReportedReview?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await FinalReviews().AsSplitQuery()
            .Include(r => r.Provider).Include(r => r.ChoiceSystem).ThenInclude(c => c!.Committee).Include(r => r.Units).ThenInclude(u => u.Unit)
            .Include(r => r.Findings)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return null;
        }
        return new ReportedReview(
            review.Id, review.Title, review.Type, review.CaseNumber, review.Provider?.Name ?? "",
            [.. review.Units.Select(u => u.Unit?.Name ?? "").Order(StringComparer.CurrentCulture)],
            review.ChoiceSystem?.Name ?? "", review.ChoiceSystem?.Committee?.Name ?? "", review.State, review.FinalisedOn, review.Result, review.Summary,
            [.. review.Findings.Where(f => f.IsDeficiency).OrderByDescending(f => f.Assessment).ThenBy(f => f.Area, StringComparer.CurrentCulture)
                .ThenBy(f => f.QuestionCode, StringComparer.Ordinal)
                .Select(f => new ReportedFinding(f.Area, f.QuestionCode, f.Assessment!.Value, f.Observation, f.RequiredAction, f.FixWithinMonths))]);
    }

    /// <summary>The final report as a Word document, as it was kept when finalised; null when the actor does not read it.</summary>
    public async Task<ReviewDocumentFile?> ReportFileAsync(Guid id, CancellationToken cancellationToken) =>
        await FinalReviews().AnyAsync(r => r.Id == id, cancellationToken) ? await documents.ReportAsync(id, cancellationToken) : null;
}
