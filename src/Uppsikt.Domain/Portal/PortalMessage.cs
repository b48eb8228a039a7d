namespace Uppsikt.Domain.Portal;

/// <summary>
/// One message in the thread between the municipality and a provider, optionally about one matter (such as a complaint).
/// Both sides write; the other side is told by e-mail. Never names a service user (rule 9).
/// </summary>
public sealed class PortalMessage : Entity
{
    public Guid ProviderId { get; init; }

    /// <summary>The kind of matter the message is about, e.g. <c>Complaint</c>; null for the provider's general thread.</summary>
    public string? MatterKind { get; init; }

    public Guid? MatterId { get; init; }

    /// <summary>True when written by the provider, false when written by the municipality.</summary>
    public bool FromProvider { get; init; }

    public string? AuthorId { get; init; }

    public required string AuthorName { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset SentAt { get; init; }
}

/// <summary>A document the municipality sends to a provider (a decision, a report, new conditions); the file is kept by the file store.</summary>
public sealed class PortalDocument : Entity
{
    public Guid ProviderId { get; init; }

    public required string Title { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset SentAt { get; init; }

    public required string SentBy { get; init; }

    /// <summary>When a provider user first opened it; the municipality's read receipt.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public string? ReadBy { get; private set; }

    /// <summary>Records the first opening only; later openings change nothing.</summary>
    public bool MarkRead(string reader, DateTimeOffset at)
    {
        if (ReadAt is not null)
        {
            return false;
        }
        ReadAt = at;
        ReadBy = reader;
        return true;
    }
}
