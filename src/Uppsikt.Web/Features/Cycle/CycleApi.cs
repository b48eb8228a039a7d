using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Cycle;

public static class CycleApi
{
    public static void MapCycleApi(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Årshjul").RequireAuthorization(Policies.Staff);

        tasks.MapGet("/", (CycleTasksHandler handler, ICurrentActor actor, bool? mine, Guid? committeeId, int? year, TaskStatusFilter? status,
                [AsParameters] ListParameters list, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                new TaskFilter(committeeId, year, status, mine == true ? actor.UserId : null), cancellationToken))
            .WithSummary("Uppgifter i årshjulen, med filter (mine=true för mina, committeeId, year, status Open/Overdue/Done), sökning, sortering (due, title, committee, owner, status) och sidindelning.");

        tasks.MapPost("/{id:guid}/complete", async (Guid id, CompleteInput input, CycleTasksHandler handler, CancellationToken cancellationToken) =>
            {
                var result = await handler.CompleteAsync(id, input, cancellationToken);
                return result.Succeeded ? Results.NoContent() : result.ToProblem();
            })
            .WithSummary("Markerar en uppgift som klar, med en anteckning. Skicka med version från senaste läsningen; en äldre version ger 409.");
    }
}
