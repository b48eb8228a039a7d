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

/// <summary>
/// The hash chain of the audit trail: each row's hash covers its content and the previous row's
/// hash, so altering, removing or reordering a stored row breaks every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(string previousHash, AuditRecord record)
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// Walks stored rows in order and returns the position of the first one that does not fit the
    /// chain, or null when every row does.
    /// </summary>
    public static int? FirstBrokenLink(IEnumerable<(AuditRecord Record, string PreviousHash, string Hash)> rows)
    {
        var verifier = new Verifier();
        var position = 0;
        foreach (var (record, previous, hash) in rows)
        {
            if (!verifier.Accept(record, previous, hash))
            {
                return position;
            }
            position++;
        }
        return null;
    }

    /// <summary>Checks rows one at a time, so a long trail can be verified while it streams from the database.</summary>
    public sealed class Verifier
    {
        private string _expectedPrevious = Genesis;

        /// <summary>True when the row links to the one before and its hash matches its content.</summary>
        public bool Accept(AuditRecord record, string previousHash, string hash)
        {
            if (previousHash != _expectedPrevious || ComputeHash(previousHash, record) != hash)
            {
                return false;
            }
            _expectedPrevious = hash;
            return true;
        }
    }
}
