using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>A provider user's attestations, for integrations.</summary>
public static class AttestationsApi
{
    public static void MapAttestationsApi(this RouteGroupBuilder portal)
    {
        portal.MapGet("/attestations", async Task<Results<Ok<List<AttestationView>>, ForbidHttpResult>> (ICurrentActor actor, AttestationsHandler handler,
                CancellationToken cancellationToken) =>
                PortalAccess.OwnProvider(actor) is { } providerId ? TypedResults.Ok(await handler.ForProviderAsync(providerId, cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Den anropande anordnarens egenintyganden.");

        portal.MapPost("/attestations", async (AttestationInput input, ICurrentActor actor, AttestationsHandler handler, CancellationToken cancellationToken) =>
                PortalAccess.OwnProvider(actor) is { } providerId
                    ? await (await handler.AttestAsync(providerId, input, cancellationToken)).CreatedAsync(
                        id => $"/api/v1/portal/attestations#{id}", async id => (await handler.GetAsync(id, cancellationToken))!)
                    : Results.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Lämnar och undertecknar ett egenintygande för ett kundval i en omgång: varje villkor uppfyllt, eller ej uppfyllt med förklaring.");
    }
}
