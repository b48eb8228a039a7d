using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Imports;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>
/// Clears up after imports that a stopped server left behind, once a day: an upload file in the data folder that is older than
/// <see cref="After"/> belongs to no import that is still queued or running (none takes that long), so it is deleted; and an
/// import still recorded as running after that time is recorded as rejected with a message that it was interrupted, so the
/// list says what happened and the same file can be imported again.
/// </summary>
public sealed class AbandonedImports(AppDbContext db, DatabaseSettings database, ImportProgress progress, TimeProvider clock, ILogger<AbandonedImports> logger)
    : IScheduledWork
{
    /// <summary>How old an upload or a running import must be to count as abandoned.</summary>
    public static readonly TimeSpan After = TimeSpan.FromDays(1);

    public const string InterruptedMessage = "Inläsningen avbröts när servern stoppades, och ingenting lästes in. Ladda upp filen igen.";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - After;
        var folder = new DirectoryInfo(Path.Combine(database.FullDataFolder, StoredUpload.Folder));
        if (folder.Exists)
        {
            foreach (var file in folder.EnumerateFiles("*.upload").Where(f => f.LastWriteTimeUtc < before.UtcDateTime))
            {
                file.Delete();
                logger.LogInformation("Deleted the abandoned import upload {File}.", file.Name);
            }
        }
        var interrupted = await db.DataImports.Where(i => i.Status == ImportStatus.Running && i.StartedAt < before).ToListAsync(cancellationToken);
        foreach (var record in interrupted.Where(i => progress.RowsRead(i.Id) is null))
        {
            record.RejectWhole(InterruptedMessage, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
