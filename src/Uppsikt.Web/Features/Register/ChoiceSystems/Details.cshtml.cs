using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.ChoiceSystems;

public sealed class DetailsModel(ChoiceSystemsHandler handler, IAuthorizationService authorization) : PageModel
{
    public ChoiceSystemDetails ChoiceSystem { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanSeeHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } choice)
        {
            return NotFound();
        }
        ChoiceSystem = choice;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegisterEditor)).Succeeded;
        CanSeeHistory = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
        return Page();
    }
}
