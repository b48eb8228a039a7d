using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Portal;

/// <summary>Where an invitee sets a password through the link in the invitation.</summary>
public sealed class InvitationModel(PortalInvitations invitations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Issued { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Why the link cannot be used; null while it can.</summary>
    public string? Problem { get; private set; }

    public string? Email { get; private set; }

    public async Task OnGetAsync()
    {
        var (user, problem) = await invitations.CheckAsync(UserId, Issued, Token);
        Problem = problem;
        Email = user?.Email;
    }

    public async Task<IActionResult> OnPostAsync(string? password, string? repeated)
    {
        var result = await invitations.AcceptAsync(UserId, Issued, Token, password, repeated);
        if (result.Succeeded)
        {
            TempData["Message"] = "Ditt lösenord är sparat. Logga in med din e-postadress och lösenordet.";
            return Redirect("/Account/Login");
        }
        if (this.Refused(result, prefix: "") is { } refused)
        {
            return refused;
        }
        var (user, problem) = await invitations.CheckAsync(UserId, Issued, Token);
        Problem = problem;
        Email = user?.Email;
        return Page();
    }
}
