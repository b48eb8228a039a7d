using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Sanctions.Decided;

/// <summary>The sanctions decided by the committee (a committee member's own), newest first, searched and paged.</summary>
public sealed class IndexModel(DecidedSanctionsHandler handler) : ListPageModel
{
    public PagedList<DecidedSanctionRow> Sanctions { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    protected override (string? Sort, bool Descending) DefaultOrder => ("decided", true);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sanctions = await handler.ListAsync(Query, cancellationToken);
}
