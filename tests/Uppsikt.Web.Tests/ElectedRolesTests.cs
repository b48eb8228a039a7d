using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The committee member and the council board's staff read what has been reported to them and nothing of the follow-up's
/// working material (decision 0036). Every GET route the app has is either listed here as one they may use, or must refuse
/// them: a new route is refused to them unless it is added to <see cref="Everyone"/> or <see cref="Reads"/>.
/// </summary>
public sealed partial class ElectedRolesTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string CommitteeMember = "ledamot@uppsikt.example";

    /// <summary>What every signed-in user may use: the start page, their own account, the public pages and the API description.</summary>
    private static readonly IReadOnlySet<string> Everyone = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /", "GET /Error", "GET /health", "GET /openapi/{documentName}.json",
        "GET /Account/Login", "GET /Account/ExternalCallback", "GET /Account/AccessDenied", "GET /Account/Logout",
        "GET /Account/Notifications", "GET /Account/Tokens",
        "GET /Public", "GET /Public/Accessibility",
        // Where an invited provider's user accepts the invitation, before having an account.
        "GET /Portal/Invitation",
    };

    /// <summary>
    /// What the two roles read besides <see cref="Everyone"/>: the plans reported to them and the council-wide review; the
    /// committee member also its committee's final review reports and decided sanctions.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Reads = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        [CommitteeMember] = new HashSet<string>(DecidedPlans.Concat(ReportedToCommittee).Concat(Commissions).Concat(AnnualReports), StringComparer.Ordinal),
        [Demo.CouncilReviewer] = new HashSet<string>(DecidedPlans.Concat(Commissions).Append("GET /Commissions/Edit/{id:guid?}"), StringComparer.Ordinal),
    };

    /// <summary>The council board's commissions: the member reads those given to its committee, the council board's staff every one (decision 0042).</summary>
    private static IReadOnlySet<string> Commissions => new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /Commissions", "GET /Commissions/Details/{id:guid}", "GET /Commissions/Details/{id:guid}?handler=File",
        "GET /api/v1/commissions", "GET /api/v1/commissions/{id:guid}",
    };

    /// <summary>The annual reports submitted to the member's committee, its decision on them, and its committee's dashboard.</summary>
    private static IReadOnlySet<string> AnnualReports => new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /AnnualReports", "GET /AnnualReports/Details/{id:guid}", "GET /AnnualReports/Details/{id:guid}?handler=Word", "GET /AnnualReports/Print/{id:guid}",
        "GET /api/v1/annual-reports", "GET /api/v1/annual-reports/{id:guid}", "GET /Dashboards",
    };

    private static IReadOnlySet<string> DecidedPlans => new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /Plans", "GET /Plans/Details/{id:guid}", "GET /Plans/CouncilReview", "GET /Plans/CouncilReview?handler=Docx",
        "GET /api/v1/plans", "GET /api/v1/plans/{id:guid}", "GET /api/v1/council-review/{year:int}", "GET /api/v1/council-review/{year:int}/memo",
        "GET /api/v1/council-review/{year:int}/decision",
    };

    private static IReadOnlySet<string> ReportedToCommittee => new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /Reviews/Reported", "GET /Reviews/Reported/Details/{id:guid}", "GET /Reviews/Reported/Details/{id:guid}?handler=Docx",
        "GET /Sanctions/Decided", "GET /Sanctions/Decided/Details/{id:guid}",
        "GET /api/v1/reviews/reported", "GET /api/v1/reviews/reported/{id:guid}", "GET /api/v1/reviews/reported/{id:guid}/report.docx",
        "GET /api/v1/sanctions/decided", "GET /api/v1/sanctions/decided/{id:guid}",
    };

    public static TheoryData<string> ElectedUsers => [CommitteeMember, Demo.CouncilReviewer];

    [Theory]
    [MemberData(nameof(ElectedUsers))]
    public async Task EveryOtherRouteOfTheMunicipalityRefusesThem(string email)
    {
        var routes = (await AppRoutes.DiscoverAsync(app.Services))
            .Where(r => r.Method == "GET" && !Everyone.Contains(r.Key) && !Reads[email].Contains(r.Key) && !IsPublic(r.Key))
            .DistinctBy(r => r.Key).ToList();
        Assert.NotEmpty(routes);
        using var page = await app.CreateClientAs(email);
        using var api = await app.ApiClientAs(email);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var client = route.IsApi ? api : page;
            using var response = await client.GetAsync(AddressOf(route), Cancel);
            if (!Expect.IsDenied(response))
            {
                failures.Add($"{route}: {(int)response.StatusCode} {response.StatusCode}{(response.Headers.Location is { } to ? " → " + to : "")}");
            }
        }
        Assert.True(failures.Count == 0, $"{email} reaches {failures.Count} route(s) it should be refused:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public async Task TheCommitteeMemberReadsItsOwnCommitteesDecidedPlansOnly()
    {
        var decided = await PlanIdAsync(Demo.NursingHome, PlanState.Adopted);
        // A plan of its own committee back at approved, waiting for the committee; and another committee's adopted plan.
        var revision = await PlanIdAsync(Demo.ElderlyDayCare, PlanState.ReportedToCouncilBoard);
        await app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.Id == revision)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PlanState.Approved), Cancel));
        var otherCommittees = await PlanIdAsync("Kundval introduktionsinsatser sfi och arbetsintroduktion, ISA", PlanState.Adopted);
        using var member = await app.CreateClientAs(CommitteeMember);
        using var list = await member.GetAsync("/Plans?PageSize=100", Cancel);
        var html = await Expect.OkAsync(list);
        Assert.Contains($"/Plans/Details/{decided}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Plans/Details/{revision}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Plans/Details/{otherCommittees}", html, StringComparison.Ordinal);

        using var details = await member.GetAsync($"/Plans/Details/{decided}", Cancel);
        var page = await Expect.OkAsync(details);
        Assert.Contains(Demo.NursingHome, page, StringComparison.Ordinal);
        // Its links lead to what the member reads: the published conditions, not the staff's pages or the risk analysis.
        Assert.Contains("href=\"/Public/Conditions/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Conditions/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Risk/", page, StringComparison.Ordinal);
        foreach (var hidden in new[] { revision, otherCommittees })
        {
            using var pageAnswer = await member.GetAsync($"/Plans/Details/{hidden}", Cancel);
            await Expect.StatusAsync(pageAnswer, HttpStatusCode.NotFound);
        }
        using var api = await app.ApiClientAs(CommitteeMember);
        using var apiList = await api.GetAsync("/api/v1/plans?pageSize=100", Cancel);
        var json = await Expect.OkAsync(apiList);
        Assert.Contains(decided.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(revision.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCommittees.ToString(), json, StringComparison.Ordinal);
        Assert.Equal(["Adopted", "ReportedToCouncilBoard"], States(json));
    }

    [Fact]
    public async Task TheCouncilReviewerReadsEveryCommitteesDecidedPlansAndTheCouncilReview()
    {
        using var reviewer = await app.CreateClientAs(Demo.CouncilReviewer);
        using var list = await reviewer.GetAsync("/Plans?PageSize=100", Cancel);
        var html = await Expect.OkAsync(list);
        Assert.Contains(Demo.NursingHome, html, StringComparison.Ordinal);
        Assert.Contains("Kundval introduktionsinsatser sfi och arbetsintroduktion, ISA", html, StringComparison.Ordinal);
        using var api = await app.ApiClientAs(Demo.CouncilReviewer);
        using var apiList = await api.GetAsync("/api/v1/plans?pageSize=100", Cancel);
        Assert.Equal(["Adopted", "ReportedToCouncilBoard"], States(await Expect.OkAsync(apiList)));

        using var review = await reviewer.GetAsync("/Plans/CouncilReview", Cancel);
        Assert.Contains("Samlad uppföljning", await Expect.OkAsync(review), StringComparison.Ordinal);

        var approved = await PlanIdAsync(Demo.Fai, PlanState.Approved);
        using var pageAnswer = await reviewer.GetAsync($"/Plans/Details/{approved}", Cancel);
        await Expect.StatusAsync(pageAnswer, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ElectedUsers))]
    public async Task AComplaintAnIncidentAnObservationAndADraftPlanAreRefusedByPageAndApi(string email)
    {
        var (complaint, incident, observedUnit) = await app.WithDbAsync(async db => (
            await db.Complaints.Select(c => c.Id).FirstAsync(Cancel),
            await db.Incidents.Select(i => i.Id).FirstAsync(Cancel),
            await db.CaseWorkerObservations.Select(o => o.UnitId).FirstAsync(Cancel)));
        var draft = await PlanIdAsync("Kulturskola", PlanState.Draft);
        using var page = await app.CreateClientAs(email);
        using var api = await app.ApiClientAs(email);

        foreach (var address in new[] { $"/Evidence/Complaints/Details/{complaint}", $"/Evidence/Incidents/Details/{incident}", $"/Evidence/Observations?UnitId={observedUnit}", $"/Register/Units/Timeline/{observedUnit}" })
        {
            using var response = await page.GetAsync(address, Cancel);
            await Expect.DeniedAsync(response);
        }
        foreach (var address in new[] { $"/api/v1/complaints/{complaint}", $"/api/v1/incidents/{incident}", $"/api/v1/observations?unitId={observedUnit}", $"/api/v1/units/{observedUnit}/timeline" })
        {
            using var response = await api.GetAsync(address, Cancel);
            await Expect.DeniedAsync(response);
        }
        using var draftPage = await page.GetAsync($"/Plans/Details/{draft}", Cancel);
        await Expect.StatusAsync(draftPage, HttpStatusCode.NotFound);
        using var draftApi = await api.GetAsync($"/api/v1/plans/{draft}", Cancel);
        await Expect.StatusAsync(draftApi, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheCommitteeMemberReadsItsOwnCommitteesFinalReportsOnly()
    {
        var committee = await MemberCommitteeAsync();
        var (final, draft, otherCommittees) = await app.WithDbAsync(async db => (
            await db.Reviews.Where(r => r.State == ReviewState.Final && r.ChoiceSystem!.CommitteeId == committee).Select(r => new { r.Id, r.Title }).FirstAsync(Cancel),
            await db.Reviews.Where(r => r.State == ReviewState.Communicated && r.ChoiceSystem!.CommitteeId == committee).Select(r => r.Id).FirstAsync(Cancel),
            await db.Reviews.Where(r => r.State == ReviewState.Final && r.ChoiceSystem!.CommitteeId != committee).Select(r => r.Id).FirstAsync(Cancel)));
        using var member = await app.CreateClientAs(CommitteeMember);
        using var api = await app.ApiClientAs(CommitteeMember);

        using var list = await member.GetAsync("/Reviews/Reported", Cancel);
        var html = await Expect.OkAsync(list);
        Assert.Contains($"/Reviews/Reported/Details/{final.Id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Reviews/Reported/Details/{draft}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Reviews/Reported/Details/{otherCommittees}", html, StringComparison.Ordinal);
        using var details = await member.GetAsync($"/Reviews/Reported/Details/{final.Id}", Cancel);
        Assert.Contains(final.Title, await Expect.OkAsync(details), StringComparison.Ordinal);
        using var word = await member.GetAsync($"/Reviews/Reported/Details/{final.Id}?handler=Docx", Cancel);
        await Expect.OkAsync(word);
        Assert.Contains("Slutlig rapport", Expect.WordText(await word.Content.ReadAsByteArrayAsync(Cancel))!, StringComparison.Ordinal);
        using var apiWord = await api.GetAsync($"/api/v1/reviews/reported/{final.Id}/report.docx", Cancel);
        await Expect.OkAsync(apiWord);
        using var apiList = await api.GetAsync("/api/v1/reviews/reported?pageSize=100", Cancel);
        var json = await Expect.OkAsync(apiList);
        Assert.Contains(final.Id.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCommittees.ToString(), json, StringComparison.Ordinal);

        foreach (var hidden in new[] { draft, otherCommittees })
        {
            foreach (var address in new[] { $"/Reviews/Reported/Details/{hidden}", $"/Reviews/Reported/Details/{hidden}?handler=Docx" })
            {
                using var response = await member.GetAsync(address, Cancel);
                await Expect.StatusAsync(response, HttpStatusCode.NotFound);
            }
            foreach (var address in new[] { $"/api/v1/reviews/reported/{hidden}", $"/api/v1/reviews/reported/{hidden}/report.docx" })
            {
                using var response = await api.GetAsync(address, Cancel);
                await Expect.StatusAsync(response, HttpStatusCode.NotFound);
            }
        }
        // The staff's own report download still refuses the member, whatever the review's state.
        using var staffReport = await api.GetAsync($"/api/v1/reviews/{final.Id}/report.docx", Cancel);
        await Expect.DeniedAsync(staffReport);
    }

    [Fact]
    public async Task TheCommitteeMemberReadsItsOwnCommitteesDecidedSanctionsWithoutTheDeliberation()
    {
        var committee = await MemberCommitteeAsync();
        var (decided, otherCommittees, proposed) = await app.WithDbAsync(async db => (
            await db.Sanctions.Where(s => s.State == SanctionState.Decided && s.CommitteeId == committee).Select(s => new { s.Id, s.Title, s.AssessmentComment, s.ProposedByName, s.Motivation, UnitName = s.Unit!.Name }).FirstAsync(Cancel),
            await db.Sanctions.Where(s => s.State == SanctionState.Decided && s.CommitteeId != committee).Select(s => s.Id).FirstAsync(Cancel),
            await db.Sanctions.Where(s => s.State == SanctionState.Proposed).Select(s => s.Id).FirstAsync(Cancel)));
        // The open proposal becomes the member's committee's, so that only its state keeps it from the member.
        await app.WithDbAsync(db => db.Sanctions.Where(s => s.Id == proposed).ExecuteUpdateAsync(u => u.SetProperty(s => s.CommitteeId, committee), Cancel));
        using var member = await app.CreateClientAs(CommitteeMember);
        using var api = await app.ApiClientAs(CommitteeMember);

        using var list = await member.GetAsync("/Sanctions/Decided", Cancel);
        var html = await Expect.OkAsync(list);
        Assert.Contains($"/Sanctions/Decided/Details/{decided.Id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Sanctions/Decided/Details/{otherCommittees}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Sanctions/Decided/Details/{proposed}", html, StringComparison.Ordinal);
        using var details = await member.GetAsync($"/Sanctions/Decided/Details/{decided.Id}", Cancel);
        var page = await Expect.OkAsync(details);
        Assert.Contains(decided.Title, page, StringComparison.Ordinal);
        Assert.Contains("Skäl för beslutet", page, StringComparison.Ordinal);
        // The proposal's motivation, who proposed it and the group manager's assessment are the deliberation, not the decision.
        using var apiDetails = await api.GetAsync($"/api/v1/sanctions/decided/{decided.Id}", Cancel);
        var one = await Expect.OkAsync(apiDetails);
        foreach (var deliberation in new[] { decided.AssessmentComment!, decided.ProposedByName, decided.Motivation })
        {
            Assert.DoesNotContain(deliberation, page, StringComparison.Ordinal);
            Assert.DoesNotContain(deliberation, one, StringComparison.Ordinal);
        }
        using var found = await api.GetAsync($"/api/v1/sanctions/decided?search={Uri.EscapeDataString(decided.UnitName)}", Cancel);
        Assert.Contains(decided.Id.ToString(), await Expect.OkAsync(found), StringComparison.Ordinal);
        // A word of the motivation alone finds nothing: the list is not searched by the deliberation.
        Assert.Contains("hotbild", decided.Motivation, StringComparison.Ordinal);
        using var notFound = await api.GetAsync($"/api/v1/sanctions/decided?search={Uri.EscapeDataString("hotbild")}", Cancel);
        Assert.DoesNotContain(decided.Id.ToString(), await Expect.OkAsync(notFound), StringComparison.Ordinal);
        using var apiList = await api.GetAsync("/api/v1/sanctions/decided?pageSize=100", Cancel);
        var json = await Expect.OkAsync(apiList);
        Assert.Contains(decided.Id.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCommittees.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(proposed.ToString(), json, StringComparison.Ordinal);

        foreach (var hidden in new[] { otherCommittees, proposed })
        {
            using var pageAnswer = await member.GetAsync($"/Sanctions/Decided/Details/{hidden}", Cancel);
            await Expect.StatusAsync(pageAnswer, HttpStatusCode.NotFound);
            using var apiAnswer = await api.GetAsync($"/api/v1/sanctions/decided/{hidden}", Cancel);
            await Expect.StatusAsync(apiAnswer, HttpStatusCode.NotFound);
        }
        // The staff's sanction pages, with the deliberation, stay refused.
        using var staffPage = await member.GetAsync($"/Sanctions/Details/{decided.Id}", Cancel);
        await Expect.DeniedAsync(staffPage);
    }

    [Fact]
    public async Task TheReportedListsSortAndPage()
    {
        using var staff = await app.ApiClientAs(Demo.QualityDeveloper);
        foreach (var list in new[] { "/api/v1/reviews/reported", "/api/v1/sanctions/decided" })
        {
            using var all = await staff.GetAsync($"{list}?sort=title&pageSize=100", Cancel);
            var titles = Titles(await Expect.OkAsync(all));
            Assert.True(titles.Count >= 2, $"{list} has fewer than two rows to page.");
            using var descending = await staff.GetAsync($"{list}?sort=title&descending=true&pageSize=100", Cancel);
            Assert.Equal(Enumerable.Reverse(titles), Titles(await Expect.OkAsync(descending)));
            using var second = await staff.GetAsync($"{list}?sort=title&pageSize=1&page=2", Cancel);
            var page = JsonDocument.Parse(await Expect.OkAsync(second)).RootElement;
            Assert.Equal(titles.Count, page.GetProperty("total").GetInt32());
            Assert.Equal([titles[1]], Titles(page.GetRawText()));
            using var unknown = await staff.GetAsync($"{list}?sort=motivation", Cancel);
            await Expect.StatusAsync(unknown, HttpStatusCode.BadRequest);
        }
        using var member = await app.CreateClientAs(CommitteeMember);
        using var sorted = await member.GetAsync("/Reviews/Reported?Sort=title&Descending=true", Cancel);
        Assert.Contains("aria-sort=\"descending\"", await Expect.OkAsync(sorted), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ElectedUsers))]
    public async Task TheMenuLinksOnlyToWhatTheyRead(string email)
    {
        using var client = await app.CreateClientAs(email);
        using var start = await client.GetAsync("/", Cancel);
        var html = await Expect.OkAsync(start);
        var nav = html[html.IndexOf("<nav class=\"site-nav\"", StringComparison.Ordinal)..];
        nav = nav[..(nav.IndexOf("</nav>", StringComparison.Ordinal) + 6)];
        var links = MenuHref().Matches(nav).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        string[] reported = email == CommitteeMember ? ["/Reviews/Reported", "/Sanctions/Decided", "/AnnualReports", "/Dashboards"] : [];
        Assert.Equal([.. new[] { "/Plans", "/Plans/CouncilReview", "/Commissions", "/Public" }.Concat(reported).Order(StringComparer.Ordinal)], links.Order(StringComparer.Ordinal));
        // The start page counts what is reported to the member and links to it.
        Assert.Equal(email == CommitteeMember, html.Contains("href=\"/Sanctions/Decided\"", StringComparison.Ordinal)
            && html.Contains("sanktion som din nämnd har beslutat", StringComparison.Ordinal));
    }

    private Task<Guid> MemberCommitteeAsync() =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == CommitteeMember).Select(u => u.CommitteeId!.Value).FirstAsync(Cancel));

    /// <summary>The titles of a page of reports or sanctions from the API, in order.</summary>
    private static List<string> Titles(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("title").GetString()!)];

    /// <summary>The distinct states of a page of plans from the API.</summary>
    private static List<string> States(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("state").GetString()!).Distinct().Order(StringComparer.Ordinal)];

    private Task<Guid> PlanIdAsync(string choiceSystem, PlanState state) =>
        app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.ChoiceSystem!.Name == choiceSystem && p.State == state)
            .OrderByDescending(p => p.Year).Select(p => p.Id).FirstAsync(Cancel));

    /// <summary>Pages anyone may read without signing in: published plans and reports.</summary>
    /// <summary>The anonymous pages and the open data, which everyone reads.</summary>
    private static bool IsPublic(string key) => key.Contains("/Public", StringComparison.Ordinal) || key.Contains("/open-data/", StringComparison.Ordinal);

    /// <summary>The route with its parameters filled in: an unknown id does not matter, as the refusal comes before any lookup.</summary>
    private static string AddressOf(AppRoute route) =>
        RouteParameter().Replace(route.Template, m => m.Groups[1].Value switch
        {
            "year" => "2026",
            "documentName" => "v1",
            _ => m.Groups[2].Value.StartsWith(":int", StringComparison.Ordinal) ? "1" : Guid.CreateVersion7().ToString(),
        }) + route.HandlerQuery;

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("<a[^>]+href=\"(/[^\"?#]*)[^\"]*\"[^>]*>")]
    private static partial Regex MenuHref();
}
