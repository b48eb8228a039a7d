using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Providers;

public sealed class IndexModel(ProvidersHandler handler, IAuthorizationService authorization) : PageModel
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
    public Ownership? Ownership { get; set; }

    public ListQuery Query { get; private set; } = new();

    public PagedList<ProviderRow> Providers { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // "Min organisation" in the menu leads here; a provider user goes straight to their own organisation.
        if (User.IsInRole(Roles.ProviderUser) && await handler.OnlyVisibleAsync(cancellationToken) is { } own)
        {
            return RedirectToPage("Details", new { id = own });
        }
        Query = new ListQuery(Search, Sort, Descending, PageNumber);
        Providers = await handler.ListAsync(Query, Ownership, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegisterEditor)).Succeeded;
        return Page();
    }
}
