using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>Sena rapporter: past the deadline and not submitted, or a requested completion not sent in; the oldest deadline first.</summary>
public sealed class LateModel(ReportsHandler handler) : ListPageModel
{
    public PagedList<LateReport> Reports { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await handler.LateAsync(Query, cancellationToken);
}
