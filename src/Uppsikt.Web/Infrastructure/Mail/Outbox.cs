using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Mail;

/// <summary>
/// Puts e-mail in the outbox as part of the caller's unit of work: nothing is written until the caller's
/// <c>SaveChangesAsync</c>, so the message goes out if and only if the change that caused it is saved.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds a plain-text message unless one with <paramref name="deduplicationKey"/> is already in the outbox
    /// (sent or not) or added in this unit of work; returns whether it was added. Choose a key that names the
    /// occasion, e.g. <c>cycle-task:{id}:overdue:{date}</c>.
    /// </summary>
    public async Task<bool> EnqueueAsync(string to, string subject, string body, string deduplicationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(deduplicationKey);
        if (db.OutboxMessages.Local.Any(m => m.DeduplicationKey == deduplicationKey)
            || await db.OutboxMessages.AnyAsync(m => m.DeduplicationKey == deduplicationKey, cancellationToken))
        {
            return false;
        }
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = to.Trim(),
            Subject = subject,
            Body = body,
            DeduplicationKey = deduplicationKey,
            CreatedAt = clock.GetUtcNow(),
        });
        return true;
    }
}
