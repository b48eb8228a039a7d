using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.ChoiceSystems;

public static class ChoiceSystemsApi
{
    public static void MapChoiceSystemsApi(this RouteGroupBuilder api)
    {
        var choices = api.MapGroup("/choice-systems").WithTags("Kundval").RequireAuthorization(Policies.StaffOrProvider);

        choices.MapGet("/", (ChoiceSystemsHandler handler, [AsParameters] ListParameters list,
                Guid? committeeId, bool? includePhasedOut, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                committeeId, includePhasedOut ?? false, cancellationToken))
            .WithSummary("Kundval, med sökning, sortering (name, committee, legalBasis) och sidindelning. Avvecklade kundval ingår bara med includePhasedOut=true.");

        choices.MapGet("/{id:guid}", async Task<Results<Ok<ChoiceSystemDetails>, NotFound>> (Guid id, ChoiceSystemsHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } choice ? TypedResults.Ok(choice) : TypedResults.NotFound())
            .WithSummary("Ett kundval med insatser, nivåer och auktorisationer.");

        choices.MapPost("/", async (ChoiceSystemInput input, ChoiceSystemsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(null, input, cancellationToken)).CreatedAsync(created => $"/api/v1/choice-systems/{created}", created => handler.GetAsync(created, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till ett kundval.");

        choices.MapPut("/{id:guid}", async (Guid id, ChoiceSystemInput input, ChoiceSystemsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Ändrar ett kundval. Skicka med version från senaste läsningen; en äldre version ger 409.");

        choices.MapPost("/{id:guid}/services", async (Guid id, ServiceInput input, ChoiceSystemsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveServiceAsync(id, null, input, cancellationToken)).CreatedAsync(_ => $"/api/v1/choice-systems/{id}", created => handler.GetServiceAsync(id, created, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till en insats i kundvalet.");

        choices.MapPut("/{id:guid}/services/{serviceId:guid}", async (Guid id, Guid serviceId, ServiceInput input, ChoiceSystemsHandler handler,
                CancellationToken cancellationToken) =>
                await (await handler.SaveServiceAsync(id, serviceId, input, cancellationToken)).UpdatedAsync(() => handler.GetServiceAsync(id, serviceId, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Byter namn på en insats. Skicka med version från senaste läsningen; en äldre version ger 409.");

        choices.MapDelete("/{id:guid}/services/{serviceId:guid}", async (Guid id, Guid serviceId, int? version, ChoiceSystemsHandler handler,
                CancellationToken cancellationToken) =>
                (await handler.RemoveServiceAsync(id, serviceId, version, cancellationToken)).Removed())
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Tar bort en insats med dess nivåer. Med ?version= tas den bara bort om ingen har ändrat den sedan; annars 409.");

        choices.MapPost("/{id:guid}/services/{serviceId:guid}/levels", async (Guid id, Guid serviceId, ServiceLevelInput input,
                ChoiceSystemsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.AddLevelAsync(id, serviceId, input, cancellationToken)).CreatedAsync(_ => $"/api/v1/choice-systems/{id}", created => handler.GetServiceAsync(id, serviceId, cancellationToken)))
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Lägger till en nivå (till exempel AMI 1) i en insats; svarar med insatsen och alla dess nivåer.");

        choices.MapDelete("/{id:guid}/services/{serviceId:guid}/levels/{levelId:guid}", async (Guid id, Guid serviceId, Guid levelId, int? version,
                ChoiceSystemsHandler handler, CancellationToken cancellationToken) =>
                (await handler.RemoveLevelAsync(id, serviceId, levelId, version, cancellationToken)).Removed())
            .RequireAuthorization(Policies.Editor)
            .WithSummary("Tar bort en nivå. Med ?version= tas den bara bort om ingen har ändrat den sedan; annars 409.");
    }
}
