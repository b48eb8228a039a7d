using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Retention;
using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Features.Evidence.Incidents;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Retention;

namespace Uppsikt.Web.Features.Evidence;

/// <summary>
/// Closed complaints whose period has ended (decision 0038): the complaint with its referral stances, its files and the portal
/// messages about it, which concern the same service user.
/// </summary>
public sealed class ComplaintRetention(AppDbContext db, FileStore files) : IRetentionSource
{
    public RetentionKind Kind => RetentionKind.Complaints;

    public string EntityType => nameof(Complaint);

    public string ClockStart => "den dag klagomålet avslutades";

    public IQueryable<Guid> Expired(DateOnly latestExpiredStart) =>
        db.Complaints.Where(c => c.Status == ComplaintStatus.Closed && c.ClosedOn <= latestExpiredStart).Select(c => c.Id);

    public async Task<IReadOnlyList<Guid>> RemoveAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        db.Complaints.RemoveRange(await db.Complaints.Include(c => c.Referrals).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken));
        db.PortalMessages.RemoveRange(await db.PortalMessages
            .Where(m => m.MatterKind == ComplaintsHandler.FileOwnerType && m.MatterId != null && ids.Contains(m.MatterId.Value)).ToListAsync(cancellationToken));
        return await files.RemoveRecordsOfAsync(ComplaintsHandler.FileOwnerType, ids, cancellationToken);
    }
}

/// <summary>Closed deviations, Lex Sarah and Lex Maria whose period has ended: the incident with its referral stances and its files.</summary>
public sealed class IncidentRetention(AppDbContext db, FileStore files) : IRetentionSource
{
    public RetentionKind Kind => RetentionKind.Incidents;

    public string EntityType => nameof(Incident);

    public string ClockStart => "den dag händelsen avslutades";

    public IQueryable<Guid> Expired(DateOnly latestExpiredStart) =>
        db.Incidents.Where(i => i.Status == IncidentStatus.Closed && i.ClosedOn <= latestExpiredStart).Select(i => i.Id);

    public async Task<IReadOnlyList<Guid>> RemoveAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        db.Incidents.RemoveRange(await db.Incidents.Include(i => i.Referrals).Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken));
        return await files.RemoveRecordsOfAsync(IncidentsHandler.FileOwnerType, ids, cancellationToken);
    }
}

/// <summary>Case workers' observations whose period has ended; an observation is never open, so its clock starts on the day observed.</summary>
public sealed class ObservationRetention(AppDbContext db) : IRetentionSource
{
    public RetentionKind Kind => RetentionKind.Observations;

    public string EntityType => nameof(CaseWorkerObservation);

    public string ClockStart => "den dag iakttagelsen gjordes";

    public IQueryable<Guid> Expired(DateOnly latestExpiredStart) =>
        db.CaseWorkerObservations.Where(o => o.ObservedOn <= latestExpiredStart).Select(o => o.Id);

    public async Task<IReadOnlyList<Guid>> RemoveAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        db.CaseWorkerObservations.RemoveRange(await db.CaseWorkerObservations.Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken));
        return [];
    }
}
