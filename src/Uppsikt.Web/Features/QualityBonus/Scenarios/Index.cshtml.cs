using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityBonus.Scenarios;

/// <summary>The saved scenarios of every bonus model, searched, sorted and paged.</summary>
public sealed class IndexModel(QualityBonusHandler handler) : ListPageModel
{
    public PagedList<BonusScenarioRow> Scenarios { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    protected override (string? Sort, bool Descending) DefaultOrder => ("saved", true);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Scenarios = await handler.ScenariosAsync(Query, cancellationToken);
}
