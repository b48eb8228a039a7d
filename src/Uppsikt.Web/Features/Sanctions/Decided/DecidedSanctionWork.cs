using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Sanctions.Decided;

/// <summary>The committee member's start page: the sanctions its committee decided, counted as the list reads them.</summary>
public sealed class DecidedSanctionWork(DecidedSanctionsHandler handler) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken) =>
        roles.Contains(R.CommitteeMember)
            ? [new WorkTile(R.CommitteeMember, "sanktion som din nämnd har beslutat", "sanktioner som din nämnd har beslutat",
                await handler.DecidedSanctions().CountAsync(cancellationToken), "/Sanctions/Decided")]
            : [];
}
