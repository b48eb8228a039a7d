using System.Security.Claims;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>
/// The actor of one service scope (decision 0016): the system when the scope was made by
/// <see cref="SystemScopes.CreateSystemScope(IServiceScopeFactory, SystemActor?)"/>, otherwise the signed-in user
/// (or the public) of the web request. Outside a request, without a declared system actor, nobody acts:
/// <see cref="IsKnown"/> is false, every other member throws and the data context refuses to query or save.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private SystemActor? _system;

    public bool IsKnown => _system is not null || accessor.HttpContext is not null;

    // Read from the request each time: authentication replaces the principal after the scope has begun.
    public AccessScope Scope => _system?.Scope ?? UppsiktClaims.ScopeOf(User);

    public string? UserId => _system is { } system ? system.UserId : User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string DisplayName => _system?.DisplayName ?? UppsiktClaims.DisplayNameOf(User);

    public IReadOnlySet<string> Roles => _system?.Roles
        ?? User.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public Guid? ProviderId => _system is null ? UppsiktClaims.GuidClaim(User, UppsiktClaims.ProviderId) : null;

    public Guid? AdministrationId => _system is null ? UppsiktClaims.GuidClaim(User, UppsiktClaims.AdministrationId) : null;

    public Guid? CommitteeId => _system is null ? UppsiktClaims.GuidClaim(User, UppsiktClaims.CommitteeId) : null;

    public bool IsInRole(string role) => _system is null && User.IsInRole(role);

    /// <summary>Makes the system the actor of this scope; only <see cref="SystemScopes"/> calls it, once, before anything runs.</summary>
    internal void DeclareSystem(SystemActor system)
    {
        if (_system is not null)
        {
            throw new InvalidOperationException("This scope already has a system actor.");
        }
        _system = system;
    }

    private ClaimsPrincipal User => accessor.HttpContext?.User ?? throw new InvalidOperationException(
        "Nobody is acting: there is no web request and no system actor was declared. "
        + "Code outside a request (jobs, verbs, seeding, imports) must run in a scope from CreateSystemScope.");
}

/// <summary>The one way code outside a web request declares that the system acts.</summary>
public static class SystemScopes
{
    /// <summary>
    /// A service scope whose actor is <paramref name="actor"/> (by default the plain system): unrestricted by
    /// scoping, and named in the audit trail. For jobs, command-line verbs, migration and seeding, and imports.
    /// </summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes, SystemActor? actor = null)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().DeclareSystem(actor ?? new SystemActor());
        return scope;
    }

    /// <inheritdoc cref="CreateSystemScope(IServiceScopeFactory, SystemActor?)"/>
    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services, SystemActor? actor = null) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(actor);

    /// <summary>The actor of every scope: the request's user, or the system where a scope declares it.</summary>
    public static IServiceCollection AddUppsiktActor(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<ICurrentActor>(provider => provider.GetRequiredService<CurrentActor>());
        return services;
    }
}
