using Uppsikt.Data;
using Uppsikt.Domain.Commissions;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Commissions;

/// <summary>
/// Commissions on the start page: the council board's staff see those overdue and those reported for them to follow up; a quality
/// developer those given to its committee (every committee's for one who serves none) that are not yet reported.
/// </summary>
public sealed class CommissionWork(CommissionsHandler handler, ICurrentActor actor) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        var tiles = new List<WorkTile>();

        async Task AddAsync(string role, CommissionFilter filter, string one, string many, string link) =>
            tiles.Add(new WorkTile(role, one, many, (await handler.ListAsync(WorkCounts.CountOnly, filter, cancellationToken)).Total, link));

        if (roles.Contains(R.CouncilReviewer))
        {
            await AddAsync(R.CouncilReviewer, new CommissionFilter(Overdue: true), "uppdrag försenat", "uppdrag försenade", "/Commissions?Overdue=true");
            await AddAsync(R.CouncilReviewer, new CommissionFilter(State: CommissionState.Reported), "uppdrag att följa upp", "uppdrag att följa upp",
                $"/Commissions?State={CommissionState.Reported}");
        }
        if (roles.Contains(R.QualityDeveloper))
        {
            var committee = actor.CommitteeId;
            var whose = committee is null ? "" : " till din nämnd";
            await AddAsync(R.QualityDeveloper, new CommissionFilter(CommitteeId: committee, NotReported: true),
                $"uppdrag från kommunstyrelsen{whose} att återrapportera", $"uppdrag från kommunstyrelsen{whose} att återrapportera",
                "/Commissions?NotReported=true" + (committee is { } id ? $"&Recipient={id}" : ""));
        }
        return tiles;
    }
}
