using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;

namespace Uppsikt.Web.Infrastructure.Auth;

public static class UppsiktClaims
{
    public const string ProviderId = "uppsikt:provider";
    public const string AdministrationId = "uppsikt:administration";
    public const string CommitteeId = "uppsikt:committee";
    public const string DisplayName = "uppsikt:name";

    /// <summary>
    /// The one rule that turns a signed-in user into what they may see. A provider user's restriction
    /// always wins, whatever other roles the account has.
    /// </summary>
    public static AccessScope ScopeOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccessScope.Public;
        }
        if (user.IsInRole(Roles.ProviderUser))
        {
            return AccessScope.ForProvider(GuidClaim(user, ProviderId) ?? Guid.Empty);
        }
        if (user.IsInRole(Roles.DistrictFollowUp))
        {
            return AccessScope.ForDistrict(GuidClaim(user, AdministrationId) ?? Guid.Empty);
        }
        return user.Claims.Any(c => c.Type == ClaimTypes.Role) ? AccessScope.Unrestricted : AccessScope.Public;
    }

    /// <summary>The name of the user as documents and the audit trail record it.</summary>
    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? (user.Identity?.IsAuthenticated == true ? "okänd" : "anonym");

    public static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirstValue(type), out var id) ? id : null;
}

/// <summary>Puts the provider, administration and name of the user into the principal at sign-in.</summary>
public sealed class UppsiktClaimsPrincipalFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UppsiktClaims.DisplayName, user.DisplayName));
        if (user.ProviderId is { } providerId)
        {
            identity.AddClaim(new Claim(UppsiktClaims.ProviderId, providerId.ToString()));
        }
        if (user.AdministrationId is { } administrationId)
        {
            identity.AddClaim(new Claim(UppsiktClaims.AdministrationId, administrationId.ToString()));
        }
        if (user.CommitteeId is { } committeeId)
        {
            identity.AddClaim(new Claim(UppsiktClaims.CommitteeId, committeeId.ToString()));
        }
        return identity;
    }
}
