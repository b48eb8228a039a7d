using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>Reviews on the start page: the lead's reviews step by step, and what waits for a decision or an independent reviewer.</summary>
public sealed class ReviewWork(ReviewsHandler handler, ICurrentActor actor) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        var tiles = new List<WorkTile>();

        async Task AddAsync(string role, ReviewFilter filter, string query, string one, string many) =>
            tiles.Add(new WorkTile(role, one, many, (await handler.ListAsync(WorkCounts.CountOnly, filter, cancellationToken)).Total, $"/Reviews?{query}"));

        var me = actor.UserId ?? "";
        foreach (var role in new[] { R.QualityDeveloper, R.MedicalResponsible }.Where(roles.Contains))
        {
            await AddAsync(role, new(ReviewState.Planned, LeadUserId: me), "Mine=true&State=Planned", "planerad granskning du leder", "planerade granskningar du leder");
            await AddAsync(role, new(ReviewState.Preparing, LeadUserId: me), "Mine=true&State=Preparing", "granskning du leder under förberedelse",
                "granskningar du leder under förberedelse");
            await AddAsync(role, new(ReviewState.VisitDone, LeadUserId: me), "Mine=true&State=VisitDone", "granskning du leder där besöket är gjort",
                "granskningar du leder där besöket är gjort");
            await AddAsync(role, new(ReviewState.DraftReport, LeadUserId: me), "Mine=true&State=DraftReport", "rapportutkast du leder", "rapportutkast du leder");
            await AddAsync(role, new(LeadUserId: me, Need: ReviewNeed.ReadyToFinalise), "Mine=true&Need=ReadyToFinalise",
                "kommunicerad granskning du leder som kan fastställas", "kommunicerade granskningar du leder som kan fastställas");
        }
        if (roles.Contains(R.QualityDeveloper) || roles.Contains(R.GroupManager))
        {
            var role = roles.Contains(R.GroupManager) ? R.GroupManager : R.QualityDeveloper;
            await AddAsync(role, new(Need: ReviewNeed.AwaitingIndependentReviewer), "Need=AwaitingIndependentReviewer",
                "ifrågasatt rapport som väntar på en oberoende granskare", "ifrågasatta rapporter som väntar på en oberoende granskare");
        }
        // Whoever is appointed to look at a disputed report: anyone who could be (ReviewsHandler.ReviewerCandidatesAsync).
        if (ReviewsHandler.ReviewRoles.FirstOrDefault(roles.Contains) is { } reviewerRole)
        {
            await AddAsync(reviewerRole, new(Need: ReviewNeed.AwaitingMyConclusion), "Need=AwaitingMyConclusion",
                "ifrågasatt rapport där du är oberoende granskare", "ifrågasatta rapporter där du är oberoende granskare");
        }
        if (roles.Contains(R.GroupManager))
        {
            await AddAsync(R.GroupManager, new(Need: ReviewNeed.AwaitingGroupManager), "Need=AwaitingGroupManager",
                "påkallad eller riktad granskning som väntar på dig",
                "påkallade eller riktade granskningar som väntar på dig");
        }
        if (roles.Contains(R.DistrictFollowUp))
        {
            await AddAsync(R.DistrictFollowUp, new(ReviewState.Communicated), "State=Communicated",
                "kommunicerad granskning i stadsdelens enheter", "kommunicerade granskningar i stadsdelens enheter");
        }
        return tiles;
    }
}
