using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>Sanctions on the start page: proposals to assess for the group manager, proposals for the committee for its secretary.</summary>
public sealed class SanctionWork(SanctionsHandler handler) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        var tiles = new List<WorkTile>();

        async Task AddAsync(string role, SanctionState state, string one, string many) =>
            tiles.Add(new WorkTile(role, one, many, (await handler.ListAsync(WorkCounts.CountOnly, new SanctionFilter(State: state), cancellationToken)).Total,
                $"/Sanctions?State={state}"));

        if (roles.Contains(R.GroupManager))
        {
            await AddAsync(R.GroupManager, SanctionState.Proposed, "förslag till sanktion att bedöma", "förslag till sanktioner att bedöma");
        }
        if (roles.Contains(R.CommitteeSecretary))
        {
            await AddAsync(R.CommitteeSecretary, SanctionState.AwaitingCommittee, "sanktion att ta upp i nämnden", "sanktioner att ta upp i nämnden");
        }
        return tiles;
    }
}
