using System.Net;
using System.Text.RegularExpressions;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Every sortable column of every list, both ways, on pages and in the API: no sort a user can click or an integration can
/// ask for may end in a server error (an ORDER BY the database cannot run shows up only when the column is chosen). The
/// columns are read from the pages' own sort links, so a new list or column is covered without a line here.
/// </summary>
public sealed partial class EveryListSortsTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Who opens the lists: the municipality's main user, and a provider user for the provider's own lists.</summary>
    private static readonly string[] Readers = [Demo.QualityDeveloper, Demo.OmsorgshusetUser];

    [Fact]
    public async Task EverySortLinkOfEveryListPageAnswersBothWays()
    {
        var pages = (await AppRoutes.DiscoverAsync(app.Services))
            .Where(r => r is { IsPage: true, Method: "GET", Handler: null } && !r.Template.Contains('{', StringComparison.Ordinal))
            .Select(r => r.Key["GET ".Length..]).Distinct().Order(StringComparer.Ordinal).ToList();
        var sorted = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        // The demo has no reviews; one communicated to Omsorgshuset gives its list of reviews rows to sort.
        await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, Domain.Reviews.ReviewState.Communicated) { Title = "Granskning att sortera (testdata)" });

        foreach (var reader in Readers)
        {
            using var client = await app.CreateClientAs(reader);
            foreach (var page in pages)
            {
                using var response = await client.GetAsync(page, Cancel);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue; // not this reader's page (denied, or sent on elsewhere)
                }
                foreach (var link in SortLinks(await response.Content.ReadAsStringAsync(Cancel)))
                {
                    foreach (var both in new[] { link, Flipped(link) })
                    {
                        using var sortedPage = await client.GetAsync(both, Cancel);
                        sorted.Add(PathOf(both));
                        if (sortedPage.StatusCode != HttpStatusCode.OK)
                        {
                            failures.Add($"{reader} {both}: {(int)sortedPage.StatusCode}");
                        }
                    }
                }
            }
        }

        Assert.Empty(failures);
        // The lists the demo shows sort links on; a page that lost its sort headers would drop out of this set.
        string[] expected = ["/Conditions", "/Register/Units", "/Register/Providers", "/Evidence/Complaints", "/QualityReports/Reports", "/QualityReports/Reports/Mine",
            "/QualityReports/Templates", "/QualityReports/Templates/Checklists",
            "/Reviews", "/Reviews/Portal", "/Reviews/Intervals", "/Portal/Providers/Messages", "/Deficiencies", "/Sanctions", "/Risk", "/Risk/Analyses", "/Reviews/Reported", "/Sanctions/Decided", "/Commissions",
            "/Evidence/Indicators/EqualTerms", "/AnnualReports", "/QualityBonus", "/QualityBonus/Scenarios", "/Evidence/Surveys"];
        Assert.True(expected.All(sorted.Contains), $"Sorted: {string.Join(", ", sorted.Order(StringComparer.Ordinal))}");
    }

    [Fact]
    public async Task EveryApiListSortsByEveryColumnBothWays()
    {
        var lists = (await AppRoutes.DiscoverAsync(app.Services))
            .Where(r => r is { IsApi: true, Method: "GET" } && !r.Template.Contains('{', StringComparison.Ordinal))
            .Select(r => r.Template).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(ApiListsFiltered.All(l => lists.Contains(l.Split('?')[0])), "A filtered list names an API list the app does not have.");
        lists.AddRange(ApiListsFiltered);
        var columns = await ColumnsOnPagesAsync();
        var failures = new List<string>();

        foreach (var reader in Readers)
        {
            using var client = await app.ApiClientAs(reader);
            foreach (var list in lists)
            {
                foreach (var column in columns)
                {
                    foreach (var descending in new[] { false, true })
                    {
                        var url = $"{list}{(list.Contains('?', StringComparison.Ordinal) ? '&' : '?')}sort={Uri.EscapeDataString(column)}&descending={descending}&pageSize=200";
                        using var response = await client.GetAsync(url, Cancel);
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{reader} {url}: {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.Contains("title", columns);
    }

    /// <summary>API lists whose filter gives another list, with rows of their own to sort: the review checklists beside the templates.</summary>
    private static readonly string[] ApiListsFiltered = ["/api/v1/quality-report-templates?kind=checklist"];

    /// <summary>Every column key any list page offers to sort by, for asking the API lists.</summary>
    private async Task<SortedSet<string>> ColumnsOnPagesAsync()
    {
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        var pages = (await AppRoutes.DiscoverAsync(app.Services))
            .Where(r => r is { IsPage: true, Method: "GET", Handler: null } && !r.Template.Contains('{', StringComparison.Ordinal))
            .Select(r => r.Key["GET ".Length..]).Distinct();
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page, Cancel);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                foreach (var link in SortLinks(await response.Content.ReadAsStringAsync(Cancel)))
                {
                    columns.Add(SortKey().Match(link).Groups[1].Value);
                }
            }
        }
        return columns;
    }

    private static IEnumerable<string> SortLinks(string html) =>
        SortHref().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal);

    /// <summary>The same link sorting the other way.</summary>
    private static string Flipped(string link) =>
        link.Contains("Descending=True", StringComparison.OrdinalIgnoreCase)
            ? Regex.Replace(link, "Descending=True", "Descending=False", RegexOptions.IgnoreCase)
            : link.Contains("Descending=", StringComparison.OrdinalIgnoreCase)
                ? Regex.Replace(link, "Descending=False", "Descending=True", RegexOptions.IgnoreCase)
                : link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "Descending=True";

    private static string PathOf(string link) => link.Split('?')[0];

    [GeneratedRegex("""href="([^"]*[?&](?:amp;)?Sort=[^"]*)""")]
    private static partial Regex SortHref();

    [GeneratedRegex("[?&]Sort=([^&]*)")]
    private static partial Regex SortKey();
}
