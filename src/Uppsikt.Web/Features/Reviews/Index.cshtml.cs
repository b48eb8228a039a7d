using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>
/// The reviews the caller may see (a district's follow-up officer those of the district's units), filtered, sorted and paged. A
/// provider or a unit is chosen by searching (the search matches their names) or by following the link from its own page, never
/// from a list of thousands; the chosen one is shown with a link that drops it.
/// </summary>
public sealed class IndexModel(ReviewsHandler handler, TimeProvider clock, ICurrentActor actor) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public ReviewState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReviewType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Only the reviews the caller leads.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReviewNeed? Need { get; set; }

    public PagedList<ReviewRow> Reviews { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    /// <summary>The chosen provider's name; null when none is chosen or the caller may not see it.</summary>
    public string? ProviderName { get; private set; }

    /// <summary>The chosen unit's name; null when none is chosen or the caller may not see it.</summary>
    public string? UnitName { get; private set; }

    public List<SelectListItem> Years { get; private set; } = [];

    public bool CanPlan { get; private set; }

    public bool Filtered => State is not null || Type is not null || ProviderId is not null || UnitId is not null || Year is not null || Mine || Need is not null;

    /// <summary>The latest planned first, until someone picks a column.</summary>
    protected override (string? Sort, bool Descending) DefaultOrder => ("plannedFor", true);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reviews = await handler.ListAsync(Query, new ReviewFilter(State, Type, ProviderId, UnitId, Year, Mine ? actor.UserId ?? "" : null, Need), cancellationToken);
        (ProviderName, UnitName) = await handler.FilterNamesAsync(ProviderId, UnitId, cancellationToken);
        var thisYear = clock.SwedishToday().Year;
        Years = [.. Enumerable.Range(thisYear - 4, 6).Reverse()
            .Select(y => new SelectListItem(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), y == Year))];
        CanPlan = WorkflowActors.From(actor).IsIn(ReviewsHandler.ReviewRoles);
    }

    /// <summary>This list's address without one of its query parameters (and on its first page).</summary>
    public string Without(string parameter) => QueryString.Create(Request.Query
        .Where(q => !q.Key.Equals(parameter, StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("Page", StringComparison.OrdinalIgnoreCase))
        .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))) is { HasValue: true } query
        ? Request.Path + query.Value : Request.Path.Value ?? "/Reviews";
}
