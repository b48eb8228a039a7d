using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.Providers;

public sealed class DetailsModel(ProvidersHandler handler, IAuthorizationService authorization) : PageModel
{
    public ProviderDetails Provider { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanSeeHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // The scoped query answers "not found" for another provider: its existence is not disclosed.
        if (await handler.GetAsync(id, cancellationToken) is not { } provider)
        {
            return NotFound();
        }
        Provider = provider;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegisterEditor)).Succeeded;
        CanSeeHistory = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
        return Page();
    }
}
