using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Conditions;

public sealed class DetailsModel(ConditionsHandler handler, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public ConditionDetails Condition { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = clock.SwedishToday();
        if (await handler.GetAsync(id, Today, cancellationToken) is not { } condition)
        {
            return NotFound();
        }
        Condition = condition;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        return Page();
    }
}
