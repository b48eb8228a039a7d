using System.Security.Claims;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Portal;

/// <summary>A matter a portal message thread is about, such as a complaint, as both sides see it.</summary>
/// <param name="Kind">The matter kind stored on the message, e.g. <c>Complaint</c>.</param>
/// <param name="Id">The matter's id.</param>
/// <param name="ProviderId">The provider the matter belongs to; only that provider's thread may be about it.</param>
/// <param name="Title">What the thread list calls it, in Swedish.</param>
/// <param name="Url">The matter's own page, which both sides may open.</param>
public sealed record PortalMatter(string Kind, Guid Id, Guid ProviderId, string Title, string Url);

/// <summary>
/// One feature's matters that a portal thread may be about. Every feature whose records both the municipality and the
/// provider see registers one (<c>services.AddScoped&lt;IPortalMatterSource&gt;(…)</c>); <see cref="PortalMatters"/> asks the
/// one for the kind. Reads go through the scoped <c>AppDbContext</c>, so a provider user never finds another provider's matter.
/// </summary>
public interface IPortalMatterSource
{
    /// <summary>The kind stored on messages about this feature's matters.</summary>
    string MatterKind { get; }

    /// <summary>The matter, or null when it does not exist, the caller may not see it, or the provider may not see it yet.</summary>
    Task<PortalMatter?> FindMatterAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Every feature's matters, by kind: what a thread is about, what it is called, where it lives and whose it is.</summary>
public sealed class PortalMatters(IEnumerable<IPortalMatterSource> sources)
{
    private readonly Dictionary<string, IPortalMatterSource> _sources = sources.ToDictionary(s => s.MatterKind, StringComparer.Ordinal);

    /// <summary>The matter of that kind and id, or null when the kind is unknown or the matter is not found for the caller.</summary>
    public Task<PortalMatter?> FindAsync(string kind, Guid id, CancellationToken cancellationToken) =>
        _sources.TryGetValue(kind, out var source) ? source.FindMatterAsync(id, cancellationToken) : Task.FromResult<PortalMatter?>(null);

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
        PortalHandler.OwnProvider(user) is { } own
            ? own == providerId ? ThreadUrl(true, providerId, kind, id) : null
            : Policies.EditorRoles.Any(user.IsInRole) ? ThreadUrl(false, providerId, kind, id) : null;
}
