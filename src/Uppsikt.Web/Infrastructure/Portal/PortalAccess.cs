using System.Security.Claims;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Infrastructure.Portal;

/// <summary>
/// Which side of the provider portal a user is on, and the address of a provider's message thread from either side: what
/// features need to link a matter of theirs to its thread.
/// </summary>
public static class PortalAccess
{
    /// <summary>The provider a signed-in provider user belongs to; null for everyone else.</summary>
    public static Guid? OwnProvider(ClaimsPrincipal user) => OwnProvider(UppsiktClaims.ScopeOf(user));

    /// <summary>The provider the acting provider user belongs to; null for everyone else.</summary>
    public static Guid? OwnProvider(ICurrentActor actor) => OwnProvider(actor.Scope);

    private static Guid? OwnProvider(AccessScope scope) => scope is { Kind: AccessScopeKind.Provider, ProviderId: var id } ? id : null;

    /// <summary>The address of a provider's thread (the general one when kind and id are null), from the caller's side of the portal.</summary>
    public static string ThreadUrl(bool forProvider, Guid providerId, string? kind, Guid? id)
    {
        var query = kind is null || id is null ? "" : $"?matterKind={Uri.EscapeDataString(kind)}&matterId={id}";
        return forProvider ? $"/Portal/Threads{query}" : $"/Portal/Providers/Thread/{providerId}{query}";
    }

    /// <summary>
    /// The address of a matter's thread for the signed-in user, or null when the user writes in no portal thread (neither the
    /// provider's own user nor the municipality's portal side).
    /// </summary>
    public static string? ThreadUrlFor(ClaimsPrincipal user, Guid providerId, string kind, Guid id) =>
        OwnProvider(user) is { } own
            ? own == providerId ? ThreadUrl(true, providerId, kind, id) : null
            : Policies.EditorRoles.Any(user.IsInRole) ? ThreadUrl(false, providerId, kind, id) : null;
}
