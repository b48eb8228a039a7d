using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Providers;

public sealed class IndexModel(ProvidersHandler handler, IAuthorizationService authorization) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Ownership? Ownership { get; set; }

    public PagedList<ProviderRow> Providers { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // "Min organisation" in the menu leads here; a provider user goes straight to their own organisation.
        if (User.IsInRole(Roles.ProviderUser) && await handler.OnlyVisibleAsync(cancellationToken) is { } own)
        {
            return RedirectToPage("Details", new { id = own });
        }
        Providers = await handler.ListAsync(Query, Ownership, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        return Page();
    }
}
