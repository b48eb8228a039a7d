using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Threads;

/// <summary>Every feature's matters, by kind: what a thread is about, what it is called, where it lives and whose it is.</summary>
public sealed class PortalMatters(IEnumerable<IPortalMatterSource> sources)
{
    private readonly Dictionary<string, IPortalMatterSource> _sources = sources.ToDictionary(s => s.MatterKind, StringComparer.Ordinal);

    /// <summary>The matter of that kind and id, or null when the kind is unknown or the matter is not found for the caller.</summary>
    public Task<PortalMatter?> FindAsync(string kind, Guid id, CancellationToken cancellationToken) =>
        _sources.TryGetValue(kind, out var source) ? source.FindMatterAsync(id, cancellationToken) : Task.FromResult<PortalMatter?>(null);
}
