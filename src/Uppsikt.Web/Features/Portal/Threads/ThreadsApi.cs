using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Threads;

/// <summary>A provider user's message threads with the municipality, for integrations.</summary>
public static class ThreadsApi
{
    public static void MapThreadsApi(this RouteGroupBuilder portal)
    {
        portal.MapGet("/messages", async Task<Results<Ok<List<MessageView>>, ForbidHttpResult>> (ICurrentActor actor, ThreadsHandler handler,
                CancellationToken cancellationToken) =>
                PortalAccess.OwnProvider(actor) is { } providerId ? TypedResults.Ok(await handler.MessagesAsync(providerId, cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Meddelandetråden mellan kommunen och den anropande anordnaren.");

        portal.MapPost("/messages", async (MessageInput input, ICurrentActor actor, ThreadsHandler handler, CancellationToken cancellationToken) =>
                PortalAccess.OwnProvider(actor) is { } providerId
                    ? await (await handler.WriteAsync(providerId, input, cancellationToken)).CreatedAsync(
                        id => $"/api/v1/portal/messages#{id}", async id => (await handler.MessagesAsync(providerId, cancellationToken)).Single(m => m.Id == id))
                    : Results.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Skriver ett meddelande till kommunen, i den allmänna tråden eller om ett ärende (matterKind Complaint, QualityReport eller Attestation, och matterId). Personnummer tas inte emot.");

        portal.MapGet("/threads", async Task<Results<Ok<ThreadList>, ForbidHttpResult>> (int? page, ICurrentActor actor, ThreadsHandler handler,
                CancellationToken cancellationToken) =>
                PortalAccess.OwnProvider(actor) is { } providerId ? TypedResults.Ok(await handler.ThreadsAsync(providerId, page ?? 1, cancellationToken)) : TypedResults.Forbid())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary($"Den anropande anordnarens meddelandetrådar: den allmänna och en sida (page) med trådar per ärende, senast skrivna först, {ThreadsHandler.ThreadPageSize} per sida.");

        portal.MapGet("/threads/messages", async Task<Results<Ok<PortalThread>, NotFound, ForbidHttpResult>> (string? matterKind, Guid? matterId, ICurrentActor actor,
                ThreadsHandler handler, CancellationToken cancellationToken) =>
                PortalAccess.OwnProvider(actor) is not { } providerId ? TypedResults.Forbid()
                : (await handler.ThreadAsync(providerId, matterKind, matterId, cancellationToken)).Thread is { } thread ? TypedResults.Ok(thread)
                : TypedResults.NotFound())
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("En tråd med meddelandena, äldsta först: den allmänna utan parametrar, annars ärendets (matterKind och matterId).");

        portal.MapGet("/provider-threads", (ThreadsHandler handler, [AsParameters] ListParameters list, bool? waiting, CancellationToken cancellationToken) =>
                handler.ProviderThreadsAsync(list.ToQuery(), waiting == true, cancellationToken))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Kommunens lista över alla anordnares meddelandetrådar, var och en med sitt senaste meddelande, senast skrivna först; "
                + "waiting=true ger bara trådar där anordnaren skrev sist och som väntar på kommunens svar. Sortering (last, provider, messages) och sidindelning.");
    }
}
