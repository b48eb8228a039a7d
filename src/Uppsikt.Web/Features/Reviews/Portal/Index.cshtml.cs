using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews.Portal;

/// <summary>The provider's reviews whose report has reached it (the query filter shows no other provider's), the latest communicated first.</summary>
public sealed class IndexModel(ReviewPortalHandler handler, TimeProvider clock) : ListPageModel
{
    public DateOnly Today => clock.SwedishToday();

    public PagedList<ReviewPortalRow> Reviews { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    protected override (string? Sort, bool Descending) DefaultOrder => ("communicated", true);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reviews = await handler.ListAsync(Query, null, cancellationToken);
}
