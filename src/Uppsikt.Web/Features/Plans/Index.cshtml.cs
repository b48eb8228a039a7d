using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Plans;

public sealed class IndexModel(PlansHandler handler, RegisterLookups lookups, TimeProvider clock, ICurrentActor actor) : ListPageModel
{
    /// <summary>The year shown; this year unless another is chosen, all years when the filter is emptied.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public PlanState? State { get; set; }

    /// <summary>Only the plans of this committee's choice systems.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    /// <summary>Only drafts sent to the group manager for approval.</summary>
    [BindProperty(SupportsGet = true)]
    public bool SentForApproval { get; set; }

    public PagedList<PlanRow> Plans { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Years { get; private set; } = [];

    public List<SelectListItem> Committees { get; private set; } = [];

    public bool CanDraft { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var thisYear = clock.SwedishToday().Year;
        Year ??= thisYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        int? year = int.TryParse(Year, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
        Plans = await handler.ListAsync(Query, new PlanFilter(year, CommitteeId: CommitteeId, State: State, SentForApproval: SentForApproval), cancellationToken);
        Committees = await lookups.CommitteesAsync(cancellationToken);
        Years = [.. Enumerable.Range(thisYear - 3, 5).Reverse().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(n => new SelectListItem(n, n, n == Year))];
        CanDraft = WorkflowActors.From(actor).IsIn(FollowUpPlan.Drafters);
    }
}
