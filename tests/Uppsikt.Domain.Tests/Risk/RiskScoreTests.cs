using CsCheck;
using Uppsikt.Domain.Risk;
using static Uppsikt.Domain.Risk.RiskSignalKind;

namespace Uppsikt.Domain.Tests.Risk;

public sealed class RiskScoreTests
{
    private static readonly Guid Unit = Guid.CreateVersion7();

    private static RiskSignal Signal(RiskSignalKind kind, decimal magnitude, Guid? unit = null, string description = "Fiktiv signal") =>
        new(unit ?? Unit, kind, magnitude, description);

    [Fact]
    public void Three_signals_add_up_to_their_weighted_points_largest_first()
    {
        // 2 open deficiencies × 8 = 16.0; 0.35 serious complaints per ten places × 10 = 3.5; 1.25 other complaints × 2 = 2.5.
        var weights = new Dictionary<RiskSignalKind, decimal> { [OpenDeficiencies] = 8m, [SeriousComplaints] = 10m, [OtherComplaints] = 2m };
        RiskSignal[] signals = [Signal(OtherComplaints, 1.25m), Signal(OpenDeficiencies, 2m), Signal(SeriousComplaints, 0.35m)];

        var score = RiskScorer.Score(signals, k => weights[k])[Unit];

        Assert.Equal(22.0m, score.Total);
        Assert.Equal([(OpenDeficiencies, 8m, 16.0m), (SeriousComplaints, 10m, 3.5m), (OtherComplaints, 2m, 2.5m)],
            score.Contributions.Select(c => (c.Signal.Kind, c.Weight, c.Points)));
        Assert.Equal(signals[1], score.Contributions[0].Signal);
    }

    [Theory]
    [InlineData(3, 0.15, 0.5)]
    [InlineData(3, 0.05, 0.2)]
    [InlineData(2.5, 0.33, 0.8)]
    [InlineData(0.1, 0.3, 0.0)]
    [InlineData(100, 7, 700)]
    public void Points_are_rounded_to_one_decimal_half_away_from_zero(decimal weight, decimal magnitude, decimal points) =>
        Assert.Equal(points, RiskScorer.Score([Signal(ResultsBelowTarget, magnitude)], _ => weight)[Unit].Contributions.Single().Points);

    [Fact]
    public void Equal_points_are_listed_by_kind()
    {
        var score = RiskScorer.Score([Signal(SeriousComplaints, 1m), Signal(NewProvider, 1m), Signal(LastReviewResult, 1m)], _ => 10m)[Unit];

        Assert.Equal([LastReviewResult, SeriousComplaints, NewProvider], score.Contributions.Select(c => c.Signal.Kind));
    }

    [Fact]
    public void Signals_of_no_magnitude_or_no_weight_are_left_out_and_a_unit_with_nothing_left_has_no_entry()
    {
        var quiet = Guid.CreateVersion7();
        var weights = new Dictionary<RiskSignalKind, decimal> { [OpenDeficiencies] = 8m, [NewProvider] = 0m, [ReviewAge] = 5m };

        var scores = RiskScorer.Score(
            [Signal(OpenDeficiencies, 1m), Signal(NewProvider, 1m), Signal(ReviewAge, 0m), Signal(OpenDeficiencies, 0m, quiet), Signal(NewProvider, 1m, quiet)],
            k => weights[k]);

        Assert.Equal([Unit], scores.Keys);
        Assert.Equal(8m, Assert.Single(scores[Unit].Contributions).Points);
        Assert.Empty(RiskScorer.Score([], RiskSignals.DefaultWeight));
    }

    private static readonly Guid[] Units = [.. Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7())];

    private static readonly Gen<RiskSignal> GenSignal =
        Gen.Select(Gen.Int[0, Units.Length - 1], Gen.Enum<RiskSignalKind>(), Gen.Int[-10, 500], Gen.Int[0, 5])
            .Select((unit, kind, hundredths, description) => Signal(kind, hundredths / 100m, Units[unit], $"Signal {description}"));

    private static readonly Gen<Dictionary<RiskSignalKind, decimal>> GenWeights =
        Gen.Int[0, 1000].Select(w => w / 10m).Array[RiskSignals.All.Count].Select(w => RiskSignals.All.Zip(w).ToDictionary(p => p.First, p => p.Second));

    [Fact]
    public void Any_total_is_exactly_the_sum_of_its_listed_points_each_weight_times_magnitude()
    {
        Gen.Select(GenSignal.List[0, 40], GenWeights).Sample((signals, weights) =>
        {
            var scores = RiskScorer.Score(signals, k => weights[k]);
            foreach (var (unit, score) in scores)
            {
                Assert.Equal(unit, score.UnitId);
                Assert.NotEmpty(score.Contributions);
                Assert.Equal(score.Total, score.Contributions.Sum(c => c.Points));
                Assert.All(score.Contributions, c =>
                {
                    Assert.Equal(unit, c.Signal.UnitId);
                    Assert.True(c.Signal.Magnitude > 0 && c.Weight > 0);
                    Assert.Equal(weights[c.Signal.Kind], c.Weight);
                    Assert.True(Math.Abs(c.Points - (c.Weight * c.Signal.Magnitude)) <= 0.05m);
                });
                Assert.Equal(score.Contributions.OrderByDescending(c => c.Points).ThenBy(c => c.Signal.Kind).Select(c => (c.Points, c.Signal.Kind)),
                    score.Contributions.Select(c => (c.Points, c.Signal.Kind)));
            }
            var counted = signals.Where(s => s.Magnitude > 0 && weights[s.Kind] > 0).ToList();
            Assert.Equal(counted.Select(s => s.UnitId).Distinct().Order(), scores.Keys.Order());
            Assert.Equal(counted.Count, scores.Values.Sum(s => s.Contributions.Count));
        });
    }

    // ---------------------------------------------------------------- a committee's weights

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("12.5")]
    [InlineData("7.0")]
    public void A_weight_from_0_to_100_with_at_most_one_decimal_is_allowed(string weight) =>
        Assert.Null(RiskWeight.Check(decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), "Weights[0].Weight"));

    [Theory]
    [InlineData("-0.1")]
    [InlineData("100.1")]
    [InlineData("1.25")]
    [InlineData("-5")]
    public void Any_other_weight_is_refused_naming_its_field(string weight)
    {
        var refusal = RiskWeight.Check(decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), "Weights[3].Weight");

        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Equal("Weights[3].Weight", refusal!.Field);
    }

    [Fact]
    public void A_committees_own_weights_replace_the_defaults_kind_by_kind()
    {
        var committee = Guid.CreateVersion7();

        var weightOf = RiskWeight.WeightsOf([
            new RiskWeight { CommitteeId = committee, Kind = NewProvider, Weight = 0m },
            new RiskWeight { CommitteeId = committee, Kind = OpenDeficiencies, Weight = 12.5m },
        ]);

        Assert.Equal(0m, weightOf(NewProvider));
        Assert.Equal(12.5m, weightOf(OpenDeficiencies));
        Assert.All(RiskSignals.All.Except([NewProvider, OpenDeficiencies]), k => Assert.Equal(RiskSignals.DefaultWeight(k), weightOf(k)));
    }
}
