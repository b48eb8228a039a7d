using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>The <c>Import</c> section: limits for every kind of file import.</summary>
public sealed class ImportSettings
{
    public const string Section = "Import";

    /// <summary>The largest file accepted, in bytes (default 200 MB).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Import:MaxFileBytes måste vara ett positivt antal byte.")]
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The longest line (CSV record) accepted, in characters.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Import:MaxLineLength måste vara ett positivt antal tecken.")]
    public int MaxLineLength { get; set; } = 16 * 1024;

    /// <summary>
    /// The most an XLSX file may unpack to, in bytes (default 1 GB): checked on the sizes the file declares before it is
    /// opened, and on each part while it is read. A worksheet is read a cell at a time, so this bounds time, not memory.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "Import:MaxUnpackedBytes måste vara ett positivt antal byte.")]
    public int MaxUnpackedBytes { get; set; } = 1024 * 1024 * 1024;

    /// <summary>The most text an XLSX file's shared-string table may hold (default 64 MB): it is held in memory while the sheet is read.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Import:MaxSharedStringsBytes måste vara ett positivt antal byte.")]
    public int MaxSharedStringsBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>How many rejected rows an import report keeps; the count of rejected rows is always exact.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Import:MaxReportedProblems får inte vara negativt.")]
    public int MaxReportedProblems { get; set; } = 10_000;

    /// <summary>SQLite's page cache while an import runs, in MB: the result indexes of a large file must fit, or every row costs disk reads.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Import:SqliteCacheMegabytes måste vara ett positivt antal MB.")]
    public int SqliteCacheMegabytes { get; set; } = 512;

    public string MaxFileText => Megabytes(MaxFileBytes);

    public string MaxUnpackedText => Megabytes(MaxUnpackedBytes);

    public string MaxSharedStringsText => Megabytes(MaxSharedStringsBytes);

    private static string Megabytes(long bytes) => $"{Math.Max(1, bytes / (1024 * 1024)).ToString("N0", SwedishText.Culture)} MB";
}
