using System.Text;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Web.Infrastructure.Audit;

/// <summary>One line of the checkpoint file: its number (from 1), the text, and the checkpoint it holds (null when it holds none).</summary>
public sealed record CheckpointLine(int Number, string Text, AuditCheckpoint? Checkpoint);

/// <summary>The append-only file of signed checkpoints outside the database (<c>Audit:CheckpointFile</c>), one checkpoint a line.</summary>
public sealed class AuditCheckpointLog(AuditSettings settings, DatabaseSettings database)
{
    private static readonly Lock Appending = new();

    public string FilePath => Path.Combine(database.FullDataFolder, settings.CheckpointFile);

    /// <summary>Every non-empty line of the file, in order; none when there is no file yet.</summary>
    public async Task<List<CheckpointLine>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }
        var lines = await File.ReadAllLinesAsync(FilePath, Encoding.UTF8, cancellationToken);
        return [.. lines.Select((text, index) => new CheckpointLine(index + 1, text, AuditCheckpoint.Parse(text)))
            .Where(line => !string.IsNullOrWhiteSpace(line.Text))];
    }

    /// <summary>Adds the checkpoint as a new line at the end, flushed to disk before returning.</summary>
    public void Append(AuditCheckpoint checkpoint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        lock (Appending)
        {
            using var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
            var bytes = Encoding.UTF8.GetBytes(checkpoint.ToLine() + "\n");
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
    }
}
