using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Plans;
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

    /// <summary>What the two roles read besides <see cref="Everyone"/>: the plans reported to them and the council-wide review.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Reads = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        [CommitteeMember] = DecidedPlans,
        [Demo.CouncilReviewer] = DecidedPlans,
    };

    private static IReadOnlySet<string> DecidedPlans => new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /Plans", "GET /Plans/Details/{id:guid}", "GET /Plans/CouncilReview", "GET /Plans/CouncilReview?handler=Docx",
        "GET /api/v1/plans", "GET /api/v1/plans/{id:guid}", "GET /api/v1/council-review/{year:int}", "GET /api/v1/council-review/{year:int}/memo",
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
        Assert.Equal(["/Plans", "/Plans/CouncilReview", "/Public"], links.Order(StringComparer.Ordinal));
    }

    /// <summary>The distinct states of a page of plans from the API.</summary>
    private static List<string> States(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("state").GetString()!).Distinct().Order(StringComparer.Ordinal)];

    private Task<Guid> PlanIdAsync(string choiceSystem, PlanState state) =>
        app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.ChoiceSystem!.Name == choiceSystem && p.State == state)
            .OrderByDescending(p => p.Year).Select(p => p.Id).FirstAsync(Cancel));

    /// <summary>Pages anyone may read without signing in: published plans and reports.</summary>
    private static bool IsPublic(string key) => key.Contains("/Public", StringComparison.Ordinal);

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
