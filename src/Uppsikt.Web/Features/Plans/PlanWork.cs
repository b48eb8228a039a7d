using Uppsikt.Data;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Plans;

/// <summary>
/// This year's plans on the start page, each state for the role that takes the next step (or reads the outcome). A committee's
/// secretary and members count their own committee's plans only; one who serves no particular committee counts every committee's,
/// as the domain lets such a secretary record any committee's decision (decision 0023).
/// </summary>
public sealed class PlanWork(PlansHandler handler, TimeProvider clock, ICurrentActor actor) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        var year = clock.SwedishToday().Year;
        var counts = new Dictionary<(PlanState, Guid?), int>();

        async Task<WorkTile> TileAsync(string role, PlanState state, string one, string many, Guid? committeeId = null)
        {
            if (!counts.TryGetValue((state, committeeId), out var count))
            {
                count = counts[(state, committeeId)] =
                    (await handler.ListAsync(WorkCounts.CountOnly, new PlanFilter(year, CommitteeId: committeeId, State: state), cancellationToken)).Total;
            }
            var committee = committeeId is { } id ? $"&CommitteeId={id}" : "";
            return new WorkTile(role, one, many, count, $"/Plans?Year={year}&State={state}{committee}");
        }

        var tiles = new List<WorkTile>();
        if (roles.Contains(R.QualityDeveloper))
        {
            tiles.Add(await TileAsync(R.QualityDeveloper, PlanState.Draft, $"plan för {year} i utkast", $"planer för {year} i utkast"));
            tiles.Add(await TileAsync(R.QualityDeveloper, PlanState.Approved, $"godkänd plan för {year} som väntar på nämnden", $"godkända planer för {year} som väntar på nämnden"));
        }
        if (roles.Contains(R.GroupManager))
        {
            // What the quality developers have sent for approval (decision 0025), not every draft still being written.
            var sent = await handler.ListAsync(WorkCounts.CountOnly, new PlanFilter(year, State: PlanState.Draft, SentForApproval: true), cancellationToken);
            tiles.Add(new WorkTile(R.GroupManager, $"plan för {year} att godkänna", $"planer för {year} att godkänna", sent.Total,
                $"/Plans?Year={year}&State={PlanState.Draft}&SentForApproval=true"));
        }
        var ownCommittee = actor.CommitteeId;
        var whose = ownCommittee is null ? "" : " i din nämnd";
        if (roles.Contains(R.CommitteeSecretary))
        {
            tiles.Add(await TileAsync(R.CommitteeSecretary, PlanState.Approved, $"godkänd plan för {year}{whose} att föra in nämndens beslut om",
                $"godkända planer för {year}{whose} att föra in nämndens beslut om", ownCommittee));
        }
        if (roles.Contains(R.CommitteeMember))
        {
            tiles.Add(await TileAsync(R.CommitteeMember, PlanState.Adopted, $"antagen plan för {year}{whose}", $"antagna planer för {year}{whose}", ownCommittee));
        }
        if (roles.Contains(R.CouncilReviewer))
        {
            tiles.Add(await TileAsync(R.CouncilReviewer, PlanState.ReportedToCouncilBoard, $"plan för {year} rapporterad till kommunstyrelsen",
                $"planer för {year} rapporterade till kommunstyrelsen"));
        }
        return tiles;
    }
}
