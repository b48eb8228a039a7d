using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Cycle;

/// <summary>The tasks of the committees' annual cycles, filtered by committee, year and status.</summary>
public sealed class IndexModel(CycleTasksHandler handler, RegisterLookups lookups, IAuthorizationService authorization, ICurrentActor actor) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public TaskStatusFilter? Status { get; set; }

    /// <summary>Only the caller's own tasks.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public PagedList<TaskRow> Tasks { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Committees { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tasks = await handler.ListAsync(Query, new TaskFilter(CommitteeId, Year, Status, Mine ? actor.UserId ?? "" : null), cancellationToken);
        Committees = await lookups.CommitteesAsync(cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
