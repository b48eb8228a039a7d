using System.Globalization;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, OidcSettings oidc, SignInThrottle throttle, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>
    /// The one answer to an unknown e-mail, a wrong password and a locked account alike, so that the page never tells whether
    /// an account exists (decision 0034).
    /// </summary>
    public const string Failed = "Inloggningen misslyckades. Kontrollera e-postadress och lösenord. Efter flera misslyckade försök spärras inloggningen en stund.";

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
        var email = Email!.Trim();
        if (throttle.Refuse(HttpContext, signIn.UserManager.NormalizeEmail(email)) is { } wait)
        {
            logger.LogWarning("Sign-in refused by the attempt limits for {Email} from {Client}.", email, HttpContext.Connection.RemoteIpAddress);
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError("", SignInThrottle.Message(wait));
            var refused = Page();
            refused.StatusCode = StatusCodes.Status429TooManyRequests;
            return refused;
        }
        var result = await signIn.PasswordSignInAsync(email, Password!, isPersistent: false, lockoutOnFailure: true);
        // Every attempt is a security event (ASVS 16.3.1): who, from where, and how it ended; never the password.
        logger.Log(result.Succeeded ? LogLevel.Information : LogLevel.Warning, "Sign-in {Outcome} for {Email} from {Client}.",
            result.Succeeded ? "succeeded" : result.IsLockedOut ? "refused, account locked" : result.IsNotAllowed ? "refused, access ended" : "failed",
            email, HttpContext.Connection.RemoteIpAddress);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // Only whoever knows the password learns that the account's access has ended.
        ModelState.AddModelError("", result.IsNotAllowed
            ? "Kontot får inte logga in (behörigheten kan ha upphört). Kontakta systemförvaltaren."
            : Failed);
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
