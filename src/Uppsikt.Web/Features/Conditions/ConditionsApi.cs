using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Conditions;

public static class ConditionsApi
{
    public static void MapConditionsApi(this RouteGroupBuilder api)
    {
        var conditions = api.MapGroup("/conditions").WithTags("Villkor").RequireAuthorization(Infrastructure.Auth.Policies.Staff);

        conditions.MapGet("/", (ConditionsHandler handler, TimeProvider clock, [AsParameters] ListParameters list,
                Guid? choiceSystemId, bool? general, DateOnly? date, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                choiceSystemId, general ?? false, date ?? clock.SwedishToday(), cancellationToken))
            .WithSummary("Villkor, med sökning, sortering (code, title, choiceSystem, part, validFrom), filter på kundval eller generella (general=true) och sidindelning. Rubriken är den version som gäller på date (i dag om inget anges).");

        conditions.MapGet("/{id:guid}", async Task<Results<Ok<ConditionDetails>, NotFound>> (Guid id, DateOnly? date, ConditionsHandler handler, TimeProvider clock,
                CancellationToken cancellationToken) =>
            await handler.GetAsync(id, date ?? clock.SwedishToday(), cancellationToken) is { } condition ? TypedResults.Ok(condition) : TypedResults.NotFound())
            .WithSummary("Ett villkor med alla versioner, nyast först, och den version som gäller på date (i dag om inget anges).");

        conditions.MapGet("/{id:guid}/in-force", async Task<Results<Ok<ConditionVersionView>, ProblemHttpResult>> (Guid id, DateOnly? date,
                ConditionsHandler handler, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var day = date ?? clock.SwedishToday();
                var (found, version) = await handler.VersionOnAsync(id, day, cancellationToken);
                return !found ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Villkoret finns inte.")
                    : version is null ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Villkoret gällde inte ännu den {SwedishText.Date(day)}.")
                    : TypedResults.Ok(version);
            })
            .WithSummary("Den version av villkoret som gällde på date (i dag om inget anges); 404 före den första versionen.");
    }
}
