using System.Security.Claims;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>Role rules several features share, each written once, for a page's signed-in user and for the injected actor alike.</summary>
public static class RoleChecks
{
    /// <summary>The municipality's handlers of complaints and incidents: quality developers and group managers.</summary>
    public static bool IsMunicipalHandler(this ClaimsPrincipal user) => MunicipalHandler(user.IsInRole);

    /// <inheritdoc cref="IsMunicipalHandler(ClaimsPrincipal)"/>
    public static bool IsMunicipalHandler(this ICurrentActor actor) => MunicipalHandler(actor.IsInRole);

    public static bool IsProviderUser(this ClaimsPrincipal user) => user.IsInRole(Roles.ProviderUser);

    public static bool IsProviderUser(this ICurrentActor actor) => actor.IsInRole(Roles.ProviderUser);

    private static bool MunicipalHandler(Func<string, bool> isInRole) => isInRole(Roles.QualityDeveloper) || isInRole(Roles.GroupManager);
}
