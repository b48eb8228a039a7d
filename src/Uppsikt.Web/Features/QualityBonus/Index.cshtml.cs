using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityBonus;

/// <summary>The bonus models, searched, sorted and paged.</summary>
public sealed class IndexModel(QualityBonusHandler handler) : ListPageModel
{
    public PagedList<BonusModelRow> Models { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Models = await handler.ListAsync(Query, cancellationToken);
}
