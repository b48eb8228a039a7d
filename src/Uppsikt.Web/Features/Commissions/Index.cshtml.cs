using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain.Commissions;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Commissions;

/// <summary>The council board's commissions the caller reads, filtered by status and recipient, searched, sorted and paged; overdue ones marked.</summary>
public sealed class IndexModel(CommissionsHandler handler, RegisterLookups lookups, ICurrentActor actor) : ListPageModel
{
    /// <summary>The value of <see cref="Recipient"/> for the commissions given to the municipality's administration.</summary>
    public const string Administration = "forvaltning";

    [BindProperty(SupportsGet = true)]
    public CommissionState? State { get; set; }

    /// <summary>A committee's id, <see cref="Administration"/>, or nothing for every recipient.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Recipient { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool NotReported { get; set; }

    public PagedList<CommissionRow> Commissions { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Recipients { get; private set; } = [];

    public bool MayGive => CouncilBoard.RefuseRecorder(WorkflowActors.From(actor)) is null;

    public bool Filtered => State is not null || !string.IsNullOrEmpty(Recipient) || Overdue || NotReported;

    protected override (string? Sort, bool Descending) DefaultOrder => ("due", false);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Guid? committeeId = Guid.TryParse(Recipient, out var id) ? id : null;
        Commissions = await handler.ListAsync(Query, new CommissionFilter(State, committeeId, Recipient == Administration, Overdue, NotReported), cancellationToken);
        Recipients = [new SelectListItem(CommissionsHandler.AdministrationName, Administration), .. await lookups.CommitteesAsync(cancellationToken)];
        foreach (var option in Recipients)
        {
            option.Selected = string.Equals(option.Value, Recipient, StringComparison.OrdinalIgnoreCase);
        }
    }
}
