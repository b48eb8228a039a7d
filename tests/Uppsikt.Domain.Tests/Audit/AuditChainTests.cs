using CsCheck;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private sealed record Row(AuditRecord Record, string PreviousHash, string Hash);

    private static readonly Gen<string> Text = Gen.String[Gen.Char["abcåäö{}\":|-0123456789"], 0, 12];

    private static readonly Gen<AuditRecord> Records =
        Gen.Select(Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks - 100], Text.Null(), Text, Gen.OneOfConst("Unit", "Provider", "AppUser"), Text,
                Gen.OneOfConst("Added", "Modified", "Deleted"), Text.Null(), Text.Null())
            .Select(t => new AuditRecord(new DateTimeOffset(t.Item1, TimeSpan.Zero), t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8));

    private static readonly Gen<List<Row>> Chains = Records.List[1, 12].Select(Chain);

    /// <summary>Builds a chain the way the database does: each row's hash covers its record and the hash before.</summary>
    private static List<Row> Chain(List<AuditRecord> records)
    {
        var rows = new List<Row>();
        var previous = AuditChain.Genesis;
        foreach (var record in records)
        {
            var hash = AuditChain.ComputeHash(previous, record);
            rows.Add(new Row(record, previous, hash));
            previous = hash;
        }
        return rows;
    }

    private static int? FirstBrokenLink(IEnumerable<Row> rows) =>
        AuditChain.FirstBrokenLink(rows.Select(r => (r.Record, r.PreviousHash, r.Hash)));

    [Fact]
    public void AChainBuiltWithComputeHashVerifies() =>
        Chains.Sample(rows => Assert.Null(FirstBrokenLink(rows)));

    [Fact]
    public void AnEmptyChainVerifies() => Assert.Null(FirstBrokenLink([]));

    [Fact]
    public void TheFirstRowMustLinkToGenesis()
    {
        var record = new AuditRecord(DateTimeOffset.UnixEpoch, null, "system", "Unit", "1", "Added", null, "{}");
        var previous = new string('1', 64);

        Assert.Equal(0, FirstBrokenLink([new Row(record, previous, AuditChain.ComputeHash(previous, record))]));
    }

    /// <summary>The ten stored fields of a row, each with a way to change it to a different value.</summary>
    private static readonly Func<Row, string, Row>[] FieldChanges =
    [
        (r, s) => r with { Record = r.Record with { OccurredAt = r.Record.OccurredAt.AddMilliseconds(1 + s.Length) } },
        (r, s) => r with { Record = r.Record with { ActorId = Different(r.Record.ActorId, s) } },
        (r, s) => r with { Record = r.Record with { ActorName = Different(r.Record.ActorName, s)! } },
        (r, s) => r with { Record = r.Record with { EntityType = Different(r.Record.EntityType, s)! } },
        (r, s) => r with { Record = r.Record with { EntityId = Different(r.Record.EntityId, s)! } },
        (r, s) => r with { Record = r.Record with { Action = Different(r.Record.Action, s)! } },
        (r, s) => r with { Record = r.Record with { Before = Different(r.Record.Before, s) } },
        (r, s) => r with { Record = r.Record with { After = Different(r.Record.After, s) } },
        (r, s) => r with { PreviousHash = Different(r.PreviousHash, s)! },
        (r, s) => r with { Hash = Different(r.Hash, s)! },
    ];

    /// <summary>A value other than <paramref name="old"/>: the candidate, or it with a mark added; null and "" count as different.</summary>
    private static string? Different(string? old, string candidate) =>
        candidate != old ? candidate : candidate + "x";

    [Fact]
    public void ChangingAnyFieldOfAnyRowBreaksTheChainAtThatRow()
    {
        var cases = Chains.SelectMany(rows => Gen.Select(Gen.Int[0, rows.Count - 1], Gen.Int[0, FieldChanges.Length - 1], Text.Null(),
            (position, field, value) => (rows, position, field, value)));

        cases.Sample((rows, position, field, value) =>
        {
            var tampered = rows.ToList();
            tampered[position] = FieldChanges[field](rows[position], value ?? "");

            Assert.Equal(position, FirstBrokenLink(tampered));
        }, iter: 2000);
    }

    [Fact]
    public void SettingANullFieldToEmptyBreaksTheChain()
    {
        var record = new AuditRecord(DateTimeOffset.UnixEpoch, null, "system", "Unit", "1", "Deleted", "{}", null);
        var rows = Chain([record]);

        Assert.Equal(0, FirstBrokenLink([rows[0] with { Record = record with { After = "" } }]));
        Assert.Equal(0, FirstBrokenLink([rows[0] with { Record = record with { ActorId = "" } }]));
    }

    [Fact]
    public void RemovingAnyRowButTheLastBreaksTheChainWhereItWas()
    {
        var cases = Records.List[2, 12].Select(Chain).SelectMany(rows => Gen.Int[0, rows.Count - 2].Select(position => (rows, position)));

        cases.Sample((rows, position) =>
        {
            var shortened = rows.ToList();
            shortened.RemoveAt(position);

            Assert.Equal(position, FirstBrokenLink(shortened));
        });
    }

    [Fact]
    public void SwappingTwoRowsBreaksTheChainAtTheFirstOfThem()
    {
        var cases = Records.List[2, 12].Select(Chain).SelectMany(rows =>
            Gen.Int[0, rows.Count - 2].SelectMany(first => Gen.Int[first + 1, rows.Count - 1].Select(second => (rows, first, second))));

        cases.Sample((rows, first, second) =>
        {
            var swapped = rows.ToList();
            (swapped[first], swapped[second]) = (swapped[second], swapped[first]);

            Assert.Equal(first, FirstBrokenLink(swapped));
        });
    }

    [Fact]
    public void ARowReadBackWithLessPrecisionThanItWasWrittenWithStillVerifies()
    {
        var written = new DateTimeOffset(638_700_000_001_234_567, TimeSpan.Zero);
        var record = new AuditRecord(written, null, "system", "Unit", "1", "Added", null, "{}");
        var hash = AuditChain.ComputeHash(AuditChain.Genesis, record);

        var toTenthOfMillisecond = record with { OccurredAt = new DateTimeOffset(written.UtcTicks / 1000 * 1000, TimeSpan.Zero) };
        var toMicrosecond = record with { OccurredAt = new DateTimeOffset(written.UtcTicks / 10 * 10, TimeSpan.Zero) };
        var inStockholm = record with { OccurredAt = written.ToOffset(TimeSpan.FromHours(1)) };

        Assert.Equal(hash, AuditChain.ComputeHash(AuditChain.Genesis, toTenthOfMillisecond));
        Assert.Equal(hash, AuditChain.ComputeHash(AuditChain.Genesis, toMicrosecond));
        Assert.Equal(hash, AuditChain.ComputeHash(AuditChain.Genesis, inStockholm));
        Assert.NotEqual(hash, AuditChain.ComputeHash(AuditChain.Genesis, record with { OccurredAt = written.AddMilliseconds(1) }));
    }

    [Fact]
    public void TheStreamingVerifierAgreesWithFirstBrokenLink()
    {
        var rows = Chain([
            new AuditRecord(DateTimeOffset.UnixEpoch, "u1", "Klara", "Unit", "1", "Added", null, "{\"Name\":\"A\"}"),
            new AuditRecord(DateTimeOffset.UnixEpoch.AddDays(1), "u1", "Klara", "Unit", "1", "Modified", "{\"Name\":\"A\"}", "{\"Name\":\"B\"}"),
        ]);
        var verifier = new AuditChain.Verifier();

        Assert.True(verifier.Accept(rows[0].Record, rows[0].PreviousHash, rows[0].Hash));
        Assert.False(verifier.Accept(rows[1].Record with { After = "{\"Name\":\"C\"}" }, rows[1].PreviousHash, rows[1].Hash));
    }
}
