using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>Deficiencies on the start page: plans to approve and deficiencies to verify for those who follow them up; overdue ones for the group manager.</summary>
public sealed class DeficiencyWork(ActionPlansHandler handler) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        var tiles = new List<WorkTile>();

        async Task AddAsync(string role, DeficiencyNeed need, string one, string many) =>
            tiles.Add(new WorkTile(role, one, many, (await handler.ListAsync(WorkCounts.CountOnly, new DeficiencyFilter(Need: need), cancellationToken)).Total,
                $"/Deficiencies?Need={need}"));

        if (new[] { R.QualityDeveloper, R.DistrictFollowUp, R.MedicalResponsible }.FirstOrDefault(roles.Contains) is { } role)
        {
            await AddAsync(role, DeficiencyNeed.AwaitingApproval, "brist vars åtgärdsplan väntar på godkännande", "brister vars åtgärdsplan väntar på godkännande");
            await AddAsync(role, DeficiencyNeed.AwaitingVerification, "brist att verifiera", "brister att verifiera");
        }
        if (roles.Contains(R.GroupManager))
        {
            await AddAsync(R.GroupManager, DeficiencyNeed.Overdue, "brist vars tidsfrist har passerat", "brister vars tidsfrist har passerat");
        }
        if (roles.Contains(R.ProviderUser))
        {
            await AddAsync(R.ProviderUser, DeficiencyNeed.AwaitingPlan, "brist som väntar på er åtgärdsplan", "brister som väntar på er åtgärdsplan");
        }
        return tiles;
    }
}
