using System.Security.Cryptography;
using System.Text;

namespace Uppsikt.Domain.Audit;

/// <summary>
/// The secret keys of the audit trail, held in memory: the current one seals new rows and checkpoints, older ones stay
/// for verifying what they sealed. Each key has an id that the rows and checkpoints record.
/// </summary>
public sealed class AuditKeyRing
{
    /// <summary>The fewest bytes a key may have: as many as the HMAC-SHA256 output.</summary>
    public const int MinimumKeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    public AuditKeyRing(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentKeyId);
        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
        if (!_keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current key {currentKeyId} is not among the keys.", nameof(currentKeyId));
        }
        if (_keys.FirstOrDefault(k => k.Value.Length < MinimumKeyBytes) is { Key: { } shortKey })
        {
            throw new ArgumentException($"The key {shortKey} is shorter than {MinimumKeyBytes} bytes.", nameof(keys));
        }
        CurrentKeyId = currentKeyId;
    }

    /// <summary>The id of the key that seals new rows and checkpoints.</summary>
    public string CurrentKeyId { get; }

    public bool Knows(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>The hash of a new row, under the current key.</summary>
    public string Seal(string previousHash, AuditRecord record) => Hash(CurrentKeyId, previousHash, record);

    /// <summary>The hash of a row under the key <paramref name="keyId"/>, which must be known.</summary>
    public string Hash(string keyId, string previousHash, AuditRecord record) => AuditChain.ComputeKeyedHash(_keys[keyId], previousHash, record);

    /// <summary>The HMAC-SHA256 of <paramref name="text"/> under the key <paramref name="keyId"/>, which must be known, as lower-case hex.</summary>
    public string Sign(string keyId, string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_keys[keyId], Encoding.UTF8.GetBytes(text)));

    /// <summary>A ring of one new random key, for what never needs to verify later (such as the design-time model).</summary>
    public static AuditKeyRing WithNewKey(string keyId) => new(keyId, new Dictionary<string, byte[]> { [keyId] = NewKey() });

    /// <summary>A new random key of the minimum length.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(MinimumKeyBytes);
}
