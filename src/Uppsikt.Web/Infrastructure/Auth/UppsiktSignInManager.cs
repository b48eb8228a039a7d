using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>Refuses sign-in after the access expiry date, for passwords, SSO and API tokens alike.</summary>
public sealed class UppsiktSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        var today = clock.SwedishToday();
        return (user.AccessExpiresOn is null || today <= user.AccessExpiresOn) && await base.CanSignInAsync(user);
    }
}
