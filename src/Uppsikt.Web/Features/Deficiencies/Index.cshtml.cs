using Microsoft.AspNetCore.Mvc;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>
/// The deficiencies the caller may see (a provider its own, a district's follow-up officer its units'), filtered, sorted and
/// paged, each linking to its action plan.
/// </summary>
public sealed class IndexModel(ActionPlansHandler handler, ICurrentActor actor, TimeProvider clock) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public DeficiencyState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public Assessment? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeficiencyOrigin? Origin { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OriginId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeficiencyNeed? Need { get; set; }

    public PagedList<DeficiencyRow> Deficiencies { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public string? ProviderName { get; private set; }

    public string? UnitName { get; private set; }

    public bool IsProvider => actor.ProviderId is not null;

    public DateOnly Today => clock.SwedishToday();

    public bool Filtered => State is not null || Severity is not null || Origin is not null || OriginId is not null || ProviderId is not null || UnitId is not null
        || Need is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Deficiencies = await handler.ListAsync(Query, new DeficiencyFilter(State, Severity is Assessment.MinorDeficiency or Assessment.SeriousDeficiency ? Severity : null,
            Origin, ProviderId, UnitId, OriginId, Need), cancellationToken);
        (ProviderName, UnitName) = await handler.FilterNamesAsync(ProviderId, UnitId, cancellationToken);
    }

    /// <summary>This list's address without one of its query parameters (and on its first page).</summary>
    public string Without(string parameter) => ListLinks.With(Request, (parameter, null), ("Page", null));
}
