using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Evidence.Complaints;

/// <summary>Complaints forwarded to the provider and not yet answered, as requests in the provider's portal.</summary>
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
