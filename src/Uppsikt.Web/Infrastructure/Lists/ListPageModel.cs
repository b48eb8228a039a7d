using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Infrastructure.Lists;

/// <summary>A page that shows one searchable, sortable, paged list: the query-string values every list page reads.</summary>
public abstract class ListPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Descending { get; set; }

    // From the query string only: Razor Pages keeps the page's own path in the route value "page", which would win.
    [FromQuery(Name = "Page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The order until someone picks a column: by default the list's own first column, ascending.</summary>
    protected virtual (string? Sort, bool Descending) DefaultOrder => (null, false);

    public ListQuery Query => Sort is null && DefaultOrder.Sort is not null
        ? new(Search, DefaultOrder.Sort, DefaultOrder.Descending, PageNumber)
        : new(Search, Sort, Descending, PageNumber);
}
