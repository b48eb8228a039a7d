using CsCheck;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Domain.Tests.Audit;

public sealed class AuditCheckpointTests
{
    private static readonly AuditKeyRing Keys = new("k2", new Dictionary<string, byte[]>
    {
        ["k1"] = [.. Enumerable.Range(0, 32).Select(i => (byte)i)],
        ["k2"] = [.. Enumerable.Range(50, 32).Select(i => (byte)i)],
    });

    private static readonly Gen<AuditCheckpoint> Checkpoints =
        Gen.Select(Gen.Long[DateTimeOffset.UnixEpoch.UtcTicks, DateTimeOffset.UnixEpoch.UtcTicks + TimeSpan.TicksPerDay * 365 * 100], Gen.Long[0, 1_000_000],
                Gen.Long[0, 1_000_000], Gen.String[Gen.Char["0123456789abcdef"], 64, 64])
            .Select((at, rows, last, head) => AuditCheckpoint.Sign(Keys, new DateTimeOffset(at, TimeSpan.Zero), rows, last, head));

    [Fact]
    public void ACheckpointReadBackFromItsLineIsTheSameAndVerifies() =>
        Checkpoints.Sample(checkpoint =>
        {
            var read = AuditCheckpoint.Parse(checkpoint.ToLine());

            Assert.Equal(checkpoint, read);
            Assert.True(read!.HasValidSignature(Keys));
            Assert.Equal("k2", read.KeyId);
        });

    [Fact]
    public void ChangingAnyFieldOfACheckpointSpoilsItsSignature()
    {
        Func<AuditCheckpoint, AuditCheckpoint>[] changes =
        [
            c => c with { At = c.At.AddSeconds(1) },
            c => c with { RowCount = c.RowCount + 1 },
            c => c with { LastRowId = c.LastRowId + 1 },
            c => c with { HeadHash = c.HeadHash[..^1] + (c.HeadHash[^1] == '0' ? '1' : '0') },
            c => c with { KeyId = "k1" },
        ];

        Gen.Select(Checkpoints, Gen.Int[0, changes.Length - 1]).Sample((checkpoint, change) =>
            Assert.False(AuditCheckpoint.Parse(changes[change](checkpoint).ToLine())!.HasValidSignature(Keys)));
    }

    [Fact]
    public void ACheckpointOfAnUnknownKeyDoesNotVerifyAndALineThatIsNoCheckpointIsNotRead()
    {
        var checkpoint = AuditCheckpoint.Sign(Keys, DateTimeOffset.UnixEpoch, 3, 3, AuditChain.Genesis);

        Assert.False(checkpoint.HasValidSignature(AuditKeyRing.WithNewKey("k3")));
        Assert.Null(AuditCheckpoint.Parse("at=2026-12-07T00:05:00.0000000Z rows=3 last=3"));
        Assert.Null(AuditCheckpoint.Parse(checkpoint.ToLine().Replace("rows=3", "rows=tre", StringComparison.Ordinal)));
        Assert.Null(AuditCheckpoint.Parse(checkpoint.ToLine() + " rows=4"));
    }
}
