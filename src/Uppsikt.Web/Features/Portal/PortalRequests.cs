using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Portal;

/// <summary>Something the municipality waits for from a provider, with its deadline, as the portal lists it.</summary>
/// <param name="Kind">What kind of request, in Swedish, e.g. "Klagomål att besvara".</param>
/// <param name="Title">What it is about.</param>
/// <param name="DueOn">The deadline.</param>
/// <param name="Url">The page where the provider answers it.</param>
/// <param name="Overdue">The deadline has passed.</param>
public sealed record PortalRequest(string Kind, string Title, DateOnly DueOn, string Url, bool Overdue);

/// <summary>
/// One feature's open requests to a provider. Every feature with deadlines for providers registers one
/// (<c>services.AddScoped&lt;IPortalRequestSource, …&gt;()</c>); the portal gathers them all. Reads go through the scoped
/// <see cref="AppDbContext"/>, so a provider user only ever gets its own.
/// </summary>
public interface IPortalRequestSource
{
    Task<IReadOnlyList<PortalRequest>> OpenRequestsAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>All open requests to a provider from every source, the most urgent first.</summary>
public sealed class PortalRequests(IEnumerable<IPortalRequestSource> sources, TimeProvider clock)
{
    public async Task<List<PortalRequest>> ForProviderAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var all = new List<PortalRequest>();
        foreach (var source in sources)
        {
            all.AddRange(await source.OpenRequestsAsync(providerId, today, cancellationToken));
        }
        return [.. all.OrderBy(r => r.DueOn).ThenBy(r => r.Title, StringComparer.Ordinal)];
    }
}

/// <summary>Complaints forwarded to the provider and not yet answered.</summary>
public sealed class ComplaintRequestSource(AppDbContext db) : IPortalRequestSource
{
    public async Task<IReadOnlyList<PortalRequest>> OpenRequestsAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken) =>
        (await db.Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.Forwarded && c.Unit!.ProviderId == providerId && c.ResponseDueOn != null)
            .Select(c => new { c.Id, c.ReceivedOn, Unit = c.Unit!.Name, Due = c.ResponseDueOn!.Value })
            .ToListAsync(cancellationToken))
        .Select(c => new PortalRequest("Klagomål att besvara", $"Klagomål {SwedishText.Date(c.ReceivedOn)} om {c.Unit}", c.Due,
            $"/Evidence/Complaints/Details/{c.Id}", c.Due < today))
        .ToList();
}
