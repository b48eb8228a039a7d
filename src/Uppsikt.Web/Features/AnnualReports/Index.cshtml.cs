using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain.Reports;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>The annual quality reports the caller reads, filtered by year, committee and status, sorted and paged.</summary>
public sealed class IndexModel(AnnualReportsHandler handler, RegisterLookups lookups, ICurrentActor actor) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public AnnualReportState? State { get; set; }

    public PagedList<AnnualReportRow> Reports { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Committees { get; private set; } = [];

    public bool MayWrite => AnnualReport.RefuseWriter(WorkflowActors.From(actor)) is null;

    public bool Filtered => Year is not null || CommitteeId is not null || State is not null;

    protected override (string? Sort, bool Descending) DefaultOrder => ("year", true);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reports = await handler.ListAsync(Query, new AnnualReportFilter(Year, CommitteeId, State), cancellationToken);
        Committees = await lookups.CommitteesAsync(cancellationToken);
        RegisterLookups.MarkSelected(Committees, CommitteeId);
    }
}
