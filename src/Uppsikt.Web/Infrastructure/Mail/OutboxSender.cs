using Microsoft.EntityFrameworkCore;
using MimeKit;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Infrastructure.Mail;

/// <summary>
/// Delivers what is due in the outbox. Safe with several app instances: a sender first claims a message by saving
/// it with its version (optimistic concurrency), so only one instance delivers it; a claim lapses after
/// <see cref="ClaimTime"/> if that instance dies. A failure is recorded and retried later with growing pauses.
/// </summary>
public sealed class OutboxSender(AppDbContext db, IMailTransport transport, MailSettings settings, TimeProvider clock, ILogger<OutboxSender> logger)
    : IScheduledWork
{
    Task IScheduledWork.RunAsync(CancellationToken cancellationToken) => SendPendingAsync(cancellationToken);

    public static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(5);

    private const int BatchSize = 50;

    /// <summary>Sends up to one batch of due messages; returns how many went out.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var message in due)
        {
            if (!await ClaimAsync(message, cancellationToken))
            {
                continue;
            }
            try
            {
                await transport.SendAsync(Build(message), cancellationToken);
                message.SentAt = clock.GetUtcNow();
                message.NextAttemptAt = null;
                message.LastError = null;
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Mail {MessageId} to {To} failed (attempt {Attempt}).", message.Id, message.To, message.Attempts);
                message.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}", 4000);
                message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    /// <summary>The pause after the n-th failed attempt: 2, 4, 8 … minutes, at most six hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Clamp(attempts, 1, 10))));

    private async Task<bool> ClaimAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        message.Attempts++;
        message.NextAttemptAt = clock.GetUtcNow() + ClaimTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance claimed it first.
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }

    private MimeMessage Build(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.Body },
            Date = message.CreatedAt,
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.MessageId = $"{message.Id:N}@uppsikt";
        return mime;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
