using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Cycle;

/// <summary>The caller's own open and overdue tasks of the annual cycle, for every municipal role that has any.</summary>
public sealed class TaskWork(CycleTasksHandler handler, ICurrentActor actor) : IWorkSource
{
    // Tasks are the person's, not a role's: they are shown under the first of its municipal roles. The open tasks link to the
    // page where they are marked done (its list is the same filter); the overdue ones to the task list filtered to exactly them.
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } me || R.Municipal.FirstOrDefault(roles.Contains) is not { } role)
        {
            return [];
        }
        var open = (await handler.ListAsync(WorkCounts.CountOnly, new TaskFilter(Status: TaskStatusFilter.Open, OwnerUserId: me), cancellationToken)).Total;
        var overdue = (await handler.ListAsync(WorkCounts.CountOnly, new TaskFilter(Status: TaskStatusFilter.Overdue, OwnerUserId: me), cancellationToken)).Total;
        return
        [
            new(role, "öppen uppgift i årshjulet", "öppna uppgifter i årshjulet", open, "/Cycle/MyTasks"),
            new(role, "försenad uppgift i årshjulet", "försenade uppgifter i årshjulet", overdue, "/Cycle?Status=Overdue&Mine=true"),
        ];
    }
}
