using System.Security.Cryptography;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>An uploaded file copied to the data folder, with its SHA-256 hash; deleted when the import is done with it.</summary>
public sealed record StoredUpload(string Path, string FileName, string Hash, long SizeBytes)
{
    public const string Folder = "imports";

    /// <summary>
    /// Copies <paramref name="source"/> to a new file under the data folder while hashing it, never holding more than a
    /// buffer in memory. Null when the file is larger than <paramref name="maxBytes"/> (nothing is kept then).
    /// </summary>
    public static async Task<StoredUpload?> SaveAsync(Stream source, string fileName, string dataFolder, long maxBytes, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.Combine(dataFolder, Folder);
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, Guid.CreateVersion7().ToString("N") + ".upload");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = new byte[81920];
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (size > maxBytes)
            {
                File.Delete(path);
                return null;
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        var name = System.IO.Path.GetFileName(fileName.Replace('\\', '/'));
        return new StoredUpload(path, string.IsNullOrWhiteSpace(name) ? "fil" : name, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    public void Delete()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }
}
