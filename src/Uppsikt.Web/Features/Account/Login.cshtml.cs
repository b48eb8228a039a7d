using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, OidcSettings oidc) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public OidcSettings Oidc => oidc;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Ange din e-postadress.");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Ange ditt lösenord.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "Kontot är låst efter för många misslyckade försök. Försök igen om en kvart eller kontakta systemförvaltaren."
            : result.IsNotAllowed
                ? "Kontot får inte logga in (behörigheten kan ha upphört). Kontakta systemförvaltaren."
                : "Fel e-postadress eller lösenord.");
        return Page();
    }

    /// <summary>Starts municipal single sign-on; the callback links the login to the account with the same e-mail.</summary>
    public IActionResult OnPostExternal()
    {
        if (!oidc.Enabled)
        {
            return NotFound();
        }
        var callback = Url.Page("/Account/ExternalCallback", new { ReturnUrl });
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme, callback);
        return Challenge(properties, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
