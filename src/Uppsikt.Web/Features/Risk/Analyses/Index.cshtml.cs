using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Risk.Analyses;

/// <summary>The risk analyses per choice system and year, searchable by choice system and filtered by committee, year and state.</summary>
public sealed class IndexModel(RiskAnalysesHandler handler, RegisterLookups lookups) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskAnalysisState? State { get; set; }

    public PagedList<AnalysisRow> Analyses { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Committees { get; private set; } = [];

    protected override (string? Sort, bool Descending) DefaultOrder => ("year", true);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Committees = await lookups.CommitteesAsync(cancellationToken);
        RegisterLookups.MarkSelected(Committees, CommitteeId);
        Analyses = await handler.ListAsync(Query, new AnalysisFilter(CommitteeId, Year: Year, State: State), cancellationToken);
    }
}
