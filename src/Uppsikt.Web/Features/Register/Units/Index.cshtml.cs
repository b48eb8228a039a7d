using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Units;

public sealed class IndexModel(UnitsHandler handler, IAuthorizationService authorization) : PageModel
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

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ChoiceSystemId { get; set; }

    public ListQuery Query { get; private set; } = new();

    public PagedList<UnitRow> Units { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = new ListQuery(Search, Sort, Descending, PageNumber);
        Units = await handler.ListAsync(Query, ProviderId, ChoiceSystemId, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegisterEditor)).Succeeded;
    }
}
