using Microsoft.AspNetCore.Mvc;
using Uppsikt.Data;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>The sanctions the caller may see (a provider its own decided ones), filtered, sorted and paged.</summary>
public sealed class IndexModel(SanctionsHandler handler, ICurrentActor actor) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public SanctionState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ActionPlanId { get; set; }

    public PagedList<SanctionRow> Sanctions { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public string? ProviderName { get; private set; }

    public string? UnitName { get; private set; }

    public bool IsProvider => actor.ProviderId is not null;

    public bool Filtered => State is not null || ProviderId is not null || UnitId is not null || ActionPlanId is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sanctions = await handler.ListAsync(Query, new SanctionFilter(State, ProviderId, UnitId, ActionPlanId), cancellationToken);
        (ProviderName, UnitName) = await handler.FilterNamesAsync(ProviderId, UnitId, cancellationToken);
    }

    /// <summary>This list's address without one of its query parameters (and on its first page).</summary>
    public string Without(string parameter) => ListLinks.With(Request, (parameter, null), ("Page", null));
}
