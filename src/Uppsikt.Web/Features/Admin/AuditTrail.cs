using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Web.Features.Admin;

public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string ActorName, string EntityType, string EntityId, string Action, string? Before, string? After);

public sealed record ChainVerdict(bool Intact, int RowsChecked, long? FirstBrokenId);

/// <summary>Reads the audit trail and verifies its hash chain.</summary>
public sealed class AuditTrail(AppDbContext db)
{
    public Task<List<AuditRow>> HistoryAsync(string entityType, string entityId, CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.OccurredAt, a.ActorName, a.EntityType, a.EntityId, a.Action, a.Before, a.After))
            .ToListAsync(cancellationToken);

    public Task<List<AuditRow>> LatestAsync(int count, CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Take(count)
            .Select(a => new AuditRow(a.Id, a.OccurredAt, a.ActorName, a.EntityType, a.EntityId, a.Action, a.Before, a.After))
            .ToListAsync(cancellationToken);

    /// <summary>Walks the whole chain in order as it streams from the database and names the first row that does not fit.</summary>
    public async Task<ChainVerdict> VerifyAsync(CancellationToken cancellationToken)
    {
        var verifier = new AuditChain.Verifier();
        var checkedRows = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!verifier.Accept(entry.ToRecord(), entry.PreviousHash, entry.Hash))
            {
                return new ChainVerdict(false, checkedRows, entry.Id);
            }
            checkedRows++;
        }
        return new ChainVerdict(true, checkedRows, null);
    }
}
