using Uppsikt.Domain.QualityBonus;

namespace Uppsikt.Domain.Tests.QualityBonus;

public sealed class BonusModelTests
{
    private static readonly BonusCriterionInput Criterion = new(Guid.NewGuid(), BonusRule.Threshold, 85, 100);

    private static BonusModelInput Valid => new("Hemtjänstbonus", Guid.NewGuid(), BonusBasis.PerHour, 1600, 50_000, [Criterion]);

    [Fact]
    public void AValidModelIsCreatedWithItsCriteriaInOrder()
    {
        var (model, refusals) = BonusModel.Create(Valid with { Criteria = [Criterion, new(Guid.NewGuid(), BonusRule.BestCount, 3, 20)] });

        Assert.Empty(refusals);
        Assert.Equal([1, 2], model!.Criteria.Select(c => c.Position));
        Assert.Equal(1600, model.HoursPerPlace);
    }

    [Fact]
    public void EveryProblemIsToldAtOnceEachByItsField()
    {
        var (model, refusals) = BonusModel.Create(new(" ", null, BonusBasis.PerHour, 9000, 0,
            [new(null, null, null, null), new(Criterion.IndicatorId, BonusRule.BestCount, 1.5, 10), new(Criterion.IndicatorId, BonusRule.BestShare, 120, -1)]));

        Assert.Null(model);
        Assert.Equal(
            ["Name", "ChoiceSystemId", "HoursPerPlace", "CeilingPerUnit", "Criteria[0].IndicatorId", "Criteria[0].Rule", "Criteria[0].Amount",
                "Criteria[1].Limit", "Criteria[2].IndicatorId", "Criteria[2].Limit", "Criteria[2].Amount"],
            refusals.Select(r => r.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void AModelHasOneToTenCriteria(int count)
    {
        var refusals = BonusModel.Check(Valid with { Criteria = [.. Enumerable.Range(0, count).Select(_ => Criterion with { IndicatorId = Guid.NewGuid() })] });

        Assert.Equal("Criteria", Assert.Single(refusals).Field);
    }

    [Fact]
    public void AnEditWithAProblemChangesNothing()
    {
        var model = BonusModel.Create(Valid).Model!;

        var refusals = model.Edit(Valid with { Name = "", CeilingPerUnit = 1 });

        Assert.Single(refusals);
        Assert.Equal(("Hemtjänstbonus", 50_000m), (model.Name, model.CeilingPerUnit));
    }

    [Fact]
    public void PerPlaceKeepsNoHours()
    {
        var model = BonusModel.Create(Valid with { Basis = BonusBasis.PerPlace, HoursPerPlace = 99_999 }).Model!;

        Assert.Null(model.HoursPerPlace);
    }
}
