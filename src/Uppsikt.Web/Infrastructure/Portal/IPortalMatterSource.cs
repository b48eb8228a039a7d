namespace Uppsikt.Web.Infrastructure.Portal;

/// <summary>A matter a portal message thread is about, such as a complaint, as both sides see it.</summary>
/// <param name="Kind">The matter kind stored on the message, e.g. <c>Complaint</c>.</param>
/// <param name="Id">The matter's id.</param>
/// <param name="ProviderId">The provider the matter belongs to; only that provider's thread may be about it.</param>
/// <param name="Title">What the thread list calls it, in Swedish.</param>
/// <param name="Url">The matter's own page, which both sides may open.</param>
public sealed record PortalMatter(string Kind, Guid Id, Guid ProviderId, string Title, string Url);

/// <summary>
/// One feature's matters that a portal thread may be about. Every feature whose records both the municipality and the
/// provider see registers one (<c>services.AddScoped&lt;IPortalMatterSource&gt;(…)</c>); the portal asks the one for the
/// kind. Reads go through the scoped <c>AppDbContext</c>, so a provider user never finds another provider's matter.
/// </summary>
public interface IPortalMatterSource
{
    /// <summary>The kind stored on messages about this feature's matters.</summary>
    string MatterKind { get; }

    /// <summary>The matter, or null when it does not exist, the caller may not see it, or the provider may not see it yet.</summary>
    Task<PortalMatter?> FindMatterAsync(Guid id, CancellationToken cancellationToken);
}
