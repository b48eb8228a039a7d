using CsCheck;
using Uppsikt.Domain.Evidence;

namespace Uppsikt.Domain.Tests.Evidence;

public sealed class ResultStatisticsTests
{
    private const double Precision = 0.005;

    // Wilson: with z = 1.96 (z² = 3.8415), centre = (p + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²).
    // p = 0.8, n = 50:  1 + z²/n = 1.07683; centre = 0.83841 / 1.07683 = 0.77860; half = 1.82013 · √(0.0032 + 0.00038415) = 0.10897
    //                   → [0.6696, 0.8876], in per cent [66.96, 88.76].
    // p = 0.5, n = 100: 1 + z²/n = 1.03841; centre = 0.5; half = 1.88746 · √(0.0025 + 0.000096) = 0.09617 → [40.38, 59.62].
    // p = 0, n = 10:    1 + z²/n = 1.38415; centre = 0.19207 / 1.38415 = 0.13877; half = 1.41602 · √(0.0096037) = 0.13877
    //                   → [0, 0.2775]: not the plain interval's zero width at 0 %.
    // p = 1, n = 4:     1 + z²/n = 1.96036; centre = 1.48018 / 1.96036 = 0.75505; half = 0.99980 · √(0.060023) = 0.24495 → [0.5101, 1].
    [Theory]
    [InlineData(80, 50, 66.96, 88.76)]
    [InlineData(50, 100, 40.38, 59.62)]
    [InlineData(0, 10, 0, 27.75)]
    [InlineData(100, 4, 51.01, 100)]
    public void AShareGetsWilsonsScoreIntervalAsComputedByHand(double percent, int answers, double low, double high)
    {
        var interval = ResultStatistics.ShareInterval(percent, answers)!.Value;

        Assert.Equal(low, interval.Low, Precision);
        Assert.Equal(high, interval.High, Precision);
    }

    [Theory]
    [InlineData(80, null)]
    [InlineData(80, 0)]
    [InlineData(-1, 50)]
    [InlineData(100.5, 50)]
    [InlineData(double.NaN, 50)]
    public void AShareWithoutAnswersOrOutsideZeroToHundredHasNoInterval(double percent, int? answers) =>
        Assert.Null(ResultStatistics.ShareInterval(percent, answers));

    // Mean 3.2 with standard deviation 1.0 from n = 25: half-width = 1.96 · 1.0 / √25 = 0.39199 → [2.808, 3.592].
    [Fact]
    public void AMeanWithItsSpreadGetsTheNormalIntervalAndOneWithoutItGetsNone()
    {
        var interval = ResultStatistics.MeanInterval(3.2, 1.0, 25)!.Value;
        Assert.Equal(2.808, interval.Low, Precision);
        Assert.Equal(3.592, interval.High, Precision);

        Assert.Null(ResultStatistics.MeanInterval(3.2, null, 25));
        Assert.Null(ResultStatistics.MeanInterval(3.2, 1.0, 1));
        Assert.Null(ResultStatistics.MeanInterval(3.2, 1.0, null));
        Assert.Null(ResultStatistics.IntervalOf(ResultScale.Mean, new ResultWithBase(3.2, 25)));
        Assert.Equal(interval, ResultStatistics.IntervalOf(ResultScale.Mean, new ResultWithBase(3.2, 25, 1.0)));
    }

    // 80 % of 50 is [66.96, 88.76] and 60 % of 50 is [46.18, 72.39]: 20 points apart, yet the intervals overlap.
    // 80 % of 400 is [75.80, 83.63] and 60 % of 400 is [55.13, 64.68]: apart, so the first is higher.
    [Fact]
    public void ADifferenceIsClaimedOnlyWhenTheIntervalsDoNotOverlap()
    {
        ConfidenceInterval? Share(double percent, int answers) => ResultStatistics.ShareInterval(percent, answers);

        Assert.Equal(ComparisonVerdict.NoCertainDifference, ResultStatistics.Compare(Share(80, 50), Share(60, 50)));
        Assert.Equal(ComparisonVerdict.Higher, ResultStatistics.Compare(Share(80, 400), Share(60, 400)));
        Assert.Equal(ComparisonVerdict.Lower, ResultStatistics.Compare(Share(60, 400), Share(80, 400)));
        Assert.Equal(ComparisonVerdict.NoCertainDifference, ResultStatistics.Compare(Share(80, 400), null));
        Assert.Equal(ComparisonVerdict.NoCertainDifference, ResultStatistics.Compare(new ConfidenceInterval(1, 2), new ConfidenceInterval(2, 3)));
    }

    [Fact]
    public void AResultFromFewerThanTheMinimumNumberOfAnswersIsSuppressedAndOneWithoutANumberIsNot()
    {
        Assert.Equal(5, ResultStatistics.DefaultMinimumAnswers);
        Assert.True(ResultStatistics.IsSuppressed(4, 5));
        Assert.False(ResultStatistics.IsSuppressed(5, 5));
        Assert.True(ResultStatistics.IsSuppressed(0, 5));
        Assert.False(ResultStatistics.IsSuppressed(null, 5));
    }

    // 80 % of 40 and 60 % of 10: (0.8 · 40 + 0.6 · 10) / 50 = 38 / 50 = 76 % of 50.
    // Means 3 and 5, each with standard deviation 1 from 10 answers: pooled mean 4; sum of squares
    // 9 · 1 + 10 · (3 − 4)² + 9 · 1 + 10 · (5 − 4)² = 38, over 19 = 2, so the pooled standard deviation is √2.
    [Fact]
    public void PoolingSumsTheAnswersAndWeightsEachValueByItsAnswers()
    {
        var share = ResultStatistics.Pool([new(80, 40), new(60, 10), new(10, null)])!;
        Assert.Equal(76, share.Value, 1e-9);
        Assert.Equal(50, share.Answers);
        Assert.Null(share.StandardDeviation);

        var mean = ResultStatistics.Pool([new(3, 10, 1), new(5, 10, 1)])!;
        Assert.Equal((4, 20), (mean.Value, mean.Answers));
        Assert.Equal(Math.Sqrt(2), mean.StandardDeviation!.Value, 1e-9);

        Assert.Null(ResultStatistics.Pool([new(80, null), new(70, 0)]));
    }

    private static readonly Gen<double> Percent = Gen.Double[0, 100];

    [Fact]
    public void AShareIntervalContainsTheShareAndLiesWithinZeroToHundred() =>
        Gen.Select(Percent, Gen.Int[1, 1_000_000]).Sample((percent, answers) =>
        {
            var interval = ResultStatistics.ShareInterval(percent, answers)!.Value;
            Assert.True(interval.Contains(percent), $"{interval} does not contain {percent}");
            Assert.InRange(interval.Low, 0, 100);
            Assert.InRange(interval.High, interval.Low, 100);
        }, iter: 5000);

    [Fact]
    public void AShareIntervalNarrowsAsTheAnswersGrow() =>
        Gen.Select(Percent, Gen.Int[1, 100_000], Gen.Int[1, 1_000]).Sample((percent, answers, more) =>
        {
            var fewer = ResultStatistics.ShareInterval(percent, answers)!.Value;
            var many = ResultStatistics.ShareInterval(percent, answers + more)!.Value;
            Assert.True(many.High - many.Low < fewer.High - fewer.Low, $"{many} is not narrower than {fewer}");
        }, iter: 5000);

    [Fact]
    public void SuppressionHoldsExactlyBelowTheMinimum() =>
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[1, 100]).Sample((answers, minimum) =>
            Assert.Equal(answers < minimum, ResultStatistics.IsSuppressed(answers, minimum)), iter: 5000);

    [Fact]
    public void AVerdictNeverClaimsADifferenceBetweenOverlappingIntervalsAndReadsTheSameBothWays()
    {
        var interval = Gen.Select(Gen.Double[0, 100], Gen.Double[0, 30], (low, width) => new ConfidenceInterval(low, low + width));
        Gen.Select(interval, interval).Sample((a, b) =>
        {
            var verdict = ResultStatistics.Compare(a, b);
            Assert.Equal(a.Overlaps(b), verdict == ComparisonVerdict.NoCertainDifference);
            var reverse = ResultStatistics.Compare(b, a);
            Assert.Equal(verdict switch { ComparisonVerdict.Higher => ComparisonVerdict.Lower, ComparisonVerdict.Lower => ComparisonVerdict.Higher, _ => ComparisonVerdict.NoCertainDifference }, reverse);
        }, iter: 5000);
    }

    [Fact]
    public void APooledShareLiesBetweenItsPartsAndCountsAllTheirAnswers() =>
        Gen.Select(Percent, Gen.Int[1, 10_000]).Array[1, 20].Sample(parts =>
        {
            var pooled = ResultStatistics.Pool(parts.Select(p => new ResultWithBase(p.Item1, p.Item2)))!;
            Assert.Equal(parts.Sum(p => p.Item2), pooled.Answers);
            Assert.InRange(pooled.Value, parts.Min(p => p.Item1) - 1e-9, parts.Max(p => p.Item1) + 1e-9);
        }, iter: 2000);
}
