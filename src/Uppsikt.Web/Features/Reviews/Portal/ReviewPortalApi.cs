using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews.Portal;

/// <summary>
/// <c>/api/v1/portal/reviews</c>: the reviews communicated to a provider, read by the provider (its own) and by the municipality;
/// answered and disputed by the provider's users only.
/// </summary>
public static class ReviewPortalApi
{
    public static RouteGroupBuilder MapReviewPortalApi(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/portal/reviews").WithTags("Granskningar i anordnarportalen").RequireAuthorization(ReviewPortalModule.ReaderPolicy);

        reviews.MapGet("/", (ReviewPortalHandler handler, [AsParameters] ListParameters list, ReviewState? state, CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), state, cancellationToken))
            .WithSummary("Granskningar vars rapport har kommunicerats med anordnaren, med sökning på rubrik, diarienummer, granskare och anordnare, filter (state), sortering (communicated, title, state, due, provider) och sidindelning. En anordnare ser bara sina egna.");

        reviews.MapGet("/{id:guid}", async Task<Results<Ok<ReviewReport>, NotFound>> (Guid id, ReviewPortalHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("Granskningsrapporten som anordnaren ser den: typ, enheter, datum, deltagare, iakttagelser och bedömningar per område med villkorsversioner, sammanfattning, samlad bedömning, svar, begäran om oberoende granskning och tidslinje.");

        reviews.MapPost("/{id:guid}/responses", async (Guid id, ResponseInput input, ReviewPortalHandler handler, CancellationToken cancellationToken) =>
            {
                var result = await handler.RespondAsync(id, input, cancellationToken);
                return result.Succeeded ? Results.Created($"/api/v1/portal/reviews/{id}", await handler.GetAsync(id, cancellationToken)) : result.ToProblem();
            })
            .RequireAuthorization(Policies.ProviderUser)
            .Produces<ReviewReport>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Anordnarens faktarättelse eller synpunkt (kind: FactualCorrection eller Comment, text) på den kommunicerade rapporten, till och med sista dag för svar. Texten får inte innehålla personnummer.");

        reviews.MapPost("/{id:guid}/dispute", async (Guid id, DisputeInput input, ReviewPortalHandler handler, CancellationToken cancellationToken) =>
            {
                var result = await handler.DisputeAsync(id, input, cancellationToken);
                return result.Succeeded ? Results.Ok(await handler.GetAsync(id, cancellationToken)) : result.ToProblem();
            })
            .RequireAuthorization(Policies.ProviderUser)
            .Produces<ReviewReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Anordnaren begär, en gång och till och med sista dag för svar, att en granskare som inte deltagit i granskningen ser över rapporten (reason). En andra begäran ger 409.");

        return api;
    }
}
