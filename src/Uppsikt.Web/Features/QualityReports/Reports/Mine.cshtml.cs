using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>The provider's own reports (the query filter shows no other provider's), newest first until another column is chosen.</summary>
public sealed class MineModel(ReportsHandler handler) : ListPageModel
{
    public PagedList<ReportRow> Reports { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    protected override (string? Sort, bool Descending) DefaultOrder => ("year", true);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = await handler.ListAsync(Query, null, null, cancellationToken);
}
