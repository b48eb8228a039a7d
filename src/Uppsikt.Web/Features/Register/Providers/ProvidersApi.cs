using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Providers;

public static class ProvidersApi
{
    public static void MapProvidersApi(this RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/providers").WithTags("Anordnare").RequireAuthorization(Policies.StaffOrProvider);

        providers.MapGet("/", (ProvidersHandler handler, [AsParameters] ListParameters list,
                Ownership? ownership, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                ownership, cancellationToken))
            .WithSummary("Anordnare, med sökning, filter på regiform, sortering (name, organisationNumber, ownership, city) och sidindelning.");

        providers.MapGet("/{id:guid}", async Task<Results<Ok<ProviderDetails>, NotFound>> (Guid id, ProvidersHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } provider ? TypedResults.Ok(provider) : TypedResults.NotFound())
            .WithSummary("En anordnare med företrädare, underleverantörer, enheter och auktorisationer.");

        providers.MapPost("/", async (ProviderInput input, ProvidersHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(null, input, cancellationToken)).CreatedAsync(created => $"/api/v1/providers/{created}", created => handler.GetAsync(created, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till en anordnare. Organisationsnumret kontrolleras och sparas som 556123-4567.");

        providers.MapPut("/{id:guid}", async (Guid id, ProviderInput input, ProvidersHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Ändrar en anordnare. Skicka med version från senaste läsningen; en äldre version ger 409.");

        MapPeople(providers.MapGroup("/{id:guid}/people"));
        MapSubcontractors(providers.MapGroup("/{id:guid}/subcontractors"));
    }

    private static void MapPeople(RouteGroupBuilder people)
    {
        people.MapGet("/", async Task<Results<Ok<IReadOnlyList<ProviderPersonDetails>>, NotFound>> (Guid id, ProviderPeopleHandler handler, CancellationToken cancellationToken) =>
            await handler.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithSummary("Anordnarens företrädare, styrelse, revisor och kontaktpersoner.");

        people.MapGet("/{personId:guid}", async Task<Results<Ok<ProviderPersonDetails>, NotFound>> (Guid id, Guid personId, ProviderPeopleHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, personId, cancellationToken) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound())
            .WithSummary("En person hos anordnaren.");

        people.MapPost("/", async (Guid id, ProviderPersonInput input, ProviderPeopleHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, null, input, cancellationToken)).CreatedAsync(created => $"/api/v1/providers/{id}/people/{created}", created => handler.GetAsync(id, created, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till en person hos anordnaren.");

        people.MapPut("/{personId:guid}", async (Guid id, Guid personId, ProviderPersonInput input, ProviderPeopleHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, personId, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, personId, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Ändrar en person hos anordnaren. Skicka med version; en äldre version ger 409.");

        people.MapDelete("/{personId:guid}", async (Guid id, Guid personId, int? version, ProviderPeopleHandler handler, CancellationToken cancellationToken) =>
                (await handler.RemoveAsync(id, personId, version, cancellationToken)).Removed())
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Tar bort en person hos anordnaren. Med ?version= tas personen bara bort om ingen har ändrat den sedan dess.");
    }

    private static void MapSubcontractors(RouteGroupBuilder subcontractors)
    {
        subcontractors.MapGet("/", async Task<Results<Ok<IReadOnlyList<SubcontractorDetails>>, NotFound>> (Guid id, SubcontractorsHandler handler, CancellationToken cancellationToken) =>
            await handler.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithSummary("Anordnarens underleverantörer i alla led, sorterade på led.");

        subcontractors.MapGet("/{subcontractorId:guid}", async Task<Results<Ok<SubcontractorDetails>, NotFound>> (Guid id, Guid subcontractorId, SubcontractorsHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, subcontractorId, cancellationToken) is { } subcontractor ? TypedResults.Ok(subcontractor) : TypedResults.NotFound())
            .WithSummary("En underleverantör till anordnaren.");

        subcontractors.MapPost("/", async (Guid id, SubcontractorInput input, SubcontractorsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, null, input, cancellationToken)).CreatedAsync(created => $"/api/v1/providers/{id}/subcontractors/{created}", created => handler.GetAsync(id, created, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till en underleverantör (led 1–5).");

        subcontractors.MapPut("/{subcontractorId:guid}", async (Guid id, Guid subcontractorId, SubcontractorInput input, SubcontractorsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, subcontractorId, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, subcontractorId, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Ändrar en underleverantör. Skicka med version; en äldre version ger 409.");

        subcontractors.MapDelete("/{subcontractorId:guid}", async (Guid id, Guid subcontractorId, int? version, SubcontractorsHandler handler, CancellationToken cancellationToken) =>
                (await handler.RemoveAsync(id, subcontractorId, version, cancellationToken)).Removed())
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Tar bort en underleverantör. Med ?version= tas den bara bort om ingen har ändrat den sedan dess.");
    }
}
