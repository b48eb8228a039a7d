using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews.Reported;

/// <summary>The final review reports the actor reads (a committee member its own committee's), newest first, searched and paged.</summary>
public sealed class IndexModel(ReportedReviewsHandler handler) : ListPageModel
{
    public PagedList<ReportedReviewRow> Reports { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    protected override (string? Sort, bool Descending) DefaultOrder => ("finalised", true);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = await handler.ListAsync(Query, cancellationToken);
}
