using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Reviews.Reported;

/// <summary>The committee member's start page: its committee's final review reports, counted as the list reads them.</summary>
public sealed class ReportedReviewWork(ReportedReviewsHandler handler) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken) =>
        roles.Contains(R.CommitteeMember)
            ? [new WorkTile(R.CommitteeMember, "slutlig granskningsrapport i din nämnd", "slutliga granskningsrapporter i din nämnd",
                await handler.FinalReviews().CountAsync(cancellationToken), "/Reviews/Reported")]
            : [];
}
