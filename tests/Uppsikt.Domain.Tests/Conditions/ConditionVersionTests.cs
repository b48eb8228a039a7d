using CsCheck;
using Uppsikt.Domain.Conditions;

namespace Uppsikt.Domain.Tests.Conditions;

public sealed class ConditionVersionTests
{
    private static readonly DateOnly Origin = new(2020, 1, 1);

    private static ConditionVersion Version(int number, DateOnly validFrom) =>
        new() { Number = number, ValidFrom = validFrom, Title = $"Version {number}", Text = "Text" };

    [Fact]
    public void TheVersionInForceIsTheLatestStartedOnOrBeforeTheDate()
    {
        var first = Version(1, new DateOnly(2021, 4, 12));
        var second = Version(2, new DateOnly(2024, 1, 1));
        ConditionVersion[] versions = [second, first];

        Assert.Null(ConditionVersions.InForce(versions, new DateOnly(2021, 4, 11)));
        Assert.Same(first, ConditionVersions.InForce(versions, new DateOnly(2021, 4, 12)));
        Assert.Same(first, ConditionVersions.InForce(versions, new DateOnly(2023, 12, 31)));
        Assert.Same(second, ConditionVersions.InForce(versions, new DateOnly(2024, 1, 1)));
        Assert.Same(second, ConditionVersions.InForce(versions, new DateOnly(2030, 6, 1)));
    }

    [Fact]
    public void ForAnyVersionsAndDateTheResolvedVersionIsTheLatestNotAfterTheDateAndNoneBeforeTheFirst()
    {
        var cases = Gen.Select(Gen.Int[0, 3000].Array[0, 8], Gen.Int[-10, 3010]);
        cases.Sample((offsets, dateOffset) =>
        {
            var versions = offsets.Select((offset, i) => Version(i + 1, Origin.AddDays(offset))).ToList();
            var date = Origin.AddDays(dateOffset);

            var resolved = ConditionVersions.InForce(versions, date);

            var started = versions.Where(v => v.ValidFrom <= date).ToList();
            if (started.Count == 0)
            {
                Assert.Null(resolved);
                return;
            }
            Assert.NotNull(resolved);
            Assert.True(resolved.ValidFrom <= date);
            Assert.Equal(started.Max(v => v.ValidFrom), resolved.ValidFrom);
            Assert.Equal(started.Where(v => v.ValidFrom == resolved.ValidFrom).Max(v => v.Number), resolved.Number);
        });
    }

    [Fact]
    public void ANewVersionGetsTheNextNumberAndMustStartAfterTheLatest()
    {
        var condition = new Condition { Code = "A.1" };
        Assert.Null(condition.AddVersion(Version(0, new DateOnly(2021, 4, 12))));
        Assert.Null(condition.AddVersion(Version(0, new DateOnly(2024, 1, 1))));

        var sameDay = condition.AddVersion(Version(0, new DateOnly(2024, 1, 1)));
        var earlier = condition.AddVersion(Version(0, new DateOnly(2023, 1, 1)));

        Assert.Equal([1, 2], condition.Versions.Select(v => v.Number));
        Assert.Contains("senare datum", sameDay?.Message, StringComparison.Ordinal);
        Assert.Equal((RefusalKind.Invalid, "ValidFrom"), (sameDay!.Kind, sameDay.Field));
        Assert.NotNull(earlier);
        Assert.Equal(2, condition.VersionOn(new DateOnly(2025, 1, 1))?.Number);
    }
}
