using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Uppsikt.Domain.Audit;

/// <summary>What one audit row says: who changed what, when, from what to what.</summary>
public sealed record AuditRecord(
    DateTimeOffset OccurredAt,
    string? ActorId,
    string ActorName,
    string EntityType,
    string EntityId,
    string Action,
    string? Before,
    string? After);

/// <summary>A row as stored: its id, what it says, the key that sealed it (null for a row written before keys) and its links.</summary>
public sealed record StoredAuditRow(long Id, AuditRecord Record, string? KeyId, string PreviousHash, string Hash);

/// <summary>
/// The hash chain of the audit trail: each row's hash covers its content and the previous row's hash, so altering,
/// removing or reordering a stored row breaks every hash after it. Rows are sealed with an HMAC-SHA256 under a secret
/// key kept outside the database (decision 0035), so that nobody who can only write to the database can recompute the
/// chain; rows written before keys carry the plain SHA-256 of the same text and verify by that rule.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The unkeyed rule of rows written before keys: anyone can compute it, so it proves nothing on its own.</summary>
    public static string ComputeHash(string previousHash, AuditRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(previousHash, record)));

    /// <summary>The keyed rule: an HMAC-SHA256 of the same text under <paramref name="key"/>.</summary>
    public static string ComputeKeyedHash(ReadOnlySpan<byte> key, string previousHash, AuditRecord record) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Canonical(previousHash, record)));

    private static byte[] Canonical(string previousHash, AuditRecord record)
    {
        var builder = new StringBuilder();
        void Field(string? value)
        {
            // Length-prefixed, so no choice of field contents can make two records hash alike.
            builder.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }
        Field(previousHash);
        // To the millisecond: the databases keep less than .NET's 100 ns (SQLite as stored here 0.1 ms, PostgreSQL 1 µs),
        // and a row read back must hash as it did when written.
        Field((record.OccurredAt.UtcTicks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture));
        Field(record.ActorId);
        Field(record.ActorName);
        Field(record.EntityType);
        Field(record.EntityId);
        Field(record.Action);
        Field(record.Before);
        Field(record.After);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// Checks stored rows one at a time in id order, so a long trail can be verified while it streams from the database.
    /// Rows without a key are accepted by the unkeyed rule only before the first keyed row: once the trail is keyed, an
    /// unkeyed row is a chain recomputed by someone without the key.
    /// </summary>
    public sealed class Verifier(AuditKeyRing keys)
    {
        /// <summary>The hash of the last accepted row, which the next row must link to.</summary>
        public string Head { get; private set; } = Genesis;

        /// <summary>How many rows have been accepted.</summary>
        public int RowsAccepted { get; private set; }

        /// <summary>The id of the last accepted row; null before the first.</summary>
        public long? LastId { get; private set; }

        /// <summary>How many accepted rows carry the unkeyed hash of before keys, and the first and last of them.</summary>
        public int UnkeyedRows { get; private set; }

        public long? FirstUnkeyedId { get; private set; }

        public long? LastUnkeyedId { get; private set; }

        private bool _keyed;

        /// <summary>Null when the row fits the chain; otherwise what is wrong with it (the chain cannot be followed past it).</summary>
        public AuditFinding? Accept(StoredAuditRow row)
        {
            if (row.KeyId is { } keyId && !keys.Knows(keyId))
            {
                return new AuditFinding(AuditFindingKind.UnknownKey, row.Id,
                    $"Rad {row.Id} är förseglad med nyckeln ”{keyId}”, som inte finns bland de konfigurerade nycklarna. Lägg till nyckeln (Audit:Keys) för att kunna kontrollera raden och resten av kedjan.");
            }
            if (row.PreviousHash != Head)
            {
                return new AuditFinding(AuditFindingKind.BrokenLink, row.Id,
                    $"Kedjan är bruten vid rad {row.Id}: raden pekar inte på raden före den. Rader har tagits bort, lagts till eller bytt plats i efterhand.");
            }
            if (row.KeyId is null && _keyed)
            {
                return new AuditFinding(AuditFindingKind.UnkeyedAfterKeyed, row.Id,
                    $"Kedjan är bruten vid rad {row.Id}: raden saknar nyckel men kommer efter nyckelförseglade rader. Kedjan har räknats om utan nyckeln från rad {row.Id}.");
            }
            var expected = row.KeyId is { } id ? keys.Hash(id, row.PreviousHash, row.Record) : ComputeHash(row.PreviousHash, row.Record);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(row.Hash)))
            {
                return new AuditFinding(AuditFindingKind.HashMismatch, row.Id,
                    $"Kedjan är bruten vid rad {row.Id}: radens innehåll stämmer inte med dess kontrollsumma. Raden har ändrats i efterhand, eller kedjan har räknats om utan nyckeln från den raden.");
            }
            if (row.KeyId is null)
            {
                UnkeyedRows++;
                FirstUnkeyedId ??= row.Id;
                LastUnkeyedId = row.Id;
            }
            else
            {
                _keyed = true;
            }
            Head = row.Hash;
            RowsAccepted++;
            LastId = row.Id;
            return null;
        }
    }
}

/// <summary>What verification found; <see cref="AuditFindingKind.Unkeyed"/> is a notice, every other kind a fault.</summary>
public enum AuditFindingKind
{
    /// <summary>Rows written before keys: they verify by the unkeyed rule only.</summary>
    Unkeyed,

    /// <summary>A row's content does not match its hash: the row was edited, or the chain recomputed without the key from it.</summary>
    HashMismatch,

    /// <summary>A row does not link to the row before it: rows were removed, inserted or reordered.</summary>
    BrokenLink,

    /// <summary>An unkeyed row after keyed ones: the chain was recomputed with the published unkeyed rule.</summary>
    UnkeyedAfterKeyed,

    /// <summary>A row or a checkpoint names a key that is not configured.</summary>
    UnknownKey,

    /// <summary>The trail ends before a checkpoint's last row, or has fewer rows up to it: rows were removed.</summary>
    RowsMissing,

    /// <summary>The trail's hash at a checkpoint's last row is not the one the checkpoint recorded: the trail was rewritten.</summary>
    HeadMismatch,

    /// <summary>A checkpoint's signature does not verify, or its line cannot be read: the checkpoint file was edited.</summary>
    CheckpointInvalid,
}

/// <summary>One thing verification found: its kind, the audit row it concerns (if any) and what it means, in Swedish.</summary>
public sealed record AuditFinding(AuditFindingKind Kind, long? RowId, string Text)
{
    public bool IsFault => Kind != AuditFindingKind.Unkeyed;
}
