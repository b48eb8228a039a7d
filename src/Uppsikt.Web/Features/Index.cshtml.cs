using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features;

public sealed class IndexModel : PageModel
{
    /// <summary>The public pages are the start for anyone not signed in.</summary>
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated != true ? Redirect("/Public")
        // A provider user starts in its own portal.
        : User.IsInRole(Uppsikt.Domain.Identity.Roles.ProviderUser) ? Redirect("/Portal")
        : Page();
}
