using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Web.Features.Portal.Attestations;
using Uppsikt.Web.Features.Portal.Threads;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal;

/// <summary>The portal for integrations: a provider user's requests, its message threads and its attestations.</summary>
public static class PortalApi
{
    public static RouteGroupBuilder MapPortalApi(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal").WithTags("Anordnarportal");

        portal.MapGet("/requests", async Task<Results<Ok<List<PortalRequest>>, ForbidHttpResult>> (ICurrentActor actor, PortalRequests requests,
                CancellationToken cancellationToken) =>
                PortalAccess.OwnProvider(actor) is { } providerId ? TypedResults.Ok(await requests.ForProviderAsync(providerId, cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Den anropande anordnarens öppna förfrågningar med sista datum, från alla delar av systemet.");

        portal.MapThreadsApi();
        portal.MapAttestationsApi();
        return api;
    }
}
