using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Web.Infrastructure.Files;

/// <summary>The <c>Files</c> section: where uploaded files are kept and how large one may be.</summary>
public sealed class FileSettings
{
    public const string Section = "Files";

    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (default 20 MB).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Files:MaxBytes måste vara ett positivt antal byte.")]
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// Where the files are stored; by default the folder <c>files</c> in the app data folder (outside the web root).
    /// Several instances behind a load balancer must point this at one shared folder.
    /// </summary>
    public string? Folder { get; set; }

    public string FullFolder(DatabaseSettings database) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(Folder) ? Path.Combine(database.FullDataFolder, "files") : Folder);

    public string MaxSizeText => SizeText(MaxBytes);

    /// <summary>A size in megabytes as the pages write it, with a decimal comma: "20 MB", "1,5 MB".</summary>
    public static string SizeText(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB".Replace('.', ',');
}
