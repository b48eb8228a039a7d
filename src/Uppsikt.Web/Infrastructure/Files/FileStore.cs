using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Files;

/// <summary>What a feature answers about one of its matters when a file is attached, listed, fetched or removed.</summary>
/// <param name="ProviderId">The provider the matter concerns; recorded on the file so provider users' queries are scoped.</param>
/// <param name="MayChangeFiles">Whether the caller may add and remove files now (e.g. not after the matter is closed).</param>
public sealed record FileMatter(Guid? ProviderId, bool MayChangeFiles);

/// <summary>
/// A feature whose matters carry files (complaints, incidents, …). <see cref="FindAsync"/> must read through the scoped
/// <see cref="AppDbContext"/>, so a matter the caller may not see is simply not found.
/// </summary>
public interface IFileMatters
{
    /// <summary>The owner type stored on the file, e.g. <c>Complaint</c>.</summary>
    string OwnerType { get; }

    /// <summary>The matter as the acting user sees it, or null when they may not see it.</summary>
    Task<FileMatter?> FindAsync(Guid ownerId, CancellationToken cancellationToken);
}

public sealed record Attachment(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt, string? UploadedBy);

public sealed record OpenedFile(string FileName, string ContentType, Stream Content);

/// <summary>
/// The one way files come in and go out. Upload: the name is sanitised, type checked by extension and content, size
/// limited, bytes hashed (SHA-256) and stored by a generated id outside the web root; the record is saved through
/// <see cref="AppDbContext"/> and so audited. Download and removal: only for a caller who may see the matter.
/// </summary>
public sealed class FileStore(
    AppDbContext db, FileSettings settings, DatabaseSettings database, IEnumerable<IFileMatters> matters, ICurrentActor actor, TimeProvider clock,
    ILogger<FileStore> logger)
{
    public const string Field = "File";

    public long MaxBytes => settings.MaxBytes;

    public string MaxSizeText => settings.MaxSizeText;

    public async Task<IReadOnlyList<Attachment>> ListAsync(string ownerType, Guid ownerId, CancellationToken cancellationToken) =>
        await db.StoredFiles.AsNoTracking().Where(f => f.OwnerType == ownerType && f.OwnerId == ownerId).OrderBy(f => f.UploadedAt)
            .Select(f => new Attachment(f.Id, f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedAt, f.UploadedBy))
            .ToListAsync(cancellationToken);

    /// <summary>Checks and stores one file for a matter. The result's id is the file's; errors are on <see cref="Field"/>.</summary>
    public async Task<SaveResult> UploadAsync(string ownerType, Guid ownerId, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        if (await FindMatterAsync(ownerType, ownerId, cancellationToken) is not { } matter)
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        if (!matter.MayChangeFiles)
        {
            return check.Add(Field, "Filer kan inte läggas till i det här ärendet nu.").Fail();
        }
        var name = SanitiseFileName(fileName);
        if (name is null)
        {
            return check.Add(Field, "Välj en fil att ladda upp.").Fail();
        }
        if (FileContentCheck.ForExtension(name) is not { } kind)
        {
            return check.Add(Field, $"Filtypen {Path.GetExtension(name)} tas inte emot. Tillåtna filtyper är {FileContentCheck.AllowedText}.").Fail();
        }

        return await StoreAsync(ownerType, ownerId, matter.ProviderId, name, kind, content, actor.DisplayName, cancellationToken);
    }

    /// <summary>
    /// Stores a file without asking whether anyone may: for trusted callers such as the demo data. The name must already
    /// be sanitised and <paramref name="kind"/> found from it; size and content are checked as for any upload.
    /// </summary>
    public async Task<SaveResult> StoreAsync(string ownerType, Guid ownerId, Guid? providerId, string name, FileContentCheck.FileKind kind,
        Stream content, string uploadedBy, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var id = Guid.CreateVersion7();
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        try
        {
            string sha256;
            long length;
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                (length, sha256) = await CopyHashedAsync(content, target, settings.MaxBytes, cancellationToken);
                if (length > settings.MaxBytes)
                {
                    return check.Add(Field, $"Filen är för stor. Den får vara högst {settings.MaxSizeText}.").Fail();
                }
                if (length == 0)
                {
                    return check.Add(Field, "Filen är tom.").Fail();
                }
                if (FileContentCheck.Verify(kind, target) is { } wrongContent)
                {
                    return check.Add(Field, wrongContent).Fail();
                }
            }
            File.Move(partial, path);
            db.StoredFiles.Add(new StoredFile
            {
                Id = id,
                OwnerType = ownerType,
                OwnerId = ownerId,
                ProviderId = providerId,
                FileName = name,
                ContentType = kind.ContentType,
                Length = length,
                Sha256 = sha256,
                UploadedAt = clock.GetUtcNow(),
                UploadedBy = uploadedBy,
            });
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(id);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Opens a file for a caller who may see its matter; null otherwise, as if it did not exist.</summary>
    public async Task<OpenedFile?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null || await FindMatterAsync(file.OwnerType, file.OwnerId, cancellationToken) is null)
        {
            return null;
        }
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            logger.LogError("The stored file {FileId} of {OwnerType} {OwnerId} is missing from {Path}.", id, file.OwnerType, file.OwnerId, path);
            return null;
        }
        // Downloads change nothing, so they are logged rather than written to the audit trail (docs/decisions).
        logger.LogInformation("File {FileId} ({OwnerType} {OwnerId}) downloaded by {User}.", id, file.OwnerType, file.OwnerId, actor.UserId);
        return new OpenedFile(file.FileName, file.ContentType, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous));
    }

    /// <summary>Removes a file of the given matter (audited), then its bytes.</summary>
    public async Task<SaveResult> DeleteAsync(string ownerType, Guid ownerId, Guid fileId, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == ownerType && f.OwnerId == ownerId, cancellationToken);
        if (file is null || await FindMatterAsync(ownerType, ownerId, cancellationToken) is not { } matter)
        {
            return SaveResult.Missing();
        }
        if (!matter.MayChangeFiles)
        {
            return new Validation().Add(Field, "Filer kan inte tas bort från det här ärendet nu.").Fail();
        }
        db.StoredFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        DeleteBytes([fileId]);
        return SaveResult.Saved(fileId);
    }

    /// <summary>
    /// Marks the records of every file of the given matters removed, without saving, for a caller that removes the matters
    /// themselves (retention, decision 0038); returns the files' ids, whose bytes go with <see cref="DeleteBytes"/> once the save is committed.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RemoveRecordsOfAsync(string ownerType, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken)
    {
        var records = await db.StoredFiles.Where(f => f.OwnerType == ownerType && ownerIds.Contains(f.OwnerId)).ToListAsync(cancellationToken);
        db.StoredFiles.RemoveRange(records);
        return [.. records.Select(f => f.Id)];
    }

    /// <summary>Deletes the bytes of files whose records are removed; a file already gone is no fault.</summary>
    public void DeleteBytes(IEnumerable<Guid> fileIds)
    {
        foreach (var id in fileIds)
        {
            File.Delete(PathOf(id));
        }
    }

    /// <summary>
    /// The name as shown and offered on download: the last path segment only, without control or reserved characters,
    /// at most 150 characters with its extension kept. Null when nothing is left.
    /// </summary>
    public static string? SanitiseFileName(string? fileName)
    {
        var last = (fileName ?? "").Replace('\\', '/').Split('/')[^1];
        var cleaned = new string([.. last.Select(c => char.IsControl(c) || "<>:\"|?*".Contains(c, StringComparison.Ordinal) ? '_' : c)]).Trim().Trim('.', ' ');
        if (cleaned.Length == 0)
        {
            return null;
        }
        var extension = Path.GetExtension(cleaned);
        if (cleaned.Length > 150)
        {
            cleaned = cleaned[..(150 - extension.Length)] + extension;
        }
        return cleaned.Length == extension.Length ? "fil" + extension : cleaned;
    }

    /// <summary>The matter as the acting user sees it (null when hidden): whether files may be added or removed now.</summary>
    public Task<FileMatter?> FindMatterAsync(string ownerType, Guid ownerId, CancellationToken cancellationToken) =>
        matters.FirstOrDefault(m => m.OwnerType == ownerType) is { } owner
            ? owner.FindAsync(ownerId, cancellationToken)
            : Task.FromResult<FileMatter?>(null);

    /// <summary>By id only, two hex digits of fan-out: nothing a user typed ever reaches the path.</summary>
    private string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(settings.FullFolder(database), name[^2..], name);
    }

    /// <summary>Copies at most <paramref name="max"/> + 1 bytes, hashing them; a longer source is cut there and reported as too long.</summary>
    private static async Task<(long Length, string Sha256)> CopyHashedAsync(Stream source, Stream target, long max, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (length > max)
            {
                return (length, "");
            }
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await target.FlushAsync(cancellationToken);
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
