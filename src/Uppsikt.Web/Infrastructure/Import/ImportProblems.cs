using Uppsikt.Domain.Imports;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>Raised when a file cannot be read at all (encoding, columns, a line too long); the import is refused.</summary>
public sealed class ImportRefusedException(string message, int? line = null, string? column = null) : Exception(message)
{
    public int? Line { get; } = line;

    public string? Column { get; } = column;
}

/// <summary>
/// Collects why rows were refused while a file is read: every problem is counted, the first
/// <see cref="ImportSettings.MaxReportedProblems"/> are kept for the report.
/// </summary>
public sealed class ImportProblems(int maxKept)
{
    private readonly List<ImportProblem> _kept = [];
    private int _lastRejectedLine = -1;

    public IReadOnlyList<ImportProblem> Kept => _kept;

    /// <summary>Rows with at least one problem (a file-level refusal counts as one).</summary>
    public int RejectedRows { get; private set; }

    public bool Any => RejectedRows > 0;

    public void Add(int? line, string? column, string message)
    {
        if (line is null || line != _lastRejectedLine)
        {
            RejectedRows++;
            _lastRejectedLine = line ?? -1;
        }
        if (_kept.Count < maxKept)
        {
            _kept.Add(new ImportProblem { Line = line, Column = column, Message = message });
        }
    }
}
