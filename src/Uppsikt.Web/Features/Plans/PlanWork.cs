using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Plans;

/// <summary>This year's plans on the start page, each state for the role that takes the next step (or reads the outcome).</summary>
public sealed class PlanWork(PlansHandler handler, TimeProvider clock) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        var year = clock.SwedishToday().Year;
        var counts = new Dictionary<PlanState, int>();

        async Task<WorkTile> TileAsync(string role, PlanState state, string one, string many)
        {
            if (!counts.TryGetValue(state, out var count))
            {
                count = counts[state] = (await handler.ListAsync(WorkCounts.CountOnly, year, null, state, adoptedOnly: false, cancellationToken)).Total;
            }
            return new WorkTile(role, one, many, count, $"/Plans?Year={year}&State={state}");
        }

        var tiles = new List<WorkTile>();
        if (roles.Contains(R.QualityDeveloper))
        {
            tiles.Add(await TileAsync(R.QualityDeveloper, PlanState.Draft, $"plan för {year} i utkast", $"planer för {year} i utkast"));
            tiles.Add(await TileAsync(R.QualityDeveloper, PlanState.Approved, $"godkänd plan för {year} som väntar på nämnden", $"godkända planer för {year} som väntar på nämnden"));
        }
        if (roles.Contains(R.GroupManager))
        {
            tiles.Add(await TileAsync(R.GroupManager, PlanState.Draft, $"plan för {year} att godkänna", $"planer för {year} att godkänna"));
        }
        if (roles.Contains(R.CommitteeSecretary))
        {
            tiles.Add(await TileAsync(R.CommitteeSecretary, PlanState.Approved, $"godkänd plan för {year} att föra in nämndens beslut om",
                $"godkända planer för {year} att föra in nämndens beslut om"));
        }
        if (roles.Contains(R.CommitteeMember))
        {
            tiles.Add(await TileAsync(R.CommitteeMember, PlanState.Adopted, $"antagen plan för {year}", $"antagna planer för {year}"));
        }
        if (roles.Contains(R.CouncilReviewer))
        {
            tiles.Add(await TileAsync(R.CouncilReviewer, PlanState.ReportedToCouncilBoard, $"plan för {year} rapporterad till kommunstyrelsen",
                $"planer för {year} rapporterade till kommunstyrelsen"));
        }
        return tiles;
    }
}
