using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The demo's pages in Swedish as people read it: no plural after "1" ("1 gånger", "varav 1 försenade") and no timestamp as
/// ISO or with seconds beside dates written out. The pages are the app's own GET pages (as <see cref="AppRoutes"/> finds
/// them) and the pages their links lead to, as the municipality, an administrator and a provider see them.
/// </summary>
public sealed partial class SwedishTextTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Readers = [Demo.QualityDeveloper, Demo.Admin, Demo.OmsorgshusetUser];

    /// <summary>Pages per path shape (ids replaced): enough to see each page with the demo's data, few enough to run quickly.</summary>
    private const int PerShape = 2;

    [Fact]
    public void CountsTakeTheSingularForOneAndInstantsAreWrittenOutInSwedishTime()
    {
        Assert.Equal("1 gång", SwedishText.Count(1, "gång", "gånger"));
        Assert.Equal("0 gånger", SwedishText.Count(0, "gång", "gånger"));
        Assert.Equal("12 gånger", SwedishText.Count(12, "gång", "gånger"));
        Assert.Equal("6 december 2026 kl. 15:05", SwedishText.Instant(new DateTimeOffset(2026, 12, 6, 14, 5, 59, TimeSpan.Zero)));
        Assert.Equal("1 juli 2026 kl. 02:00", SwedishText.Instant(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task NoPageShowsAPluralAfterOneOrAnIsoTimestamp()
    {
        // A communicated review, so the provider's review pages and the review's timeline have content too.
        await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, Domain.Reviews.ReviewState.Communicated) { Title = "Granskning att läsa (testdata)" });
        var seeds = (await AppRoutes.DiscoverAsync(app.Services))
            .Where(r => r is { IsPage: true, Method: "GET", Handler: null } && !r.Template.Contains('{', StringComparison.Ordinal))
            .Select(r => r.Key["GET ".Length..]).Distinct().Order(StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        var read = 0;

        foreach (var reader in Readers)
        {
            using var client = await app.CreateClientAs(reader);
            var queue = new Queue<string>(seeds);
            var seen = new HashSet<string>(seeds, StringComparer.OrdinalIgnoreCase);
            var shapes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (queue.TryDequeue(out var url))
            {
                using var response = await client.GetAsync(url, Cancel);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue; // not this reader's page, sent on elsewhere, or a file
                }
                read++;
                var html = await response.Content.ReadAsStringAsync(Cancel);
                var text = VisibleText(html);
                problems.AddRange(PluralAfterOne().Matches(text).Select(m => $"{reader} {url}: ”{Around(text, m)}”"));
                problems.AddRange(IsoTimestamp().Matches(text).Select(m => $"{reader} {url}: ”{Around(text, m)}”"));
                foreach (var link in Links(html))
                {
                    var shape = IdLike().Replace(link.Split('?')[0], "{id}");
                    if (seen.Add(link) && shapes.GetValueOrDefault(shape) < PerShape)
                    {
                        shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                        queue.Enqueue(link);
                    }
                }
            }
        }

        Assert.True(read > 100, $"Only {read} pages were read.");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// <summary>The text a reader sees: without scripts, styles and tags (so without attributes: input values, hidden fields, datetime).</summary>
    private static string VisibleText(string html)
    {
        var text = Tag().Replace(ScriptOrStyle().Replace(html, " "), " ");
        return Space().Replace(WebUtility.HtmlDecode(text), " ");
    }

    /// <summary>The app's own pages the page links to: not the API, not files, not sign-out.</summary>
    private static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value).Split('#')[0])
            .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal)
                && !u.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && !u.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
                && !u.Contains("handler=", StringComparison.OrdinalIgnoreCase) && !u.Contains("sort=", StringComparison.OrdinalIgnoreCase)
                && !u.Contains("page=", StringComparison.OrdinalIgnoreCase) && !Path.HasExtension(u.Split('?')[0]));

    private static string Around(string text, Match m) =>
        text[Math.Max(0, m.Index - 30)..Math.Min(text.Length, m.Index + m.Length + 30)].Trim();

    /// <summary>The plural forms the app counts with, after a lone "1" (not "21", not "1 000").</summary>
    [GeneratedRegex(@"(?<![\d,.:])\b1 (aktiviteter|uppgifter|gånger|rapporter|enheter|planer|mallar|nämnder|händelser|iakttagelser|dagar|rader|frågor|indikatorer|bedömningar|personer|öppna|försenade|allvarliga|sena|nya|ändrade)\b")]
    private static partial Regex PluralAfterOne();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d|\b\d\d:\d\d:\d\d\b")]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"href=""(?<url>[^""]+)""")]
    private static partial Regex Href();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\b\d+\b")]
    private static partial Regex IdLike();
}
