using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Uppsikt.Domain.Audit;

/// <summary>
/// A signed statement of the audit trail's state at a moment: how many rows it had, the last row's id and hash, and the
/// key that signed it. Kept outside the database (one line each in an append-only file, and mailed to the auditor), so
/// that removing rows from the end, or rewriting the trail, is seen against it.
/// </summary>
public sealed record AuditCheckpoint(DateTimeOffset At, long RowCount, long LastRowId, string HeadHash, string KeyId, string Signature)
{
    private const string Prefix = "uppsikt-audit-checkpoint";

    /// <summary>A checkpoint of the given state, signed with the ring's current key.</summary>
    public static AuditCheckpoint Sign(AuditKeyRing keys, DateTimeOffset at, long rowCount, long lastRowId, string headHash)
    {
        var unsigned = new AuditCheckpoint(at.ToUniversalTime(), rowCount, lastRowId, headHash, keys.CurrentKeyId, "");
        return unsigned with { Signature = keys.Sign(keys.CurrentKeyId, unsigned.SignedText) };
    }

    /// <summary>What the signature covers: every field but the signature, in a fixed order and form.</summary>
    public string SignedText => string.Join('|', Prefix, At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        RowCount.ToString(CultureInfo.InvariantCulture), LastRowId.ToString(CultureInfo.InvariantCulture), HeadHash, KeyId);

    /// <summary>True when the signing key is known and the signature is its signature of the fields.</summary>
    public bool HasValidSignature(AuditKeyRing keys) =>
        keys.Knows(KeyId) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(keys.Sign(KeyId, SignedText)), Encoding.ASCII.GetBytes(Signature));

    /// <summary>The checkpoint as one line of text: <c>at=… rows=… last=… head=… key=… signature=…</c>.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"at={At.UtcDateTime:O} rows={RowCount} last={LastRowId} head={HeadHash} key={KeyId} signature={Signature}");

    /// <summary>Reads a line written by <see cref="ToLine"/>; null when it is not one.</summary>
    public static AuditCheckpoint? Parse(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                return null;
            }
        }
        return fields.Count == 6
            && fields.TryGetValue("at", out var at) && DateTimeOffset.TryParseExact(at, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            && fields.TryGetValue("rows", out var rows) && long.TryParse(rows, NumberStyles.None, CultureInfo.InvariantCulture, out var rowCount)
            && fields.TryGetValue("last", out var last) && long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastRowId)
            && fields.TryGetValue("head", out var head) && fields.TryGetValue("key", out var key) && fields.TryGetValue("signature", out var signature)
            ? new AuditCheckpoint(moment.ToUniversalTime(), rowCount, lastRowId, head, key, signature)
            : null;
    }
}
