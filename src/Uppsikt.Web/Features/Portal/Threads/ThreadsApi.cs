using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Portal;

/// <summary>The portal for integrations: a provider user's requests, its message threads and its attestations.</summary>
public static class PortalApi
{
    public static RouteGroupBuilder MapPortalApi(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal").WithTags("Anordnarportal");

        portal.MapGet("/requests", async Task<Results<Ok<List<PortalRequest>>, ForbidHttpResult>> (ClaimsPrincipal user, PortalRequests requests,
                CancellationToken cancellationToken) =>
                PortalHandler.OwnProvider(user) is { } providerId ? TypedResults.Ok(await requests.ForProviderAsync(providerId, cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Den anropande anordnarens öppna förfrågningar med sista datum, från alla delar av systemet.");

        portal.MapGet("/messages", async Task<Results<Ok<List<MessageView>>, ForbidHttpResult>> (ClaimsPrincipal user, PortalHandler handler,
                CancellationToken cancellationToken) =>
                PortalHandler.OwnProvider(user) is { } providerId ? TypedResults.Ok(await handler.MessagesAsync(providerId, cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Meddelandetråden mellan kommunen och den anropande anordnaren.");

        portal.MapPost("/messages", async (MessageInput input, ClaimsPrincipal user, PortalHandler handler, CancellationToken cancellationToken) =>
                PortalHandler.OwnProvider(user) is { } providerId
                    ? await (await handler.WriteAsync(providerId, input, user, cancellationToken)).CreatedAsync(
                        id => $"/api/v1/portal/messages#{id}", async id => (await handler.MessagesAsync(providerId, cancellationToken)).Single(m => m.Id == id))
                    : Results.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Skriver ett meddelande till kommunen, i den allmänna tråden eller om ett ärende (matterKind Complaint, QualityReport eller Attestation, och matterId). Personnummer tas inte emot.");

        portal.MapGet("/threads", async Task<Results<Ok<ThreadList>, ForbidHttpResult>> (int? page, ClaimsPrincipal user, PortalHandler handler,
                CancellationToken cancellationToken) =>
                PortalHandler.OwnProvider(user) is { } providerId ? TypedResults.Ok(await handler.ThreadsAsync(providerId, page ?? 1, cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary($"Den anropande anordnarens meddelandetrådar: den allmänna och en sida (page) med trådar per ärende, senast skrivna först, {PortalHandler.ThreadPageSize} per sida.");

        portal.MapGet("/threads/messages", async Task<Results<Ok<PortalThread>, NotFound, ForbidHttpResult>> (string? matterKind, Guid? matterId, ClaimsPrincipal user,
                PortalHandler handler, CancellationToken cancellationToken) =>
                PortalHandler.OwnProvider(user) is not { } providerId ? TypedResults.Forbid()
                : (await handler.ThreadAsync(providerId, matterKind, matterId, cancellationToken)).Thread is { } thread ? TypedResults.Ok(thread)
                : TypedResults.NotFound())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("En tråd med meddelandena, äldsta först: den allmänna utan parametrar, annars ärendets (matterKind och matterId).");

        portal.MapGet("/attestations", async Task<Results<Ok<List<AttestationView>>, ForbidHttpResult>> (ClaimsPrincipal user, AttestationsHandler handler,
                CancellationToken cancellationToken) =>
                PortalHandler.OwnProvider(user) is { } providerId ? TypedResults.Ok(await handler.ForProviderAsync(providerId, cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Den anropande anordnarens egenintyganden.");

        portal.MapPost("/attestations", async (AttestationInput input, ClaimsPrincipal user, AttestationsHandler handler, CancellationToken cancellationToken) =>
                PortalHandler.OwnProvider(user) is { } providerId
                    ? await (await handler.AttestAsync(providerId, input, cancellationToken)).CreatedAsync(
                        id => $"/api/v1/portal/attestations#{id}", async id => (await handler.GetAsync(id, cancellationToken))!)
                    : Results.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Lämnar och undertecknar ett egenintygande för ett kundval i en omgång: varje villkor uppfyllt, eller ej uppfyllt med förklaring.");
        return api;
    }
}
