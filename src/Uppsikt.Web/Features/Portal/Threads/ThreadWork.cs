using Uppsikt.Web.Infrastructure.Home;
using Uppsikt.Web.Infrastructure.Lists;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Portal.Threads;

/// <summary>The portal on the quality developer's start page: the providers' threads whose latest message waits for an answer.</summary>
public sealed class ThreadWork(ThreadsHandler handler) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        if (!roles.Contains(R.QualityDeveloper))
        {
            return [];
        }
        var waiting = (await handler.ProviderThreadsAsync(WorkCounts.CountOnly, waitingOnly: true, cancellationToken)).Total;
        return
        [
            new(R.QualityDeveloper, "meddelandetråd där anordnaren väntar på svar", "meddelandetrådar där anordnare väntar på svar", waiting,
                "/Portal/Providers/Messages?Waiting=true"),
        ];
    }
}
