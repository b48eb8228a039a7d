using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Authorisations;

public static class AuthorisationsApi
{
    public static void MapAuthorisationsApi(this RouteGroupBuilder api)
    {
        var authorisations = api.MapGroup("/authorisations").WithTags("Auktorisationer och avtal").RequireAuthorization(Policies.StaffOrProvider);

        authorisations.MapGet("/", (AuthorisationsHandler handler, [AsParameters] ListParameters list,
                AuthorisationStatus? status, Guid? choiceSystemId, Guid? providerId, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                status, choiceSystemId, providerId, cancellationToken))
            .WithSummary("Auktorisationer och avtal, med sökning (diarienummer, anteckningar, anordnare), filter, sortering (provider, choiceSystem, status, validFrom) och sidindelning.");

        authorisations.MapGet("/{id:guid}", async Task<Results<Ok<AuthorisationDetails>, NotFound>> (Guid id, AuthorisationsHandler handler,
                CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } authorisation ? TypedResults.Ok(authorisation) : TypedResults.NotFound())
            .WithSummary("En auktorisation eller ett avtal.");

        authorisations.MapPost("/", async (AuthorisationInput input, AuthorisationsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(null, input, cancellationToken)).CreatedAsync(created => $"/api/v1/authorisations/{created}", created => handler.GetAsync(created, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till en auktorisation eller ett avtal.");

        authorisations.MapPut("/{id:guid}", async (Guid id, AuthorisationInput input, AuthorisationsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Ändrar en auktorisation eller ett avtal. Skicka med version från senaste läsningen; en äldre version ger 409.");
    }
}
