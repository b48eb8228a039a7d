using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>A quality developer imports indicator results: a file with a bad row is refused with a report, a good one lands on the unit's chart.</summary>
public sealed class IndicatorJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string QualityDeveloper = "kvalitet@uppsikt.example";
    private const string Password = "Uppsikt-demo-2026";
    private const string Unit = "Omsorgshuset Hemtjänst Älta (fiktiv)";

    [Fact]
    public async Task Quality_developer_fixes_a_refused_file_and_sees_the_result_on_the_units_chart()
    {
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(QualityDeveloper, Password);

        var import = new IndicatorImportPage(page);
        await import.OpenFromIndicatorsAsync();
        await AssertAccessibleAsync(page);

        await import.UploadAsync("brukarundersokning.csv", $"indikator;enhet;år;värde\nHT-NOJD;{Unit};2030;93,5\nHT-NOJD;{Unit};2030;nittio\n");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Filen lästes inte in" })).ToBeVisibleAsync();
        await Expect(import.Problems).ToHaveCountAsync(1);
        await Expect(import.Problems.First).ToContainTextAsync("3");
        await Expect(import.Problems.First).ToContainTextAsync("Värdet ”nittio” är inte ett tal");
        await AssertAccessibleAsync(page);

        await import.OpenFromIndicatorsAsync();
        await import.UploadAsync("brukarundersokning-rattad.csv", $"indikator;enhet;år;värde\nHT-NOJD;{Unit};2030;93,5\nHT-NOJD;{Unit};2031;88\n");
        await Expect(page.Locator("main .notice[role=status]")).ToContainTextAsync("2 nya");
        await AssertAccessibleAsync(page);

        var units = new UnitListPage(page);
        await units.OpenFromMenuAsync();
        await units.SearchAsync("Älta");
        await units.OpenUnitAsync(Unit);
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Brukarbedömning hemtjänst – helhetssyn: enhetens värde över tid jämfört med målvärde och kommunens snitt" });
        await Expect(chart).ToBeVisibleAsync();
        var table = page.Locator("table.chart-data", new() { Has = page.Locator("caption", new() { HasText = "Brukarbedömning hemtjänst – helhetssyn" }) });
        await Expect(table.Locator("tr", new() { HasText = "2030" })).ToContainTextAsync("93,5");
        await Expect(table.Locator("tr", new() { HasText = "2031" })).ToContainTextAsync("Under mål");
        await AssertAccessibleAsync(page);
    }
}
