using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Register.Units;

public static class UnitsApi
{
    public static void MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Enheter").RequireAuthorization(Policies.StaffOrProvider);

        units.MapGet("/", (UnitsHandler handler, [AsParameters] ListParameters list,
                Guid? providerId, Guid? choiceSystemId, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                providerId, choiceSystemId, cancellationToken))
            .WithSummary("Enheter, med sökning, sortering (name, provider, city, capacity) och sidindelning.");

        units.MapGet("/{id:guid}", async Task<Results<Ok<UnitDetails>, NotFound>> (Guid id, UnitsHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound())
            .WithSummary("En enhet.");

        units.MapGet("/{id:guid}/timeline", async Task<Results<Ok<UnitTimeline>, NotFound, ValidationProblem>> (Guid id, UnitHistory history,
                string[]? kinds, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken cancellationToken) =>
            {
                var query = new UnitHistoryQuery(UnitHistoryQuery.KindsFrom(kinds), from, to, page ?? 1, pageSize ?? UnitHistoryQuery.DefaultPageSize);
                if (history.Problems(query) is { Count: > 0 } problems)
                {
                    return TypedResults.ValidationProblem(problems.ToDictionary(), title: problems.Values.First()[0]);
                }
                return await history.ReadAsync(id, query, cancellationToken) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();
            })
            .WithSummary("En enhets tidslinje: granskningar, brister, klagomål, avvikelser, handläggares erfarenheter, kvalitetsrapporter och "
                + "egenintyganden, nyast först. Filtrera med kinds (kommaseparerade nycklar, se kinds i svaret), from och to (datum, båda "
                + "inräknade) och bläddra med page och pageSize (högst 200).");

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
