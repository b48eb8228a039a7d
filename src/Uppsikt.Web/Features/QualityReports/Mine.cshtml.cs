using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports;

/// <summary>The provider's own reports (the query filter shows no other provider's), newest first.</summary>
public sealed class MineModel(QualityReportsHandler handler) : PageModel
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = (await handler.ListAsync(new ListQuery(Sort: "year", Descending: true, PageSize: ListQuery.MaxPageSize), null, null, cancellationToken)).Items;
}
