using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Reviews.Portal;

/// <summary>
/// Reviews in the provider portal: a communicated report the provider has not answered is a request with its last day, and
/// every review whose report has reached the provider is a matter with its own message thread.
/// </summary>
public sealed class ReviewPortalSources(AppDbContext db, ReviewPortalHandler reviews) : IPortalRequestSource, IPortalMatterSource
{
    /// <summary>The provider's communicated reports awaiting its answer; gone once answered, disputed or past the last day.</summary>
    public async Task<IReadOnlyList<PortalRequest>> OpenRequestsAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken) =>
        [.. (await reviews.AwaitingAnswerAsync(providerId, today, cancellationToken)).Select(r => new PortalRequest(
            "Granskningsrapport att svara på", $"Granskning: {r.Title}", r.ResponseDueOn!.Value, ReviewPortalHandler.DetailsUrl(r.Id), r.ResponseDueOn < today))];

    string IPortalMatterSource.MatterKind => ReviewPortalHandler.MatterKind;

    /// <summary>A review is a matter once its report has reached the provider, never before, whoever asks.</summary>
    async Task<PortalMatter?> IPortalMatterSource.FindMatterAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Reviews.AsNoTracking().Where(r => r.Id == id && Review.VisibleToProvider.Contains(r.State))
            .Select(r => new { r.ProviderId, r.Title }).FirstOrDefaultAsync(cancellationToken) is { } review
            ? new PortalMatter(ReviewPortalHandler.MatterKind, id, review.ProviderId, $"Granskning: {review.Title}", ReviewPortalHandler.DetailsUrl(id))
            : null;
}
