using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Uppsikt.Browser.Tests;

/// <summary>
/// WCAG 1.4.10 (reflow): every page a role opens fits the window at a laptop's 1,366 px and a phone's 390 px, without
/// scrolling sideways. A wide data table scrolls inside its own box, which the keyboard can reach.
/// </summary>
public sealed partial class PageWidthTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly int[] Widths = [1366, 390];

    /// <summary>Links that download a file rather than open a page.</summary>
    [GeneratedRegex("download|/files/|/api/|/Reviews/Documents/", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    [Fact]
    public async Task Every_page_the_quality_developer_opens_fits_the_window()
    {
        var page = await SignedInAsync("kvalitet@uppsikt.example");
        var paths = await MenuLinksAsync(page);
        paths.AddRange(
        [
            "/Evidence/Complaints/Summary", "/Evidence/Complaints", "/Evidence/Incidents", "/Evidence/Observations", "/Evidence/Indicators",
            "/Evidence/Indicators/EqualTerms",
            "/Register/Providers", "/Register/Units", "/Register/ChoiceSystems", "/Register/Committees", "/Register/Authorisations",
            "/Conditions", "/Plans", "/QualityReports/Reports", "/QualityReports/Templates", "/QualityReports/Templates/Checklists", "/Cycle",
            "/Reviews", "/Reviews/New", "/Portal/Providers/Messages", "/Portal/Providers/Messages?Waiting=true", "/Evidence/Observations?Mine=true",
            "/Cycle?Status=Overdue&Mine=true", "/Risk/Weights", "/Risk/Matrix", "/Risk/Selection?Propose=true", "/Risk/Analyses/New",
            "/Commissions?Overdue=true", "/AnnualReports/New", "/QualityBonus/Edit", "/QualityBonus/Scenarios", "/Evidence/Surveys/Edit",
        ]);
        foreach (var list in new[] { "/Plans", "/Register/Providers", "/Register/ChoiceSystems", "/Conditions", "/QualityReports/Reports", "/QualityReports/Templates/Checklists", "/Evidence/Complaints", "/Reviews", "/Deficiencies", "/Sanctions", "/Risk", "/Risk/Analyses", "/Reviews/Reported", "/Sanctions/Decided", "/Commissions", "/AnnualReports", "/QualityBonus", "/QualityBonus/Scenarios", "/Evidence/Surveys" })
        {
            paths.Add(await FirstTableLinkAsync(page, list));
        }
        paths.Add((await FirstTableLinkAsync(page, "/AnnualReports")).Replace("/Details/", "/Print/", StringComparison.Ordinal));
        // The review plan form once its choice system is chosen, and a review whose visit is done with the pages of its visit
        // (preparation with the unit's evidence, the findings still open to change, the notes) and the report as the provider sees it.
        await page.GotoAsync("/Reviews/New");
        paths.Add("/Reviews/New?choiceSystemId=" + await page.Locator("#choiceSystemId option", new() { HasText = "Hemtjänst, ledsagning och avlösning" }).GetAttributeAsync("value"));
        var visited = await FirstTableLinkAsync(page, "/Reviews?State=VisitDone");
        await page.GotoAsync(visited);
        var parts = await LinksAsync(page, "main nav[aria-label='Granskningens delar'] a[href^='/']");
        Assert.Contains(parts, p => p.StartsWith("/Reviews/Visit/Findings", StringComparison.Ordinal));
        paths.Add(visited);
        paths.AddRange(parts);
        paths.Add(await FirstTableLinkAsync(page, "/Reviews?State=Final"));

        await AssertFitsAsync(page, paths);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Evidence/Complaints/Summary");
        await AssertAccessibleAsync(page);
        await page.GotoAsync(await FirstTableLinkAsync(page, "/Plans"));
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/QualityReports/Templates/Checklists");
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Portal/Providers/Messages");
        await AssertAccessibleAsync(page);
        await page.GotoAsync(await FirstTableLinkAsync(page, "/Deficiencies?Need=AwaitingVerification"));
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Risk/Matrix");
        await AssertAccessibleAsync(page);
        await page.GotoAsync(await FirstTableLinkAsync(page, "/Risk/Analyses"));
        await AssertAccessibleAsync(page);
        await page.GotoAsync(await FirstTableLinkAsync(page, "/QualityBonus"));
        await AssertAccessibleAsync(page);
        await page.GotoAsync(await FirstTableLinkAsync(page, "/Evidence/Surveys"));
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Reviews/Intervals");
        await AssertAccessibleAsync(page);
        await page.GotoAsync(await FirstTableLinkAsync(page, "/Sanctions?State=Proposed"));
        await AssertAccessibleAsync(page);
        await page.GotoAsync(parts.First(p => p.StartsWith("/Reviews/Visit/Findings", StringComparison.Ordinal)));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Every_page_the_provider_user_opens_fits_the_window()
    {
        var page = await SignedInAsync("anordnare.omsorgshuset@uppsikt.example");
        var paths = await MenuLinksAsync(page);
        await page.GotoAsync("/Portal");
        paths.AddRange(await LinksAsync(page, "main a[href^='/']"));
        await page.GotoAsync("/QualityReports/Reports/Mine");
        // The provider's open report; another journey may have submitted it, and then its page shows the answers instead.
        var fill = page.Locator("main a[href^='/QualityReports/Reports/Fill/']");
        var report = await (await fill.CountAsync() > 0 ? fill : page.Locator("main a[href^='/QualityReports/Reports/Details/']")).First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The provider has no quality report.");
        var review = await FirstTableLinkAsync(page, "/Reviews/Portal");
        var plan = await FirstTableLinkAsync(page, "/Deficiencies");
        paths.AddRange(["/Portal", "/QualityReports/Reports/Mine", report, "/Reviews/Portal", review, "/Deficiencies", plan]);

        await AssertFitsAsync(page, paths);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(report);
        if (report.Contains("/Fill/", StringComparison.Ordinal))
        {
            // The table question is wider than a phone: its own box scrolls, not the page.
            var scrolls = await page.Locator(".table-scroll").EvaluateAllAsync<bool>("boxes => boxes.some(b => b.scrollWidth > b.clientWidth)");
            Assert.True(scrolls, "No table on the quality report's page scrolls within its box at 390 px.");
        }
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Portal");
        await AssertAccessibleAsync(page);
        await page.GotoAsync(review);
        await AssertAccessibleAsync(page);
        await page.GotoAsync(plan);
        await AssertAccessibleAsync(page);

        // Omsorgshuset has attested every choice system; Trygga Händer has one attestation to give per choice system, and the
        // portal journey gives the first of them, so this opens the last.
        var other = await SignedInAsync("anordnare.tryggahander@uppsikt.example");
        await other.GotoAsync("/Portal");
        var attestation = await other.Locator("main a[href^='/Portal/Attestations/Attest/']").Last.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The portal offers no attestation to give.");
        await AssertFitsAsync(other, [attestation]);
        page = other;
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(attestation);
        var radio = page.Locator("main input[type=radio]").First;
        var label = page.Locator($"main label[for='{await radio.GetAttributeAsync("id")}']");
        var radioBox = await radio.BoundingBoxAsync() ?? throw new InvalidOperationException("The radio button is not shown.");
        var labelBox = await label.BoundingBoxAsync() ?? throw new InvalidOperationException("The radio button's label is not shown.");
        Assert.True(labelBox.X > radioBox.X + radioBox.Width && labelBox.Y < radioBox.Y + radioBox.Height,
            $"The radio button ({radioBox.X},{radioBox.Y}) is not beside its label ({labelBox.X},{labelBox.Y}).");
        await AssertAccessibleAsync(page);
    }

    /// <summary>
    /// The start page of every demo role fits the window and passes axe at both widths, in one browser context per role; a provider
    /// user's start is its portal. The grouped menu's pages are opened too for four roles with different work.
    /// </summary>
    [Theory]
    [InlineData("kvalitet@uppsikt.example", true)]
    [InlineData("gruppchef@uppsikt.example", true)]
    [InlineData("ledamot@uppsikt.example", true)]
    [InlineData("stadsdel@uppsikt.example", true)]
    [InlineData("admin@uppsikt.example", false)]
    [InlineData("handlaggare@uppsikt.example", false)]
    [InlineData("mas@uppsikt.example", false)]
    [InlineData("sekreterare@uppsikt.example", false)]
    [InlineData("ks@uppsikt.example", false)]
    [InlineData("anordnare.omsorgshuset@uppsikt.example", false)]
    public async Task The_start_page_of_each_role_fits_the_window_and_is_accessible(string email, bool menuPages)
    {
        var page = await SignedInAsync(email);
        await page.GotoAsync("/");
        var provider = email.StartsWith("anordnare.", StringComparison.Ordinal);
        if (provider)
        {
            Assert.EndsWith("/Portal", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        }
        else
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Det här väntar på dig", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("main section.work").First).ToBeVisibleAsync();
            // Every count is a link named by its number and what it counts.
            foreach (var tile in await page.Locator("main .work-tiles a").AllAsync())
            {
                Assert.Matches(@"^\d[\d\s]* \S", (await tile.InnerTextAsync()).Trim());
            }
        }
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Expect(menu).ToBeVisibleAsync();
        await AssertFitsAsync(page, menuPages ? ["/", .. await MenuLinksAsync(page)] : ["/"]);
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/");
            await AssertAccessibleAsync(page);
        }
    }

    /// <summary>Opens every path at each width and fails, naming every page wider than the window and its width, if any is.</summary>
    private static async Task AssertFitsAsync(IPage page, IEnumerable<string> paths)
    {
        var distinct = paths.Distinct().ToList();
        var offenders = new StringBuilder();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in distinct)
            {
                await page.GotoAsync(path);
                var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                if (sizes[0] > sizes[1])
                {
                    // The outermost elements that reach past the window's right edge, outside any box that scrolls on its own.
                    var culprits = await page.EvaluateAsync<string[]>(Culprits);
                    offenders.AppendLine().Append(CultureInfo.InvariantCulture, $"- {path}: {sizes[0]} px wide in a {sizes[1]} px window ({string.Join(", ", culprits)})");
                }
            }
        }
        Assert.True(offenders.Length == 0, $"Pages wider than the window (of {distinct.Count} pages at {string.Join(" and ", Widths)} px):{offenders}");
    }

    private const string Culprits = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.table-scroll'))
            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + ' px')
        """;

    private static async Task<List<string>> MenuLinksAsync(IPage page) =>
        await LinksAsync(page, "nav[aria-label=Huvudmeny] a[href^='/']");

    private static async Task<List<string>> LinksAsync(IPage page, string selector)
    {
        var hrefs = await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return [.. hrefs.Where(h => !NotAPage().IsMatch(h)).Select(h => h.Split('#')[0]).Distinct()];
    }

    private static async Task<string> FirstTableLinkAsync(IPage page, string list)
    {
        await page.GotoAsync(list);
        return await page.Locator("main table tbody a[href^='/']").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"{list} lists nothing to open.");
    }
}
