using System.Net;
using System.Text.RegularExpressions;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The start page (what waits for each role) and the main menu grouped by role, over HTTP on the demo data.</summary>
public sealed partial class HomeTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string CommitteeMember = "ledamot@uppsikt.example";
    private const string MedicalResponsible = "mas@uppsikt.example";

    public static TheoryData<string> MunicipalUsers =>
    [
        Demo.QualityDeveloper, Demo.GroupManager, Demo.CommitteeSecretary, CommitteeMember, Demo.CouncilReviewer, Demo.DistrictUser,
        Demo.CaseWorker, MedicalResponsible, Demo.Admin,
    ];

    public static TheoryData<string> EveryDemoUser =>
    [
        Demo.QualityDeveloper, Demo.GroupManager, Demo.CommitteeSecretary, CommitteeMember, Demo.CouncilReviewer, Demo.DistrictUser,
        Demo.CaseWorker, MedicalResponsible, Demo.Admin, Demo.OmsorgshusetUser, Demo.TryggaHanderUser,
    ];

    [Theory]
    [MemberData(nameof(EveryDemoUser))]
    public async Task EveryLinkOfTheMenuAnswersForEveryRole(string email)
    {
        using var client = await app.CreateClientAs(email);
        using var start = await client.GetAsync("/Account/Tokens", Cancel);
        var html = await Expect.OkAsync(start);
        var links = MenuLinks(html);
        Assert.NotEmpty(links);
        Assert.Contains("/Account/Tokens", Links(html[..html.IndexOf("<nav class=\"site-nav\"", StringComparison.Ordinal)]));
        foreach (var link in links)
        {
            using var response = await client.GetAsync(link, Cancel);
            // A provider's "Min organisation" goes on to its own provider's page: one redirect within the app, then a page.
            var target = response.StatusCode == HttpStatusCode.Redirect ? Expect.PathOf(response.Headers.Location) : null;
            Assert.False(target is not null && target.StartsWith("/Account", StringComparison.Ordinal), $"{email}: {link} leads to {target}.");
            using var followed = target is null ? null : await client.GetAsync(response.Headers.Location, Cancel);
            var status = (followed ?? response).StatusCode;
            Assert.True(status == HttpStatusCode.OK, $"{email}: {link} answered {(int)status}.");
        }
    }

    [Fact]
    public async Task TheMenuIsGroupedAndShowsEachRoleOnlyItsWork()
    {
        using var member = await app.CreateClientAs(CommitteeMember);
        var memberHtml = await Expect.OkAsync(await member.GetAsync("/", Cancel));
        var memberLinks = MenuLinks(memberHtml);
        Assert.DoesNotContain("/Cycle/MyTasks", memberLinks);
        Assert.DoesNotContain("/Admin/Users", memberLinks);
        Assert.DoesNotContain("/Portal/Providers", memberLinks);
        Assert.Contains("/Plans", memberLinks);
        // The API keys are the account's (decision 0023): in the header, not among the role's work.
        Assert.DoesNotContain("/Account/Tokens", memberLinks);
        // The member reads the plans and the council-wide review, not the register or the evidence (decision 0036).
        Assert.Contains(">Uppföljning</span>", memberHtml, StringComparison.Ordinal);
        foreach (var heading in new[] { "Register", "Underlag", "Administration" })
        {
            Assert.DoesNotContain($">{heading}</span>", memberHtml, StringComparison.Ordinal);
        }

        using var admin = await app.CreateClientAs(Demo.Admin);
        var adminHtml = await Expect.OkAsync(await admin.GetAsync("/Plans/CouncilReview", Cancel));
        Assert.Contains(">Administration</span>", adminHtml, StringComparison.Ordinal);
        // The longest matching address is the current page: the council review, not also the plans.
        Assert.Contains("href=\"/Plans/CouncilReview\" aria-current=\"page\"", adminHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/Plans\" aria-current=\"false\"", adminHtml, StringComparison.Ordinal);

        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var providerLinks = MenuLinks(await Expect.OkAsync(await provider.GetAsync("/Portal", Cancel)));
        Assert.Contains("/Portal", providerLinks);
        Assert.DoesNotContain("/Register/Committees", providerLinks);
        Assert.DoesNotContain("/Evidence/Observations", providerLinks);
    }

    [Theory]
    [MemberData(nameof(MunicipalUsers))]
    public async Task EachCountOnTheStartPageIsTheCountOfTheListItLinksTo(string email)
    {
        using var client = await app.CreateClientAs(email);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await client.GetAsync("/", Cancel)));
        Assert.Contains("Det här väntar på dig", html, StringComparison.Ordinal);
        var tiles = Tiles(html);
        Assert.True(tiles.Count > 0 || html.Contains("Inget väntar på dig just nu.", StringComparison.Ordinal), email);
        foreach (var (link, count, text) in tiles)
        {
            Assert.True(count > 0, $"{email}: a tile of zero is shown: {text}");
            var list = WebUtility.HtmlDecode(await Expect.OkAsync(await client.GetAsync(link, Cancel)));
            var status = CountParagraph().Match(list);
            Assert.True(status.Success, $"{email}: {link} shows no count.");
            var shown = Number(status.Groups[1].Value);
            Assert.True(count == shown, $"{email}: \"{count} {text}\" links to {link}, which shows {shown}.");
        }
    }

    [Fact]
    public async Task TheQualityDeveloperSeesItsWorkInTheDemoAndACommitteeMemberOnlyWhatIsReportedToIt()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync("/", Cancel)));
        Assert.Contains(">Kvalitetsutvecklare</h2>", html, StringComparison.Ordinal);
        var links = Tiles(html).Select(t => t.Link).ToList();
        Assert.Contains(links, l => l.StartsWith("/Evidence/Complaints?", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/Plans?", StringComparison.Ordinal));

        using var member = await app.CreateClientAs(CommitteeMember);
        var memberHtml = WebUtility.HtmlDecode(await Expect.OkAsync(await member.GetAsync("/", Cancel)));
        Assert.Contains(">Förtroendevald i nämnd</h2>", memberHtml, StringComparison.Ordinal);
        // Its adopted plans, and its committee's final review reports and decided sanctions: what has been reported to it.
        var memberLinks = Tiles(memberHtml).Select(t => t.Link).ToList();
        Assert.All(memberLinks, l => Assert.True(l.StartsWith("/Plans?", StringComparison.Ordinal) || l is "/Reviews/Reported" or "/Sanctions/Decided", l));
        Assert.Contains("/Reviews/Reported", memberLinks);
        Assert.Contains("/Sanctions/Decided", memberLinks);
        Assert.DoesNotContain(">Kvalitetsutvecklare</h2>", memberHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderUserStartsInItsOwnPortal()
    {
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        await Expect.RedirectAsync(await provider.GetAsync("/", Cancel), "/Portal");
        var portal = WebUtility.HtmlDecode(await Expect.OkAsync(await provider.GetAsync("/Portal", Cancel)));
        Assert.DoesNotContain(Demo.TryggaHander, portal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStartPageSendsAFixedNumberOfQueriesHoweverManyRows()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        await Expect.OkAsync(await quality.GetAsync("/", Cancel));

        async Task<int> QueriesAsync()
        {
            app.Queries.Watch("/");
            using var response = await quality.GetAsync("/", Cancel);
            await Expect.OkAsync(response);
            return app.Queries.Count;
        }

        var before = await QueriesAsync();
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 15; i++)
            {
                db.Add(new Incident
                {
                    UnitId = unitId,
                    Kind = IncidentKind.LexSarah,
                    Severity = Severity.Serious,
                    OccurredOn = new DateOnly(2026, 1, 1).AddDays(i),
                    ReportedOn = new DateOnly(2026, 1, 2).AddDays(i),
                    Summary = $"Startsidans händelse {i} (fiktiv)",
                });
            }
            return await db.SaveChangesAsync(Cancel);
        });
        var after = await QueriesAsync();
        Assert.Equal(before, after);
        Assert.InRange(before, 1, 60);
    }

    private static List<string> MenuLinks(string html)
    {
        var start = html.IndexOf("<nav class=\"site-nav\"", StringComparison.Ordinal);
        var end = html.IndexOf("</nav>", start, StringComparison.Ordinal);
        return [.. Links(html[start..end]).Where(l => l != "/Public")];
    }

    private static List<string> Links(string html) => [.. Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static List<(string Link, int Count, string Text)> Tiles(string html) =>
        [.. Tile().Matches(html).Select(m => (m.Groups[1].Value, Number(m.Groups[2].Value), m.Groups[3].Value.Trim()))];

    private static int Number(string text) => int.Parse(new string([.. text.Where(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<a href=\"([^\"]+)\"><strong class=\"work-count\">([^<]+)</strong>([^<]*)</a>")]
    private static partial Regex Tile();

    [GeneratedRegex("<p class=\"count\" role=\"status\">\\s*([\\d\\s\u00a0]+)[^<]*</p>")]
    private static partial Regex CountParagraph();
}
