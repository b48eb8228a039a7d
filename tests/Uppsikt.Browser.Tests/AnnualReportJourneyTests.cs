namespace Uppsikt.Browser.Tests;

/// <summary>
/// The annual report through the pages only: the quality developer writes a draft's narrative and submits it to the committee after
/// a confirmation, and a committee member reads its committee's decided report from the menu, with its charts, their tables, the
/// Word file and the print version.
/// </summary>
public sealed class AnnualReportJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static int LastYear => TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year - 1;

    [Fact]
    public async Task The_quality_developer_submits_a_report_and_a_committee_member_reads_its_committee_s_decided_one()
    {
        // The demo's draft for the social committee: written, then submitted after a confirmation.
        var developer = await SignedInAsync("kvalitet@uppsikt.example");
        await developer.GotoAsync($"/AnnualReports?Year={LastYear}");
        await developer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Socialnämnden" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(developer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Årsrapport {LastYear} – Socialnämnden");
        await AssertAccessibleAsync(developer);
        await developer.GetByRole(AriaRole.Textbox, new() { Name = "Förslag till nämnden" }).FillAsync("");
        await developer.GetByRole(AriaRole.Button, new() { Name = "Spara texten" }).ClickAsync();
        await developer.GetByRole(AriaRole.Button, new() { Name = "Lämna till nämnden …" }).ClickAsync();
        await developer.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och lämna till nämnden" }).ClickAsync();
        await Expect(developer.Locator("#error-summary")).ToContainTextAsync("Skriv förslagen till nämnden");
        await AssertAccessibleAsync(developer);
        await developer.GetByRole(AriaRole.Textbox, new() { Name = "Förslag till nämnden" }).FillAsync("1. Socialnämnden godkänner årsrapporten (fiktivt).");
        await developer.GetByRole(AriaRole.Button, new() { Name = "Spara texten" }).ClickAsync();
        await Expect(developer.GetByText("Texten är sparad.")).ToBeVisibleAsync();
        await developer.GetByRole(AriaRole.Button, new() { Name = "Lämna till nämnden …" }).ClickAsync();
        await Expect(developer.GetByRole(AriaRole.Heading, new() { Name = "Bekräfta att rapporten lämnas till nämnden" })).ToBeVisibleAsync();
        await developer.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och lämna till nämnden" }).ClickAsync();
        await Expect(developer.GetByText("Rapporten är lämnad till nämnden.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(developer.Locator("dl.facts")).ToContainTextAsync("Lämnad till nämnden");
        await Expect(developer.GetByRole(AriaRole.Button, new() { Name = "Spara texten" })).ToHaveCountAsync(0);

        // The committee member finds the decided report from the menu and reads it.
        var member = await SignedInAsync("ledamot@uppsikt.example");
        await member.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Årsrapporter" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Årsrapporter", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(member);
        await Expect(member.Locator("main table tbody tr")).ToHaveCountAsync(1);
        await member.Locator("main table tbody a").ClickAsync();
        await Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Årsrapport {LastYear} – Äldrenämnden");
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Nämndens beslut" })).ToBeVisibleAsync();
        var chart = member.GetByRole(AriaRole.Img, new() { Name = $"Granskningar {LastYear}: planerade och genomförda per kundval" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(member.Locator("table caption", new() { HasText = $"Granskningar {LastYear}: planerade och genomförda per kundval, som tabell" })).ToBeVisibleAsync();
        await Expect(member.GetByText("Färre än 5 svar").First).ToBeVisibleAsync();
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Spara texten" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(member);

        var download = await member.RunAndWaitForDownloadAsync(() => member.GetByRole(AriaRole.Link, new() { Name = "Ladda ned som Word" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.True(file.Length > 1000 && file[0] == (byte)'P' && file[1] == (byte)'K', $"Not a Word document ({file.Length} bytes).");

        await member.GetByRole(AriaRole.Link, new() { Name = "Utskriftsvänlig version" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Årsrapport {LastYear} – Äldrenämnden");
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Förslag till nämnden" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(member);
    }
}
