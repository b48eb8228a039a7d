using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal;

/// <summary>All open requests to a provider from every feature's <see cref="IPortalRequestSource"/>, the most urgent first.</summary>
public sealed class PortalRequests(IEnumerable<IPortalRequestSource> sources, TimeProvider clock)
{
    public async Task<List<PortalRequest>> ForProviderAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var all = new List<PortalRequest>();
        foreach (var source in sources)
        {
            all.AddRange(await source.OpenRequestsAsync(providerId, today, cancellationToken));
        }
        return [.. all.OrderBy(r => r.DueOn).ThenBy(r => r.Title, StringComparer.Ordinal)];
    }
}
