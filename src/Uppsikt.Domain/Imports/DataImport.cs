using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Imports;

public enum ImportStatus
{
    [Display(Name = "Pågår")] Running = 1,
    [Display(Name = "Inläst")] Succeeded = 2,
    [Display(Name = "Avvisad")] Rejected = 3,
}

/// <summary>
/// One file read into the system, of any kind (indicator results, …): who sent it, its SHA-256 hash, how far it got
/// and what came of it. The same file (by hash) is imported once per kind.
/// </summary>
public sealed class DataImport : Entity
{
    /// <summary>What the file holds, e.g. "IndicatorResults"; each importer names its own.</summary>
    public required string Kind { get; init; }

    public required string FileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string FileHash { get; init; }

    public long SizeBytes { get; init; }

    public ImportStatus Status { get; set; } = ImportStatus.Running;

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? StartedById { get; init; }

    public required string StartedByName { get; init; }

    /// <summary>Data rows read from the file.</summary>
    public int RowsRead { get; set; }

    public int RowsAdded { get; set; }

    public int RowsUpdated { get; set; }

    public int RowsUnchanged { get; set; }

    /// <summary>Rows deliberately passed over, e.g. Kolada data for units that are not in the register.</summary>
    public int RowsSkipped { get; set; }

    /// <summary>Rows with at least one problem; more than <see cref="Problems"/> holds when the list was cut.</summary>
    public int RowsRejected { get; set; }

    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Rejects the whole file for <paramref name="reason"/> when it could not be read to the end: nothing of it was kept.</summary>
    public void RejectWhole(string reason, DateTimeOffset at)
    {
        Status = ImportStatus.Rejected;
        FinishedAt = at;
        RowsAdded = RowsUpdated = RowsUnchanged = RowsSkipped = 0;
        RowsRejected = 1;
        Problems.Add(new ImportProblem { Message = reason });
    }
}

/// <summary>Why a row (or the whole file, with no line) was refused: line, column and a reason in Swedish.</summary>
public sealed class ImportProblem
{
    public long Id { get; init; }

    public Guid ImportId { get; init; }

    /// <summary>The line in the file (the header is line 1); null for the file as a whole.</summary>
    public int? Line { get; init; }

    public string? Column { get; init; }

    public required string Message { get; init; }
}
