using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Imports;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Infrastructure.Import;

public sealed record ImportProblemRow(int? Line, string? Column, string Message);

/// <summary>An import as its report shows it; while it runs, <see cref="RowsRead"/> is the progress so far.</summary>
public sealed record ImportReport(
    Guid Id, string Kind, string FileName, string FileHash, long SizeBytes, ImportStatus Status, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, string StartedBy, int RowsRead, int RowsAdded, int RowsUpdated, int RowsUnchanged, int RowsSkipped,
    int RowsRejected, IReadOnlyList<ImportProblemRow> Problems, bool Interrupted, bool AlreadyImported = false)
{
    public bool Running => Status == ImportStatus.Running && !Interrupted;
}

/// <summary>Reads import records for the pages and the API, of any kind.</summary>
public sealed class ImportReports(AppDbContext db, ImportProgress progress)
{
    public async Task<ImportReport?> GetAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(id, kind, cancellationToken);
        if (LooksLost(record))
        {
            record = await LoadAsync(id, kind, cancellationToken);
        }
        return record is null ? null : ToReport(record);
    }

    public async Task<IReadOnlyList<ImportReport>> RecentAsync(string kind, int count, CancellationToken cancellationToken)
    {
        var records = await LoadRecentAsync(kind, count, cancellationToken);
        if (records.Any(LooksLost))
        {
            records = await LoadRecentAsync(kind, count, cancellationToken);
        }
        return [.. records.Select(r => ToReport(r))];
    }

    /// <summary>
    /// A running import this instance no longer tracks either finished between the read and now (the runner commits,
    /// then lets go of its progress) or was lost in a restart; reading it again tells the two apart.
    /// </summary>
    private bool LooksLost(DataImport? record) => record is { Status: ImportStatus.Running } && progress.RowsRead(record.Id) is null;

    private Task<DataImport?> LoadAsync(Guid id, string kind, CancellationToken cancellationToken) =>
        db.DataImports.AsNoTracking().Include(i => i.Problems.OrderBy(p => p.Line).ThenBy(p => p.Id))
            .FirstOrDefaultAsync(i => i.Id == id && i.Kind == kind, cancellationToken);

    private Task<List<DataImport>> LoadRecentAsync(string kind, int count, CancellationToken cancellationToken) =>
        db.DataImports.AsNoTracking().Where(i => i.Kind == kind)
            .OrderByDescending(i => i.StartedAt).Take(count).ToListAsync(cancellationToken);

    public ImportReport ToReport(DataImport record, bool alreadyImported = false)
    {
        var live = record.Status == ImportStatus.Running ? progress.RowsRead(record.Id) : null;
        return new ImportReport(record.Id, record.Kind, record.FileName, record.FileHash, record.SizeBytes, record.Status, record.StartedAt,
            record.FinishedAt, record.StartedByName, live ?? record.RowsRead, record.RowsAdded, record.RowsUpdated, record.RowsUnchanged,
            record.RowsSkipped, record.RowsRejected, [.. record.Problems.Select(p => new ImportProblemRow(p.Line, p.Column, p.Message))],
            Interrupted: record.Status == ImportStatus.Running && live is null, alreadyImported);
    }
}

/// <summary>The upload endpoint shared by every import API: a multipart file, size limits from <see cref="ImportSettings"/>.</summary>
public static class ImportEndpoints
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> taking a multipart field <c>file</c>: 202 with the new import's report (poll its
    /// <c>GET {pattern}/{id}</c>), 200 with <c>alreadyImported</c> for a file imported before, 413 or 400 for a refused file.
    /// Browsers signed in by cookie must send an antiforgery token; integrations use an API token.
    /// </summary>
    public static RouteHandlerBuilder MapImportUpload(this RouteGroupBuilder group, string pattern, string kind)
    {
        var settings = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<ImportSettings>();
        return group.MapPost(pattern, async (HttpContext context, DataImports imports, ImportReports reports, CancellationToken cancellationToken) =>
            {
                var file = context.UploadedFile();
                await using var stream = file.OpenReadStream();
                var start = await imports.StartAsync(kind, stream, file.FileName, cancellationToken);
                if (start.Record is null)
                {
                    return Results.Problem(statusCode: start.TooLarge
                        ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, title: start.Refusal?.Message);
                }
                var report = reports.ToReport(start.Record, start.AlreadyImported);
                var location = $"{context.Request.Path.Value!.TrimEnd('/')}/{report.Id}";
                return start.AlreadyImported ? Results.Ok(report) : Results.Accepted(location, report);
            })
            .AcceptsUpload(maxBytes: FilesModule.BodyLimit(settings.MaxFileBytes));
    }
}
