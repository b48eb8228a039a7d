using CsCheck;
using Uppsikt.Domain.Evidence;

namespace Uppsikt.Domain.Tests.Evidence;

public sealed class IndicatorTests
{
    private static Indicator Make(Direction direction) =>
        new() { Code = "HT-NOJD", Name = "Nöjdhet", UnitOfMeasure = "%", Direction = direction, Source = EvidenceSource.UserSurvey };

    [Theory]
    [InlineData(Direction.HigherIsBetter, 89.9, 90, true)]
    [InlineData(Direction.HigherIsBetter, 90, 90, false)]
    [InlineData(Direction.LowerIsBetter, 12.5, 12, true)]
    [InlineData(Direction.LowerIsBetter, 12, 12, false)]
    public void BelowTargetMeansWorseThanTheTargetInTheIndicatorsDirection(Direction direction, double value, double target, bool expected) =>
        Assert.Equal(expected, Make(direction).IsBelowTarget(value, target));

    [Fact]
    public void AValueIsBelowTargetInExactlyOneDirectionUnlessItMeetsTheTarget() =>
        Gen.Select(Gen.Double[-1000, 1000], Gen.Double[-1000, 1000]).Sample((value, target) =>
        {
            var higher = Make(Direction.HigherIsBetter).IsBelowTarget(value, target);
            var lower = Make(Direction.LowerIsBetter).IsBelowTarget(value, target);
            return value == target ? !higher && !lower : higher != lower;
        });

    [Fact]
    public void TheStrictestTargetIsOneOfTheTargetsAndNoneBelowItIsMetWhileItIs() =>
        Gen.Select(Gen.Double[0, 100].Array[1, 5], Gen.Enum<Direction>()).Sample((targets, direction) =>
        {
            var indicator = Make(direction);
            var strictest = indicator.StrictestTarget(targets)!.Value;
            // A value that meets the strictest target meets every other target too.
            return targets.Contains(strictest) && targets.All(t => !indicator.IsBelowTarget(strictest, t));
        });

    [Fact]
    public void NoTargetsGiveNoTarget() => Assert.Null(Make(Direction.HigherIsBetter).StrictestTarget([]));
}

public sealed class OutcomePeriodTests
{
    [Theory]
    [InlineData("2025", "", "2025")]
    [InlineData(" 2025 ", "  ", "2025")]
    [InlineData("2025", "T2", "2025 T2")]
    [InlineData("2025", "t3", "2025 T3")]
    [InlineData("2025", "3", "2025-03")]
    [InlineData("2025", "M12", "2025-12")]
    [InlineData("2025", "01", "2025-01")]
    public void ReadsAYearATertialOrAMonth(string year, string part, string expected) =>
        Assert.Equal(expected, OutcomePeriod.Parse(year, part)?.ToString());

    [Theory]
    [InlineData("tjugo", "")]
    [InlineData("1989", "")]
    [InlineData("2101", "")]
    [InlineData("2025", "T4")]
    [InlineData("2025", "T0")]
    [InlineData("2025", "13")]
    [InlineData("2025", "0")]
    [InlineData("2025", "Q1")]
    [InlineData("-2025", "")]
    public void RefusesAnythingElse(string year, string part) => Assert.Null(OutcomePeriod.Parse(year, part));

    /// <summary>By start month; of two starting together (T2 and May) the longer comes first.</summary>
    [Fact]
    public void PeriodsSortByWhenTheyStart()
    {
        OutcomePeriod[] periods = [new(2025, PeriodKind.Month, 5), OutcomePeriod.WholeYear(2025), new(2024, PeriodKind.Tertial, 3), new(2025, PeriodKind.Tertial, 2)];

        Assert.Equal(["2024 T3", "2025", "2025 T2", "2025-05"], periods.Order().Select(p => p.ToString()));
    }

    [Fact]
    public void EveryPeriodReadsBackAsItIsWritten() =>
        Gen.Select(Gen.Int[OutcomePeriod.FirstYear, OutcomePeriod.LastYear], Gen.Int[0, 15]).Sample((year, code) =>
        {
            var period = code == 0 ? OutcomePeriod.WholeYear(year) : code <= 3 ? new OutcomePeriod(year, PeriodKind.Tertial, code) : new OutcomePeriod(year, PeriodKind.Month, code - 3);
            var part = period.Kind switch { PeriodKind.Tertial => $"T{period.Number}", PeriodKind.Month => period.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => "" };
            return OutcomePeriod.Parse(year.ToString(System.Globalization.CultureInfo.InvariantCulture), part) == period;
        });
}
