using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Committees;

public static class CommitteesApi
{
    public static void MapCommitteesApi(this RouteGroupBuilder api)
    {
        var committees = api.MapGroup("/committees").WithTags("Nämnder").RequireAuthorization(Policies.StaffOrProvider);

        committees.MapGet("/", (CommitteesHandler handler, [AsParameters] ListParameters list,
                CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(), cancellationToken))
            .WithSummary("Nämnder, med sökning, sortering (name) och sidindelning.");

        committees.MapGet("/{id:guid}", async Task<Results<Ok<CommitteeDetails>, NotFound>> (Guid id, CommitteesHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } committee ? TypedResults.Ok(committee) : TypedResults.NotFound())
            .WithSummary("En nämnd med dess kundval.");

        committees.MapPost("/", async (CommitteeInput input, CommitteesHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(null, input, cancellationToken)).CreatedAsync(created => $"/api/v1/committees/{created}", created => handler.GetAsync(created, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till en nämnd.");

        committees.MapPut("/{id:guid}", async (Guid id, CommitteeInput input, CommitteesHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Ändrar en nämnd. Skicka med version från senaste läsningen; en äldre version ger 409.");
    }
}
