using Uppsikt.Domain;

namespace Uppsikt.Data;

/// <summary>
/// An uploaded file's record. The bytes live outside the web root under the app data folder, named by <see cref="Entity.Id"/>;
/// the file belongs to one matter (<see cref="OwnerType"/>, <see cref="OwnerId"/>) and is served only to those who may see that matter.
/// Adding and removing the record is audited like every other change.
/// </summary>
public sealed class StoredFile : Entity
{
    /// <summary>The kind of matter, e.g. <c>Complaint</c>; the feature that owns the kind decides who may see it.</summary>
    public required string OwnerType { get; init; }

    public Guid OwnerId { get; init; }

    /// <summary>The provider the matter concerns, so that a provider user's queries never list another provider's files.</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>The sanitised name the uploader gave, shown and offered on download; never used as a path.</summary>
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public string? UploadedBy { get; init; }
}
