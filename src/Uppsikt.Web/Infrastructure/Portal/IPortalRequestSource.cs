namespace Uppsikt.Web.Infrastructure.Portal;

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
/// <c>AppDbContext</c>, so a provider user only ever gets its own.
/// </summary>
public interface IPortalRequestSource
{
    Task<IReadOnlyList<PortalRequest>> OpenRequestsAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken);
}
