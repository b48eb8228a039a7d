using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Units;

public static class UnitsApi
{
    public static void MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Enheter");

        units.MapGet("/", (UnitsHandler handler, [AsParameters] ListParameters list,
                Guid? providerId, Guid? choiceSystemId, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                providerId, choiceSystemId, cancellationToken))
            .WithSummary("Enheter, med sökning, sortering (name, provider, city, capacity) och sidindelning.");

        units.MapGet("/{id:guid}", async Task<Results<Ok<UnitDetails>, NotFound>> (Guid id, UnitsHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound())
            .WithSummary("En enhet.");

        units.MapPost("/", async (UnitInput input, UnitsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(null, input, cancellationToken)).CreatedAsync(created => $"/api/v1/units/{created}", created => handler.GetAsync(created, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till en enhet.");

        units.MapPut("/{id:guid}", async (Guid id, UnitInput input, UnitsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Ändrar en enhet. Skicka med version från senaste läsningen; en äldre version ger 409.");
    }
}
