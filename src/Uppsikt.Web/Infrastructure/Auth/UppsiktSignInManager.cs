using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>
/// Identity's sign-in with Uppsikt's rules: no sign-in after the access expiry date (for passwords, SSO and API tokens alike);
/// a password attempt does the same work and gets the same answer whether the account exists, the password is wrong or the
/// account is locked; every sign-in starts a session that signing out ends (decision 0034).
/// </summary>
public sealed class UppsiktSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock,
    SignInSessions sessions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash of a random password, made once by the configured hasher, for checking passwords of nobody.</summary>
    private static string? s_nobodysHash;

    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        var today = clock.SwedishToday();
        return (user.AccessExpiresOn is null || today <= user.AccessExpiresOn) && await base.CanSignInAsync(user);
    }

    /// <summary>An unknown e-mail costs one password check against a hash of nobody's, like a known one does.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            _ = CheckPassword(new AppUser { DisplayName = "" }, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>
    /// A locked account, one whose access has ended and one without a password are refused only after the password has been
    /// checked, so they take as long as any other attempt. That access has ended is said only to whoever knows the password.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        if (await PreSignInCheck(user) is { } refused)
        {
            var knowsPassword = CheckPassword(user, password);
            return refused.IsNotAllowed && !knowsPassword ? SignInResult.Failed : refused;
        }
        if (user.PasswordHash is null)
        {
            // Identity refuses an account without a password without hashing anything.
            _ = CheckPassword(user, password);
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>Every sign-in, by password or SSO, starts a new session.</summary>
    public override Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims) =>
        base.SignInWithClaimsAsync(user, authenticationProperties,
            additionalClaims.Any(c => c.Type == SignInSessions.SessionClaim) ? additionalClaims : [.. additionalClaims, SignInSessions.NewSessionClaim()]);

    /// <summary>Ends the session in the database before removing the cookie, so a copy of the cookie stops working too.</summary>
    public override async Task SignOutAsync()
    {
        await sessions.EndAsync(Context.User, Context.RequestAborted);
        await base.SignOutAsync();
    }

    private bool CheckPassword(AppUser user, string password)
    {
        var hasher = UserManager.PasswordHasher;
        var nobodysHash = s_nobodysHash ??= hasher.HashPassword(user, Guid.NewGuid().ToString("N"));
        return hasher.VerifyHashedPassword(user, user.PasswordHash ?? nobodysHash, password) != PasswordVerificationResult.Failed;
    }
}
