using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Imports;
using Uppsikt.Web.Infrastructure.Auth;

using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>Reads one kind of file for an import. Register one per kind; <see cref="Kind"/> names it.</summary>
public interface IImportProcessor
{
    string Kind { get; }

    /// <summary>
    /// Reads <see cref="ImportRun.File"/>, adds every refused row to <see cref="ImportRun.Problems"/> and stages the rows; then,
    /// if none was refused, calls <see cref="ImportRun.BeginWritingAsync"/> and writes them (the runner rolls back if any row
    /// was refused); sets the counts on <see cref="ImportRun.Record"/>. Throws <see cref="ImportRefusedException"/> when the
    /// file as a whole cannot be read.
    /// </summary>
    Task ProcessAsync(ImportRun run, CancellationToken cancellationToken);
}

/// <summary>
/// One import being run: its database context, record, file and problems, and its two transactions (decision 0039). The
/// file is read and its rows staged in a transaction that writes only temporary tables, so other users' saves go on
/// meanwhile, however long the file; the rows then reach their tables in a short write transaction of their own.
/// </summary>
public sealed class ImportRun(AppDbContext db, DataImport record, string path, ImportProblems problems, ImportSettings settings, ImportProgress progress)
    : IAsyncDisposable
{
    private IDbContextTransaction? _transaction;

    public AppDbContext Db => db;

    public DataImport Record => record;

    /// <summary>The stored upload to read.</summary>
    public string File => path;

    public ImportProblems Problems => problems;

    public ImportSettings Settings => settings;

    /// <summary>True once the write transaction has begun.</summary>
    public bool Writing { get; private set; }

    /// <summary>Tells readers of the import page how many rows have been read; cheap enough to call for every row.</summary>
    public void Progress(int rowsRead) => progress.Report(record.Id, rowsRead);

    /// <summary>
    /// Begins the staging transaction. SQLite's is deferred, so it takes the database's single write lock only if it writes
    /// a table of the database, which staging does not; its temporary tables live on after its commit, on the same connection.
    /// </summary>
    internal async Task BeginStagingAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        _transaction = db.Database.GetDbConnection() is SqliteConnection sqlite
            ? await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), cancellationToken)
            : await db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// Ends staging and begins the short write transaction in which the staged rows are moved into their tables. It waits for
    /// other writers as long as it must (an import in the background need not give up), where a user's save waits at most
    /// <see cref="DatabaseSettings.WriteWaitSeconds"/>.
    /// </summary>
    public async Task BeginWritingAsync(CancellationToken cancellationToken)
    {
        if (Writing)
        {
            return;
        }
        Writing = true;
        await _transaction!.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
                sqlite.DefaultTimeout = WriteWaitSeconds;
                break;
            case NpgsqlConnection:
                await db.Database.ExecuteSqlRawAsync("SET lock_timeout = 0", cancellationToken);
                break;
        }
        db.Database.SetCommandTimeout(WriteWaitSeconds);
        _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>How long the final step may wait for other writers and take: far longer than any final step needs.</summary>
    private const int WriteWaitSeconds = 600;

    internal Task CommitAsync(CancellationToken cancellationToken) => _transaction!.CommitAsync(cancellationToken);

    internal Task RollbackAsync(CancellationToken cancellationToken) => _transaction!.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
    }
}

/// <summary>The rows read so far by the imports running in this instance, for the progress shown while they run.</summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, StrongBox> _running = new();

    private sealed class StrongBox
    {
        public int Rows;
    }

    public void Queued(Guid id) => _running.TryAdd(id, new StrongBox());

    public void Report(Guid id, int rows)
    {
        if (_running.TryGetValue(id, out var box))
        {
            box.Rows = rows;
        }
    }

    /// <summary>Rows read so far, or null when the import is not queued or running here (finished, or lost in a restart).</summary>
    public int? RowsRead(Guid id) => _running.TryGetValue(id, out var box) ? box.Rows : null;

    public void Finished(Guid id) => _running.TryRemove(id, out _);
}

/// <summary>What starting an import came to: the import (new or the earlier one), or the refused file, bad input of the <c>file</c> field.</summary>
public sealed record ImportStart(DataImport? Record, bool AlreadyImported, Refusal? Refusal, bool TooLarge = false)
{
    /// <summary>The upload's field, as the form and the multipart request name it.</summary>
    public const string FileField = "file";

    public bool Started => Record is not null && !AlreadyImported;
}

/// <summary>
/// Receives files for import: stores the upload while hashing it, refuses a file over the size limit, answers with the
/// earlier import when the same file (by SHA-256) was already imported, and otherwise records a new import and queues it.
/// </summary>
public sealed class DataImports(
    AppDbContext db, ICurrentActor actor, TimeProvider clock, DatabaseSettings database, ImportSettings settings,
    ImportProgress progress, ImportQueue queue)
{
    public async Task<ImportStart> StartAsync(string kind, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var upload = await StoredUpload.SaveAsync(content, fileName, database.FullDataFolder, settings.MaxFileBytes, cancellationToken);
        if (upload is null)
        {
            return new ImportStart(null, false, Refusal.Invalid(
                $"Filen är större än {settings.MaxFileText}, som är det största som tas emot. Dela upp den i flera filer.", ImportStart.FileField), TooLarge: true);
        }
        if (upload.SizeBytes == 0)
        {
            upload.Delete();
            return new ImportStart(null, false, Refusal.Invalid("Filen är tom.", ImportStart.FileField));
        }
        var earlier = await db.DataImports.AsNoTracking()
            .Where(i => i.Kind == kind && i.FileHash == upload.Hash && i.Status != ImportStatus.Rejected)
            .OrderByDescending(i => i.StartedAt).ToListAsync(cancellationToken);
        if (earlier.FirstOrDefault(i => i.Status == ImportStatus.Succeeded || progress.RowsRead(i.Id) is not null) is { } same)
        {
            upload.Delete();
            return new ImportStart(same, true, null);
        }
        var record = new DataImport
        {
            Kind = kind,
            FileName = upload.FileName,
            FileHash = upload.Hash,
            SizeBytes = upload.SizeBytes,
            StartedAt = clock.GetUtcNow(),
            StartedById = actor.UserId,
            StartedByName = actor.DisplayName,
        };
        File.Move(upload.Path, PathOf(database, record.Id));
        db.DataImports.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        progress.Queued(record.Id);
        await queue.EnqueueAsync(record.Id, cancellationToken);
        return new ImportStart(record, false, null);
    }

    public static string PathOf(DatabaseSettings database, Guid importId) =>
        Path.Combine(database.FullDataFolder, StoredUpload.Folder, importId.ToString("N") + ".upload");
}

/// <summary>Imports waiting to run, one at a time in each instance.</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(Guid id, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(id, cancellationToken);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Runs queued imports. Every row is written, in one short write transaction after the whole file was read and staged, or
/// — when any row was refused or the file could not be read — none is, and the import record says why, row by row.
/// </summary>
public sealed class ImportRunner(
    IServiceScopeFactory scopes, IEnumerable<IImportProcessor> processors, ImportSettings settings, DatabaseSettings database,
    ImportProgress progress, TimeProvider clock, ILogger<ImportRunner> logger)
{
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        var path = DataImports.PathOf(database, importId);
        try
        {
            var started = await LoadAsync(importId, cancellationToken);
            // The import runs as the system on behalf of the person who uploaded the file, so the audit trail names them.
            await using var scope = scopes.CreateSystemScope(new SystemActor(started.StartedByName, started.StartedById));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.DataImports.FirstAsync(i => i.Id == importId, cancellationToken);
            var problems = new ImportProblems(settings.MaxReportedProblems);
            var processor = processors.Single(p => p.Kind == record.Kind);
            await using (var run = new ImportRun(db, record, path, problems, settings, progress))
            {
                await run.BeginStagingAsync(cancellationToken);
                await SetSqliteCacheAsync(db, settings.SqliteCacheMegabytes * 1024, cancellationToken);
                try
                {
                    await processor.ProcessAsync(run, cancellationToken);
                }
                catch (ImportRefusedException refused)
                {
                    problems.Add(refused.Line, refused.Column, refused.Message);
                }
                if (!problems.Any)
                {
                    await run.BeginWritingAsync(cancellationToken);
                    record.Status = ImportStatus.Succeeded;
                    record.FinishedAt = clock.GetUtcNow();
                    await db.SaveChangesAsync(cancellationToken);
                    await run.CommitAsync(cancellationToken);
                    await SetSqliteCacheAsync(db, DefaultSqliteCacheKilobytes, cancellationToken);
                    return;
                }
                await run.RollbackAsync(cancellationToken);
            }
            await SetSqliteCacheAsync(db, DefaultSqliteCacheKilobytes, cancellationToken);
            db.ChangeTracker.Clear();
            record = await db.DataImports.FirstAsync(i => i.Id == importId, cancellationToken);
            record.Status = ImportStatus.Rejected;
            record.FinishedAt = clock.GetUtcNow();
            record.RowsAdded = record.RowsUpdated = record.RowsUnchanged = record.RowsSkipped = 0;
            record.RowsRead = progress.RowsRead(importId) ?? 0;
            record.RowsRejected = problems.RejectedRows;
            record.Problems.AddRange(problems.Kept);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Import {ImportId} failed.", importId);
            await RecordFailureAsync(importId, cancellationToken);
        }
        finally
        {
            File.Delete(path);
            progress.Finished(importId);
        }
    }

    /// <summary>SQLite's own default page cache, restored before the pooled connection serves anyone else.</summary>
    private const int DefaultSqliteCacheKilobytes = 2000;

    private static async Task SetSqliteCacheAsync(AppDbContext db, int kilobytes, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // A pragma takes no parameters; the value is a number we made.
            await using var pragma = db.Database.GetDbConnection().CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = " + (-kilobytes).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<DataImport> LoadAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataImports.AsNoTracking()
            .FirstAsync(i => i.Id == importId, cancellationToken);
    }

    private async Task RecordFailureAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.DataImports.FirstOrDefaultAsync(i => i.Id == importId, cancellationToken) is { Status: ImportStatus.Running } record)
        {
            record.RejectWhole("Ett oväntat fel inträffade och ingenting lästes in. Försök igen; kvarstår felet, kontakta systemförvaltaren.", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>Runs the queue in the background of the web app.</summary>
public sealed class ImportWorker(ImportQueue queue, ImportRunner runner) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            await runner.RunAsync(id, stoppingToken);
        }
    }
}

public static class ImportRegistration
{
    /// <summary>The shared import plumbing; each feature adds its <see cref="IImportProcessor"/>.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSettings<ImportSettings>(ImportSettings.Section);
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportRunner>();
        services.AddScoped<DataImports>();
        services.AddScoped<ImportReports>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<AbandonedImports>();
        services.AddRecurringJob<AbandonedImports>("Rensa uppladdningar och inläsningar som en stoppad server lämnade", "0 40 3 * * ?");
        return services;
    }
}
