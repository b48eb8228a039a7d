using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;

namespace Uppsikt.Web.Features.Account;

/// <summary>
/// Where single sign-on returns. Accounts are provisioned by the municipality: an SSO login is linked to the
/// existing account with the same e-mail address, never used to create one.
/// </summary>
public sealed class ExternalCallbackModel(SignInManager<AppUser> signIn) : PageModel
{
    public string Message { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Message = "Inloggningstjänsten svarade inte som väntat. Försök igen.";
            return Page();
        }
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var user = email is null ? null : await signIn.UserManager.FindByEmailAsync(email);
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            Message = "Det finns inget aktivt konto i Uppsikt för din e-postadress. Kontakta systemförvaltaren.";
            return Page();
        }
        var linked = await signIn.UserManager.AddLoginAsync(user, info);
        if (!linked.Succeeded)
        {
            Message = string.Join(" ", linked.Errors.Select(e => e.Description));
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(target);
    }
}
