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

    /// <summary>How many rejected rows an import report keeps; the count of rejected rows is always exact.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Import:MaxReportedProblems får inte vara negativt.")]
    public int MaxReportedProblems { get; set; } = 10_000;

    /// <summary>SQLite's page cache while an import runs, in MB: the result indexes of a large file must fit, or every row costs disk reads.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Import:SqliteCacheMegabytes måste vara ett positivt antal MB.")]
    public int SqliteCacheMegabytes { get; set; } = 512;

    public string MaxFileText => $"{MaxFileBytes / (1024 * 1024)} MB";
}
