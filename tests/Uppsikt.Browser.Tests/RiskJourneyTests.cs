namespace Uppsikt.Browser.Tests;

/// <summary>
/// Risk through the pages only: the quality developer sets a weight (a weight out of bounds is refused) and reads the explained
/// ranking and a unit's contributions; the group manager proposes next year's selection within the hours given and accepts it,
/// which plans the reviews. Every page passes the accessibility scan.
/// </summary>
public sealed class RiskJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Committee = "Äldrenämnden";

    [Fact]
    public async Task Weights_explain_the_ranking_and_the_year_s_selection_becomes_planned_reviews()
    {
        // The quality developer opens the ranking of the elderly committee from the menu.
        var developer = await SignedInAsync("kvalitet@uppsikt.example");
        await developer.GotoAsync("/");
        await developer.GetByRole(AriaRole.Link, new() { Name = "Risker och årets urval" }).First.ClickAsync();
        await developer.GetByLabel("Nämnd").SelectOptionAsync(new SelectOptionValue { Label = Committee });
        await developer.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Expect(developer.GetByRole(AriaRole.Heading, new() { Name = $"Rangordning i {Committee}" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(developer);

        // A weight out of bounds is refused by its field; a good one is saved.
        await developer.GetByRole(AriaRole.Link, new() { Name = "Vikter" }).ClickAsync();
        await AssertAccessibleAsync(developer);
        var weight = developer.GetByLabel("Öppna brister", new() { Exact = true });
        await weight.FillAsync("150");
        await developer.GetByRole(AriaRole.Button, new() { Name = "Spara vikterna" }).ClickAsync();
        await Expect(developer.Locator("#error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(developer);
        await developer.GetByLabel("Öppna brister", new() { Exact = true }).FillAsync("12");
        await developer.GetByRole(AriaRole.Button, new() { Name = "Spara vikterna" }).ClickAsync();
        await Expect(developer.GetByText($"Vikterna för {Committee} är sparade.", new() { Exact = false })).ToBeVisibleAsync();

        // The highest-ranked unit's page lists each contribution with the new weight, and the sum.
        await developer.GetByRole(AriaRole.Link, new() { Name = "← Risker och årets urval" }).ClickAsync();
        await developer.Locator("main table tbody a").First.ClickAsync();
        await Expect(developer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Riskpoäng för");
        var row = developer.Locator("main table tbody tr", new() { Has = developer.GetByRole(AriaRole.Rowheader, new() { Name = "Öppna brister" }) });
        await Expect(row).ToContainTextAsync("12");
        await Expect(developer.Locator("main table tfoot")).ToContainTextAsync("Summa");
        await AssertAccessibleAsync(developer);

        // The group manager proposes next year's selection and accepts it.
        var manager = await SignedInAsync("gruppchef@uppsikt.example");
        await manager.GotoAsync("/Risk/Selection");
        await manager.GetByLabel("Nämnd").SelectOptionAsync(new SelectOptionValue { Label = Committee });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await manager.GetByLabel("Centrala enheten").FillAsync("80");
        await manager.GetByLabel("Frö för stickprovet").FillAsync("2027");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Föreslå urval" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Förslag" })).ToBeVisibleAsync();
        await Expect(manager.Locator("main")).ToContainTextAsync("frö 2027");
        await AssertAccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Anta urvalet") }).ClickAsync();
        await Expect(manager.GetByText("är antaget och granskningarna är planerade", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Antaget urval") })).ToBeVisibleAsync();
        await AssertAccessibleAsync(manager);

        // Each selected unit links to its planned review.
        await manager.Locator("main table").Last.Locator("a[href^='/Reviews/Details']").First.ClickAsync();
        await Expect(manager.Locator("main")).ToContainTextAsync("Riskbaserat urval");
    }
}
