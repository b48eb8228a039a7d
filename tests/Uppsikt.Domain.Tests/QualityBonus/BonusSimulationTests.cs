using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.QualityBonus;

public sealed class BonusSimulationTests
{
    private const int MinimumAnswers = 5;

    private static readonly BonusIndicator Satisfaction = new(Guid.NewGuid(), "Nöjdhet", Direction.HigherIsBetter);
    private static readonly BonusIndicator Waiting = new(Guid.NewGuid(), "Väntetid", Direction.LowerIsBetter);

    private static readonly BonusUnit A = new(Guid.NewGuid(), "A", "Kommunen", Ownership.InHouse, 10);
    private static readonly BonusUnit B = new(Guid.NewGuid(), "B", "Omsorg AB", Ownership.Private, 20);
    private static readonly BonusUnit C = new(Guid.NewGuid(), "C", "Omsorg AB", Ownership.Private, 5);
    private static readonly BonusUnit D = new(Guid.NewGuid(), "D", "Stiftelsen", Ownership.NonProfit, null);
    private static readonly BonusUnit[] Units = [A, B, C, D];

    // Satisfaction (higher is better): A 90 (n 30), B 80 (n 40), C 85 from 3 answers (suppressed at 5), D 95 (n 10).
    // Waiting days (lower is better, no count of answers): A 10, B 5, C 5, D 20 → ranks B 1, C 1, A 3, D 4.
    private static readonly BonusResult[] Results =
    [
        new(Satisfaction.Id, A.Id, 90, 30), new(Satisfaction.Id, B.Id, 80, 40), new(Satisfaction.Id, C.Id, 85, 3), new(Satisfaction.Id, D.Id, 95, 10),
        new(Waiting.Id, A.Id, 10, null), new(Waiting.Id, B.Id, 5, null), new(Waiting.Id, C.Id, 5, null), new(Waiting.Id, D.Id, 20, null),
    ];

    private static BonusCriterionParameters Criterion(BonusIndicator indicator, BonusRule rule, double limit, decimal amount) => new(indicator, rule, limit, amount);

    private static BonusParameters Model(decimal ceiling, params BonusCriterionParameters[] criteria) => new(BonusBasis.PerPlace, null, ceiling, criteria);

    // Threshold 85 at 100 kr per place: A 90 ≥ 85 → 100 · 10 = 1 000; B 80 → 0; C too few answers → 0; D meets it but has no places → 0.
    [Fact]
    public void AThresholdHigherIsBetterPaysPerPlaceAndSkipsTooFewAnswers()
    {
        var run = BonusSimulation.Run(Model(10_000, Criterion(Satisfaction, BonusRule.Threshold, 85, 100)), 2025, Units, Results, MinimumAnswers);

        Assert.Equal([1000m, 0m, 0m, 0m], run.Units.Select(u => u.Total));
        Assert.Equal([BonusVerdict.Met, BonusVerdict.NotMet, BonusVerdict.TooFewAnswers, BonusVerdict.Met], run.Units.Select(u => u.Criteria[0].Verdict));
        Assert.Equal(1000m, run.All.Total);
        Assert.Equal(1, run.All.UnitsPaid);
    }

    // Lower is better, threshold 7: 5 and 7 reach it (equal counts), 8 does not.
    [Theory]
    [InlineData(5, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void AThresholdLowerIsBetterIsReachedAtOrBelowIt(double value, bool met)
    {
        var run = BonusSimulation.Run(Model(10_000, Criterion(Waiting, BonusRule.Threshold, 7, 1)), 2025, [A], [new(Waiting.Id, A.Id, value, null)], MinimumAnswers);

        Assert.Equal(met ? BonusVerdict.Met : BonusVerdict.NotMet, run.Units[0].Criteria[0].Verdict);
        Assert.Equal(met ? 10m : 0m, run.Units[0].Total);
    }

    // Best 1 on waiting days: B and C tie at 5 days, rank 1 each, so both are paid (50 · 20 = 1 000 and 50 · 5 = 250); A is rank 3, D rank 4.
    [Fact]
    public void TiedUnitsShareARankAndATieAtTheBoundaryPaysEveryTiedUnit()
    {
        var run = BonusSimulation.Run(Model(10_000, Criterion(Waiting, BonusRule.BestCount, 1, 50)), 2025, Units, Results, MinimumAnswers);

        Assert.Equal([3, 1, 1, 4], run.Units.Select(u => u.Criteria[0].Rank));
        Assert.Equal([0m, 1000m, 250m, 0m], run.Units.Select(u => u.Total));
    }

    // Best 30 % of satisfaction: C is suppressed, so three units are ranked (D 95, A 90, B 80); 30 % of 3 = 0.9, rounded up to 1: only D,
    // which has no places. Best 50 %: 1.5 → 2, D and A; A gets 100 · 10 = 1 000.
    [Theory]
    [InlineData(30, 0)]
    [InlineData(50, 1000)]
    public void TheBestShareIsOfTheRankedUnitsRoundedUp(double percent, int paid)
    {
        var run = BonusSimulation.Run(Model(10_000, Criterion(Satisfaction, BonusRule.BestShare, percent, 100)), 2025, Units, Results, MinimumAnswers);

        Assert.Equal(paid, run.All.Total);
        Assert.Null(run.Units.Single(u => u.Unit == C).Criteria[0].Rank);
    }

    // Both criteria with a ceiling of 800: A 1 000 → 800, B 1 000 → 800, C 250. All 1 850 from 3 units paid; in-house A 800 on 10 places
    // (80 per place); the others 1 050 on 25 places (42 per place); Omsorg AB 1 050.
    [Fact]
    public void TheCeilingCapsEachUnitAndTheSumsSplitByProviderAndOwnership()
    {
        var run = BonusSimulation.Run(
            Model(800, Criterion(Satisfaction, BonusRule.Threshold, 85, 100), Criterion(Waiting, BonusRule.BestCount, 1, 50)), 2025, Units, Results, MinimumAnswers);

        Assert.Equal([800m, 800m, 250m, 0m], run.Units.Select(u => u.Total));
        Assert.True(run.Units[0].Capped);
        Assert.Equal(1000m, run.Units[0].Uncapped);
        Assert.Equal(1850m, run.All.Total);
        Assert.Equal(3, run.All.UnitsPaid);
        Assert.Equal((800m, 10, 80m), (run.InHouse.Total, run.InHouse.Places, run.InHouse.PerPlace!.Value));
        Assert.Equal((1050m, 25, 42m), (run.Others.Total, run.Others.Places, run.Others.PerPlace!.Value));
        Assert.Equal(1050m, run.Providers.Single(p => p.Name == "Omsorg AB").Total);
    }

    // Per hour: 10 places · 1 600 hours · 2 kr = 32 000, capped at 25 000.
    [Fact]
    public void PerHourPaysPlacesTimesTheStatedHours()
    {
        var model = new BonusParameters(BonusBasis.PerHour, 1600, 25_000, [Criterion(Satisfaction, BonusRule.Threshold, 85, 2)]);

        var run = BonusSimulation.Run(model, 2025, [A], Results, MinimumAnswers);

        Assert.Equal(16_000m, run.Units[0].Volume);
        Assert.Equal(32_000m, run.Units[0].Uncapped);
        Assert.Equal(25_000m, run.Units[0].Total);
    }

    // Threshold 85: −10 % → 76.5, A and B met (1 000 + 2 000); −5 % → 80.75, A; +5 % → 89.25, A; +10 % → 93.5, none with places.
    [Fact]
    public void SensitivityMovesEveryThreshold()
    {
        var rows = BonusSimulation.Sensitivity(Model(10_000, Criterion(Satisfaction, BonusRule.Threshold, 85, 100)), 2025, Units, Results, MinimumAnswers);

        Assert.Equal([1000m, 3000m, 1000m, 1000m, 0m], rows.Select(r => r.Total));
        Assert.Equal([1, 2, 1, 1, 0], rows.Select(r => r.UnitsPaid));
    }

    // Best 1 on waiting days pays B and C; best 2 (N + 1) the same two, who share rank 1 (1 250); N − 1 stays at 1.
    [Fact]
    public void SensitivityMovesEveryBestNByOne()
    {
        var rows = BonusSimulation.Sensitivity(Model(10_000, Criterion(Waiting, BonusRule.BestCount, 2, 50)), 2025, Units, Results, MinimumAnswers);

        Assert.Equal(["Modellen som den är", "De N bästa −1", "De N bästa +1"], rows.Select(r => r.Change));
        Assert.Equal([1250m, 1250m, 1750m], rows.Select(r => r.Total));
    }

    [Fact]
    public void HistoryRunsEveryYearOldestFirst()
    {
        var model = Model(10_000, Criterion(Satisfaction, BonusRule.Threshold, 85, 100));
        var years = new Dictionary<int, IReadOnlyList<BonusResult>> { [2025] = Results, [2024] = [new(Satisfaction.Id, B.Id, 86, 40)] };

        var history = BonusSimulation.History(model, Units, years, MinimumAnswers);

        Assert.Equal([2024, 2025], history.Select(h => h.Year));
        Assert.Equal([2000m, 1000m], history.Select(h => h.All.Total));
    }
}
