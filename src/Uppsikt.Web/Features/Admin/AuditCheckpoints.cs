using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Audit;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Audit;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Admin;

/// <summary>
/// Writes signed checkpoints of the audit trail (decision 0035): the time, the row count, the last row's id and hash and the
/// key, signed with the current key, appended as a line to the checkpoint file and, when an auditor is configured, mailed to
/// them. As a daily job it writes at most one a day (Swedish date); on demand (the admin page, the <c>audit-checkpoint</c>
/// verb) it always writes one.
/// </summary>
public sealed class AuditCheckpoints(
    AppDbContext db, AuditKeyRing keys, AuditCheckpointLog log, AuditSettings settings, Outbox outbox, TimeProvider clock, ILogger<AuditCheckpoints> logger)
    : IScheduledWork
{
    Task IScheduledWork.RunAsync(CancellationToken cancellationToken) => WriteDailyAsync(cancellationToken);

    /// <summary>Writes today's checkpoint unless the file already has one from today; returns the one written, or null.</summary>
    public async Task<AuditCheckpoint?> WriteDailyAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        if ((await log.ReadAsync(cancellationToken)).Any(l => l.Checkpoint is { } c && SwedishCalendar.DateOf(c.At) == today))
        {
            return null;
        }
        return await WriteAsync(cancellationToken);
    }

    /// <summary>Writes a checkpoint of the trail as it is now.</summary>
    public async Task<AuditCheckpoint> WriteAsync(CancellationToken cancellationToken)
    {
        // The last row first, then the rows up to it: a row saved in between is simply after the checkpoint.
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        var count = last is null ? 0 : await db.AuditEntries.LongCountAsync(a => a.Id <= last.Id, cancellationToken);
        var checkpoint = AuditCheckpoint.Sign(keys, clock.GetUtcNow(), count, last?.Id ?? 0, last?.Hash ?? AuditChain.Genesis);
        log.Append(checkpoint);
        logger.LogInformation("Audit checkpoint written to {Path}: {Rows} rows up to row {LastRowId}.", log.FilePath, checkpoint.RowCount, checkpoint.LastRowId);
        if (!string.IsNullOrWhiteSpace(settings.AuditorEmail))
        {
            var added = await outbox.EnqueueAsync(settings.AuditorEmail, $"Uppsikt: kontrollpunkt för ändringsloggen {SwedishText.Instant(checkpoint.At)}",
                MailBody(checkpoint), $"audit-checkpoint:{checkpoint.Signature}", cancellationToken);
            if (added)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return checkpoint;
    }

    private static string MailBody(AuditCheckpoint checkpoint) =>
        $"""
        Hej!

        Här är en signerad kontrollpunkt för Uppsikts ändringslogg. Spara den: den visar hur loggen såg ut {SwedishText.Instant(checkpoint.At)},
        så att rader som tas bort eller skrivs om i efterhand kan upptäckas.

        Rader: {checkpoint.RowCount}
        Sista raden: {checkpoint.LastRowId}
        Kontrollsumma för sista raden: {checkpoint.HeadHash}
        Nyckel: {checkpoint.KeyId}

        Kontrollpunkten som den står i kontrollpunktsfilen:
        {checkpoint.ToLine()}
        """;
}
