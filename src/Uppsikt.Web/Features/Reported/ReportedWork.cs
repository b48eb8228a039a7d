using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Reported;

/// <summary>The committee member's start page: its committee's final review reports and decided sanctions, counted as the lists read them.</summary>
public sealed class ReportedWork(ReportedHandler handler) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        if (!roles.Contains(R.CommitteeMember))
        {
            return [];
        }
        return
        [
            new WorkTile(R.CommitteeMember, "slutlig granskningsrapport i din nämnd", "slutliga granskningsrapporter i din nämnd",
                await handler.FinalReviews().CountAsync(cancellationToken), "/Reported/Reports"),
            new WorkTile(R.CommitteeMember, "sanktion som din nämnd har beslutat", "sanktioner som din nämnd har beslutat",
                await handler.DecidedSanctions().CountAsync(cancellationToken), "/Reported/Sanctions"),
        ];
    }
}
