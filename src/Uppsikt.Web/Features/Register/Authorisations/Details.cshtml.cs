using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.Authorisations;

public sealed class DetailsModel(AuthorisationsHandler handler, IAuthorizationService authorization) : PageModel
{
    public AuthorisationDetails Authorisation { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanSeeHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // The scoped query answers "not found" for another provider's authorisation: its existence is not disclosed.
        if (await handler.GetAsync(id, cancellationToken) is not { } authorisation)
        {
            return NotFound();
        }
        Authorisation = authorisation;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegisterEditor)).Succeeded;
        CanSeeHistory = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
        return Page();
    }
}
