using Uppsikt.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.Committees;

public sealed class DetailsModel(CommitteesHandler handler, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public CommitteeDetails Committee { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanSeeHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } committee)
        {
            return NotFound();
        }
        Committee = committee;
        Today = clock.SwedishToday();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RegisterEditor)).Succeeded;
        CanSeeHistory = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
        return Page();
    }
}
