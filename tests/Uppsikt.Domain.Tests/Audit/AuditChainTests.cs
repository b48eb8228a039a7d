using CsCheck;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly AuditKeyRing Keys = new("2026", new Dictionary<string, byte[]>
    {
        ["2025"] = [.. Enumerable.Range(0, 32).Select(i => (byte)i)],
        ["2026"] = [.. Enumerable.Range(100, 32).Select(i => (byte)i)],
    });

    private static readonly Gen<string> Text = Gen.String[Gen.Char["abcåäö{}\":|-0123456789"], 0, 12];

    private static readonly Gen<AuditRecord> Records =
        Gen.Select(Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks - 100], Text.Null(), Text, Gen.OneOfConst("Unit", "Provider", "AppUser"), Text,
                Gen.OneOfConst("Added", "Modified", "Deleted"), Text.Null(), Text.Null())
            .Select(t => new AuditRecord(new DateTimeOffset(t.Item1, TimeSpan.Zero), t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8));

    /// <summary>Chains of keyed rows, some of them (a prefix of random length) from before keys, as an upgraded trail is.</summary>
    private static readonly Gen<List<StoredAuditRow>> Chains =
        Records.List[1, 12].SelectMany(records => Gen.Int[0, records.Count].Select(unkeyed => Chain(records, unkeyed)));

    /// <summary>
    /// Builds a chain the way the database does, with ids from 1: the first <paramref name="unkeyed"/> rows by the unkeyed rule
    /// of before keys, the rest sealed with the current key.
    /// </summary>
    private static List<StoredAuditRow> Chain(IReadOnlyList<AuditRecord> records, int unkeyed = 0)
    {
        var rows = new List<StoredAuditRow>();
        var previous = AuditChain.Genesis;
        foreach (var (record, index) in records.Select((r, i) => (r, i)))
        {
            var keyed = index >= unkeyed;
            var hash = keyed ? Keys.Seal(previous, record) : AuditChain.ComputeHash(previous, record);
            rows.Add(new StoredAuditRow(index + 1, record, keyed ? Keys.CurrentKeyId : null, previous, hash));
            previous = hash;
        }
        return rows;
    }

    /// <summary>The first finding, and the verifier after the rows up to it.</summary>
    private static (AuditFinding? Finding, AuditChain.Verifier Verifier) Verify(IEnumerable<StoredAuditRow> rows, AuditKeyRing? keys = null)
    {
        var verifier = new AuditChain.Verifier(keys ?? Keys);
        foreach (var row in rows)
        {
            if (verifier.Accept(row) is { } finding)
            {
                return (finding, verifier);
            }
        }
        return (null, verifier);
    }

    private static AuditRecord Record(string after, int day = 0) =>
        new(DateTimeOffset.UnixEpoch.AddDays(day), "u1", "Klara", "Unit", "1", "Added", null, after);

    [Fact]
    public void AChainBuiltAsTheDatabaseDoesVerifiesAndCountsItsUnkeyedRows() =>
        Chains.Sample(rows =>
        {
            var (finding, verifier) = Verify(rows);

            Assert.Null(finding);
            Assert.Equal(rows.Count, verifier.RowsAccepted);
            Assert.Equal(rows[^1].Hash, verifier.Head);
            Assert.Equal(rows.Count(r => r.KeyId is null), verifier.UnkeyedRows);
        });

    [Fact]
    public void AnEmptyChainVerifies() => Assert.Null(Verify([]).Finding);

    [Fact]
    public void TheFirstRowMustLinkToGenesis()
    {
        var record = Record("{}");
        var previous = new string('1', 64);

        var (finding, _) = Verify([new StoredAuditRow(1, record, Keys.CurrentKeyId, previous, Keys.Seal(previous, record))]);

        Assert.Equal((AuditFindingKind.BrokenLink, 1L), (finding?.Kind, finding?.RowId));
    }

    /// <summary>The stored fields of a row, each with a way to change it to a different value.</summary>
    private static readonly Func<StoredAuditRow, string, StoredAuditRow>[] FieldChanges =
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
        // Another configured key, or none: a row may not move between rules.
        (r, s) => r with { KeyId = r.KeyId is null ? "2025" : r.KeyId == "2025" ? null : "2025" },
    ];

    /// <summary>A value other than <paramref name="old"/>: the candidate, or it with a mark added; null and "" count as different.</summary>
    private static string? Different(string? old, string candidate) =>
        candidate != old ? candidate : candidate + "x";

    [Fact]
    public void ChangingAnyFieldOfAnyRowIsFoundAtThatRow()
    {
        var cases = Chains.SelectMany(rows => Gen.Select(Gen.Int[0, rows.Count - 1], Gen.Int[0, FieldChanges.Length - 1], Text.Null(),
            (position, field, value) => (rows, position, field, value)));

        cases.Sample((rows, position, field, value) =>
        {
            var tampered = rows.ToList();
            tampered[position] = FieldChanges[field](rows[position], value ?? "");

            var (finding, verifier) = Verify(tampered);

            Assert.Equal(rows[position].Id, finding?.RowId);
            Assert.True(finding?.IsFault);
            Assert.Equal(position, verifier.RowsAccepted);
        }, iter: 2000);
    }

    [Fact]
    public void EditingAKeyedRowAndRecomputingTheRestWithoutTheKeyIsFoundAtThatRow()
    {
        var cases = Chains.Where(rows => rows.Any(r => r.KeyId is not null)).SelectMany(rows =>
            Gen.Select(Gen.Int[rows.FindIndex(r => r.KeyId is not null), rows.Count - 1], Text, Gen.Bool, (position, value, dropKeyId) => (rows, position, value, dropKeyId)));

        cases.Sample((rows, position, value, dropKeyId) =>
        {
            // What someone with only the database and the published rule can do: edit a row, then recompute every hash from it.
            var tampered = rows.Take(position).ToList();
            var previous = position == 0 ? AuditChain.Genesis : rows[position - 1].Hash;
            foreach (var row in rows.Skip(position).Select((r, i) => i == 0 ? r with { Record = r.Record with { After = Different(r.Record.After, value) } } : r))
            {
                var hash = AuditChain.ComputeHash(previous, row.Record);
                tampered.Add(row with { KeyId = dropKeyId ? null : row.KeyId, PreviousHash = previous, Hash = hash });
                previous = hash;
            }

            var (finding, _) = Verify(tampered);

            if (dropKeyId && !rows.Take(position).Any(r => r.KeyId is not null))
            {
                // Rewritten from the first keyed row on, without keys, the trail looks like one from before keys: only a checkpoint tells.
                Assert.Null(finding);
                return;
            }
            Assert.Equal(rows[position].Id, finding?.RowId);
            Assert.Equal(dropKeyId ? AuditFindingKind.UnkeyedAfterKeyed : AuditFindingKind.HashMismatch, finding?.Kind);
        });
    }

    [Fact]
    public void SettingANullFieldToEmptyBreaksTheChain()
    {
        var record = new AuditRecord(DateTimeOffset.UnixEpoch, null, "system", "Unit", "1", "Deleted", "{}", null);
        var rows = Chain([record]);

        Assert.Equal(AuditFindingKind.HashMismatch, Verify([rows[0] with { Record = record with { After = "" } }]).Finding?.Kind);
        Assert.Equal(AuditFindingKind.HashMismatch, Verify([rows[0] with { Record = record with { ActorId = "" } }]).Finding?.Kind);
    }

    [Fact]
    public void RemovingAnyRowButTheLastBreaksTheChainWhereItWas()
    {
        var cases = Records.List[2, 12].Select(records => Chain(records)).SelectMany(rows => Gen.Int[0, rows.Count - 2].Select(position => (rows, position)));

        cases.Sample((rows, position) =>
        {
            var shortened = rows.ToList();
            shortened.RemoveAt(position);

            var (finding, _) = Verify(shortened);

            Assert.Equal((AuditFindingKind.BrokenLink, rows[position + 1].Id), (finding?.Kind, finding?.RowId));
        });
    }

    [Fact]
    public void SwappingTwoRowsBreaksTheChainAtTheFirstOfThem()
    {
        var cases = Records.List[2, 12].Select(records => Chain(records)).SelectMany(rows =>
            Gen.Int[0, rows.Count - 2].SelectMany(first => Gen.Int[first + 1, rows.Count - 1].Select(second => (rows, first, second))));

        cases.Sample((rows, first, second) =>
        {
            var swapped = rows.ToList();
            (swapped[first], swapped[second]) = (swapped[second], swapped[first]);

            Assert.Equal(rows[second].Id, Verify(swapped).Finding?.RowId);
        });
    }

    [Fact]
    public void RowsSealedWithARetiredKeyVerifyWhileItIsConfiguredAndNameItWhenItIsNot()
    {
        var old = new AuditKeyRing("2025", new Dictionary<string, byte[]> { ["2025"] = [.. Enumerable.Range(0, 32).Select(i => (byte)i)] });
        var first = Record("{\"Name\":\"A\"}");
        var firstHash = old.Seal(AuditChain.Genesis, first);
        var second = Record("{\"Name\":\"B\"}", 1);
        List<StoredAuditRow> rows = [
            new(1, first, "2025", AuditChain.Genesis, firstHash),
            new(2, second, "2026", firstHash, Keys.Seal(firstHash, second)),
        ];

        Assert.Null(Verify(rows).Finding);
        var (finding, _) = Verify(rows, new AuditKeyRing("2026", new Dictionary<string, byte[]> { ["2026"] = [.. Enumerable.Range(100, 32).Select(i => (byte)i)] }));
        Assert.Equal((AuditFindingKind.UnknownKey, 1L), (finding?.Kind, finding?.RowId));
        Assert.Contains("”2025”", finding!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnkeyedRowAfterAKeyedOneIsFoundEvenWhenItsUnkeyedHashIsRight()
    {
        var rows = Chain([Record("{}"), Record("{}", 1)]);
        var recomputed = rows[1] with { KeyId = null, Hash = AuditChain.ComputeHash(rows[1].PreviousHash, rows[1].Record) };

        var (finding, _) = Verify([rows[0], recomputed]);

        Assert.Equal((AuditFindingKind.UnkeyedAfterKeyed, 2L), (finding?.Kind, finding?.RowId));
    }

    [Fact]
    public void TheKeyedHashIsNotThePublishedOneAndDependsOnTheKey()
    {
        var record = Record("{}");

        Assert.NotEqual(AuditChain.ComputeHash(AuditChain.Genesis, record), Keys.Seal(AuditChain.Genesis, record));
        Assert.NotEqual(Keys.Hash("2025", AuditChain.Genesis, record), Keys.Hash("2026", AuditChain.Genesis, record));
    }

    [Fact]
    public void ARowReadBackWithLessPrecisionThanItWasWrittenWithStillVerifies()
    {
        var written = new DateTimeOffset(638_700_000_001_234_567, TimeSpan.Zero);
        var record = new AuditRecord(written, null, "system", "Unit", "1", "Added", null, "{}");
        var hash = Keys.Seal(AuditChain.Genesis, record);

        var toTenthOfMillisecond = record with { OccurredAt = new DateTimeOffset(written.UtcTicks / 1000 * 1000, TimeSpan.Zero) };
        var toMicrosecond = record with { OccurredAt = new DateTimeOffset(written.UtcTicks / 10 * 10, TimeSpan.Zero) };
        var inStockholm = record with { OccurredAt = written.ToOffset(TimeSpan.FromHours(1)) };

        Assert.Equal(hash, Keys.Seal(AuditChain.Genesis, toTenthOfMillisecond));
        Assert.Equal(hash, Keys.Seal(AuditChain.Genesis, toMicrosecond));
        Assert.Equal(hash, Keys.Seal(AuditChain.Genesis, inStockholm));
        Assert.NotEqual(hash, Keys.Seal(AuditChain.Genesis, record with { OccurredAt = written.AddMilliseconds(1) }));
    }

    [Fact]
    public void TheUnkeyedRuleOfBeforeKeysIsUnchanged()
    {
        // A row as the trail wrote it before keys (the SHA-256 of its length-prefixed fields): it must still verify by that rule.
        var record = new AuditRecord(DateTimeOffset.UnixEpoch, null, "system", "Unit", "1", "Added", null, "{}");
        const string Written = "17cb3cb8772beeaf0579fe1055c81de7bd32035db7c3f0efb057d66371049511";

        Assert.Equal(Written, AuditChain.ComputeHash(AuditChain.Genesis, record));
        Assert.Null(Verify([new StoredAuditRow(1, record, null, AuditChain.Genesis, Written)]).Finding);
    }
}
