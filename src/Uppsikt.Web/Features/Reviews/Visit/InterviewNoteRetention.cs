using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Retention;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure.Retention;

namespace Uppsikt.Web.Features.Reviews.Visit;

/// <summary>
/// The interview notes of closed reviews whose period has ended (decision 0038). The review, its findings and its report stay:
/// they are about the provider; the notes are what service users, relatives and staff said.
/// </summary>
public sealed class InterviewNoteRetention(AppDbContext db) : IRetentionSource
{
    public RetentionKind Kind => RetentionKind.InterviewNotes;

    public string EntityType => nameof(InterviewNote);

    public string ClockStart => "den dag granskningen avslutades";

    public IQueryable<Guid> Expired(DateOnly latestExpiredStart) =>
        db.InterviewNotes
            .Where(n => db.Reviews.Any(r => r.Id == n.ReviewId && r.State == ReviewState.Closed && r.ClosedOn <= latestExpiredStart))
            .Select(n => n.Id);

    public async Task<IReadOnlyList<Guid>> RemoveAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        db.InterviewNotes.RemoveRange(await db.InterviewNotes.Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken));
        return [];
    }
}
