using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.Register;

public sealed class ChoiceSystemTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    [Theory]
    [InlineData(null, false)]
    [InlineData(1, false)]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    public void IsPhasedOutFromThePhaseOutDayOn(int? daysFromToday, bool expected)
    {
        var choice = new ChoiceSystem { Name = "Hemtjänst", PhasedOutOn = daysFromToday is { } days ? Today.AddDays(days) : null };

        Assert.Equal(expected, choice.IsPhasedOut(Today));
    }

    public static TheoryData<string?, string[]> KoladaTypes => new()
    {
        { null, [] },
        { "", [] },
        { " , ,", [] },
        { "V21", ["V21"] },
        { " V21, V23 ,,V25 ", ["V21", "V23", "V25"] },
    };

    [Theory]
    [MemberData(nameof(KoladaTypes))]
    public void KoladaUnitTypeListSplitsTrimsAndDropsEmptyEntries(string? types, string[] expected)
    {
        var choice = new ChoiceSystem { Name = "Särskilt boende", KoladaUnitTypes = types };

        Assert.Equal(expected, choice.KoladaUnitTypeList());
    }
}
