namespace Uppsikt.Browser.Tests;

/// <summary>
/// A sanction from proposal to the committee's decision and the provider's letter through the pages only: the quality
/// developer proposes one from an action plan, the group manager sends it to the committee, the committee's secretary records
/// the decision, and the provider finds the decision and downloads the letter, while the decision memo stays the municipality's.
/// </summary>
public sealed class SanctionJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // The demo's approved action plan for Omsorgshuset Älta, left without a sanction (src/Uppsikt.Web/Data/DemoSanctions.cs);
    // no other test proposes one.
    private const string Review = "Kvalitetsgranskning Omsorgshuset Hemtjänst Älta";

    private static async Task DownloadsWordAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.True(file.Length > 1000 && file[0] == (byte)'P' && file[1] == (byte)'K', $"{link} is not a Word document ({file.Length} bytes).");
    }

    [Fact]
    public async Task A_sanction_goes_from_proposal_through_the_group_manager_to_the_committee_s_decision_and_the_provider_s_letter()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];

        // The quality developer proposes a sanction from the action plan; a proposal without motivation is refused.
        var developer = await SignedInAsync("kvalitet@uppsikt.example");
        await developer.GotoAsync("/Deficiencies?Search=" + Uri.EscapeDataString(Review));
        await developer.Locator("main table tbody a").First.ClickAsync();
        await developer.GetByRole(AriaRole.Link, new() { Name = "Föreslå sanktion" }).ClickAsync();
        await Expect(developer.GetByRole(AriaRole.Heading, new() { Name = "Föreslå sanktion", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(developer);
        await developer.GetByLabel("Sanktion som föreslås").SelectOptionAsync(new SelectOptionValue { Label = "Varning med åtgärdsplan" });
        await developer.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget till gruppchefen" }).ClickAsync();
        await Expect(developer.Locator("#error-summary")).ToContainTextAsync("Motiveringen måste anges.");
        await developer.GetByLabel("Motivering").FillAsync($"Rutinen för läkemedelshantering saknas fortfarande {marker} (fiktivt).");
        await developer.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget till gruppchefen" }).ClickAsync();
        await Expect(developer.GetByText("Förslaget är registrerat.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(developer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Förslag om varning med åtgärdsplan");
        var sanctionUrl = developer.Url;
        await AssertAccessibleAsync(developer);
        await DownloadsWordAsync(developer, "Hämta tjänsteskrivelsen (Word)");

        // The group manager sends it to the committee.
        var manager = await SignedInAsync("gruppchef@uppsikt.example");
        await manager.GotoAsync(sanctionUrl);
        await AssertAccessibleAsync(manager);
        await manager.GetByLabel("Föreslå nämnden att besluta").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Registrera bedömningen" }).ClickAsync();
        await Expect(manager.GetByText("Bedömningen är registrerad.")).ToBeVisibleAsync();

        // The committee's secretary records the decision; a deadline past six months is refused.
        var secretary = await SignedInAsync("sekreterare@uppsikt.example");
        await secretary.GotoAsync(sanctionUrl);
        await AssertAccessibleAsync(secretary);
        var today = TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        string Day(DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await secretary.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await secretary.GetByLabel("Beslutsdatum").FillAsync(Day(today));
        await secretary.GetByLabel("Paragraf").FillAsync("45");
        await secretary.GetByLabel("Diarienummer").FillAsync("KFKS-2026-01101");
        await secretary.GetByLabel("Tidsfrist för att åtgärda bristerna").FillAsync(Day(today.AddMonths(8)));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Registrera beslutet" }).ClickAsync();
        await Expect(secretary.Locator("#error-summary")).ToContainTextAsync("högst 6 månader fram");
        await secretary.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await secretary.GetByLabel("Beslutsdatum").FillAsync(Day(today));
        await secretary.GetByLabel("Paragraf").FillAsync("45");
        await secretary.GetByLabel("Tidsfrist för att åtgärda bristerna").FillAsync(Day(today.AddMonths(2)));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Registrera beslutet" }).ClickAsync();
        await Expect(secretary.GetByText("Nämndens beslut är registrerat", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(secretary.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Beslut om varning med åtgärdsplan");
        await Expect(secretary.Locator("main")).ToContainTextAsync("Kontrollbesök efter tidsfristen");
        await AssertAccessibleAsync(secretary);

        // The provider finds the decision from the menu and downloads the letter; the memo is not offered.
        var provider = await SignedInAsync("anordnare.omsorgshuset@uppsikt.example");
        await provider.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Beslut om sanktioner" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Beslut om sanktioner", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(provider);
        await provider.GotoAsync(sanctionUrl);
        await Expect(provider.Locator("main")).ToContainTextAsync("§ 45");
        await Expect(provider.Locator("main")).Not.ToContainTextAsync(marker);
        await Expect(provider.GetByRole(AriaRole.Link, new() { Name = "Hämta tjänsteskrivelsen (Word)" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(provider);
        await DownloadsWordAsync(provider, "Hämta beslutsbrevet (Word)");
    }
}
