using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Reviews over HTTP, the municipality's side: the list, planning by role, each step by role and state, and who sees what.</summary>
public sealed class ReviewTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Demo reviews (src/Uppsikt.Web/Data/DemoReviews.cs) the tests read without changing them.
    private const string CommunicatedToOmsorgshuset = "Kvalitetsgranskning Omsorgshuset Hemtjänst Sickla";
    private const string TargetedDraft = "Särskilt riktad uppföljning av läkemedelshantering, Omsorgshuset";
    private const string HealthCareUnderPreparation = "Hälso- och sjukvårdsgranskning Sjöutsikten";
    private const string TryggaFinal = "Kvalitetsgranskning Trygga Händer Hemtjänst Saltsjöbaden";
    private const string DisputedCalledReview = "Påkallad granskning av Trygga Händer Ledsagning";
    private const string InHouseVisitDone = "Kvalitetsgranskning Hemtjänsten egen regi Nacka centrum";

    private Task<Guid> ReviewIdAsync(string title) =>
        app.WithDbAsync(db => db.Reviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync(Cancel));

    private Task<Review> ReviewAsync(Guid id) =>
        app.WithDbAsync(db => db.Reviews.AsNoTracking().AsSplitQuery().Include(r => r.Units).Include(r => r.Steps).Include(r => r.Findings)
            .SingleAsync(r => r.Id == id, Cancel));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await Expect.StatusAsync(response, status);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static IEnumerable<string> Titles(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!);

    private static string[] ErrorFields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    private async Task<object> QualityReviewOfAsync(string unit, string title) => new
    {
        type = "QualityReview",
        title,
        choiceSystemId = await app.GetChoiceSystemIdAsync(Demo.HomeCare),
        unitIds = new[] { await app.GetUnitIdAsync(unit) },
        plannedFor = Day(Today.AddDays(14)),
        visitMode = "OnSite",
    };

    /// <summary>Plans a quality review through the API and returns its id and version.</summary>
    private async Task<(Guid Id, int Version)> PlanAsync(HttpClient developer, string unit, string title)
    {
        using var created = await developer.PostAsJsonAsync("/api/v1/reviews", await QualityReviewOfAsync(unit, title), Api.Json, Cancel);
        var review = await JsonAsync(created, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/reviews/{review.GetProperty("id").GetGuid()}", created.Headers.Location?.OriginalString);
        return (review.GetProperty("id").GetGuid(), review.GetProperty("version").GetInt32());
    }

    /// <summary>
    /// The visit, as the review's visit part records it: the visit's time, a finding on every checklist question at every unit
    /// (the <paramref name="worst"/> assessment on the second question, satisfactory otherwise) and the visit done. Arranged
    /// through the review's own rules, since the visit has pages and endpoints of its own.
    /// </summary>
    private Task ArrangeVisitAsync(Guid id, Assessment worst) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        var review = await db.Reviews.AsSplitQuery().Include(r => r.Units).Include(r => r.Findings).Include(r => r.Participants).Include(r => r.Steps)
            .SingleAsync(r => r.Id == id, Cancel);
        var lead = new WorkflowActor(await app.GetUserIdAsync(Demo.QualityDeveloper), Demo.QualityDeveloperName, [Roles.QualityDeveloper]);
        var at = DateTimeOffset.UtcNow;
        Assert.Null(review.ScheduleVisit(lead, VisitMode.OnSite, at, "Exempelgatan 4"));
        var questions = await services.GetRequiredService<Checklists>().QuestionsAsync(review.ChecklistId!.Value, Cancel);
        foreach (var unit in review.Units)
        {
            foreach (var (question, i) in questions.Select((q, i) => (q, i)))
            {
                Assert.Null(review.RecordFinding(lead, unit.UnitId, Checklists.ForFinding(question), "Ja", "Iakttaget vid besöket.",
                    i == 1 ? worst : Assessment.Satisfactory, [], DateTimeOffset.UtcNow, "Åtgärda bristen (test).").Refusal);
            }
        }
        Assert.Null(review.RecordVisitDone(lead, DateTimeOffset.UtcNow, null));
        await db.SaveChangesAsync(Cancel);
    });

    /// <summary>A new review of Trygga Händer taken to a written draft: planned, prepared, with case number, visited, draft written.</summary>
    private async Task<(Guid Id, int Version)> DraftAsync(HttpClient developer, string title)
    {
        var (id, version) = await PlanAsync(developer, Demo.TryggaSaltsjobaden, title);
        using var prepared = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/preparation", new { version }, Api.Json, Cancel);
        version = (await JsonAsync(prepared)).GetProperty("version").GetInt32();
        using var numbered = await developer.PutAsJsonAsync($"/api/v1/reviews/{id}/case-number", new { caseNumber = "kfks-2026-04711", version }, Api.Json, Cancel);
        await JsonAsync(numbered);
        await ArrangeVisitAsync(id, Assessment.MinorDeficiency);
        version = (await ReviewAsync(id)).Version;
        using var drafted = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/draft", new { summary = "Verksamheten har mindre brister i dokumentationen.", version }, Api.Json, Cancel);
        var draft = await JsonAsync(drafted);
        Assert.Equal("DraftReport", draft.GetProperty("state").GetString());
        return (id, draft.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task TheListSortsPagesFiltersAndSearches()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var total = await app.WithDbAsync(db => db.Reviews.CountAsync(Cancel));
        var omsorgshuset = await app.GetProviderIdAsync(Demo.Omsorgshuset);

        using var byTitle = await developer.GetAsync("/api/v1/reviews?sort=title&pageSize=200", Cancel);
        var titles = Titles(await JsonAsync(byTitle)).ToList();
        using var byTitleDown = await developer.GetAsync("/api/v1/reviews?sort=title&descending=true&pageSize=200", Cancel);
        var paged = new List<string>();
        for (var page = 1; page <= (total + 2) / 3; page++)
        {
            using var response = await developer.GetAsync($"/api/v1/reviews?sort=plannedFor&pageSize=3&page={page}", Cancel);
            var json = await JsonAsync(response);
            Assert.Equal(total, json.GetProperty("total").GetInt32());
            paged.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("plannedFor").GetString()!));
        }
        using var communicated = await developer.GetAsync("/api/v1/reviews?state=Communicated", Cancel);
        using var called = await developer.GetAsync("/api/v1/reviews?type=CalledReview", Cancel);
        using var ofOmsorgshuset = await developer.GetAsync($"/api/v1/reviews?providerId={omsorgshuset}&pageSize=200", Cancel);
        using var searched = await developer.GetAsync("/api/v1/reviews?search=ledsagning", Cancel);
        using var listPage = await (await app.CreateClientAs(Demo.QualityDeveloper)).GetAsync("/Reviews?Sort=title", Cancel);

        Assert.True(total >= 10, $"The demo has {total} reviews.");
        Assert.Equal(total, titles.Count);
        // Every title starts with a capital A–Z, which every database's collation orders alike.
        Assert.Equal(titles.Select(t => t[0]).Order(), titles.Select(t => t[0]));
        Assert.True(titles.IndexOf(HealthCareUnderPreparation) < titles.IndexOf(CommunicatedToOmsorgshuset));
        Assert.StartsWith("Uppföljning av kvalitetsgranskningen", titles[^1], StringComparison.Ordinal);
        Assert.Equal(titles[^1], Titles(await JsonAsync(byTitleDown)).First());
        Assert.Equal(total, paged.Count);
        Assert.Equal(paged.Order(StringComparer.Ordinal), paged);
        var communicatedNow = await app.WithDbAsync(db => db.Reviews.Where(r => r.State == ReviewState.Communicated).Select(r => r.Title).ToListAsync(Cancel));
        Assert.Contains(CommunicatedToOmsorgshuset, communicatedNow);
        Assert.Equal(communicatedNow.Order(StringComparer.Ordinal), Titles(await JsonAsync(communicated)).Order(StringComparer.Ordinal));
        Assert.Equal([DisputedCalledReview], Titles(await JsonAsync(called)));
        var own = await JsonAsync(ofOmsorgshuset);
        Assert.All(own.GetProperty("items").EnumerateArray(), r => Assert.Equal(Demo.Omsorgshuset, r.GetProperty("providerName").GetString()));
        Assert.Contains(own.GetProperty("items").EnumerateArray(), r => r.GetProperty("unitCount").GetInt32() == 2);
        Assert.Equal([DisputedCalledReview], Titles(await JsonAsync(searched)));
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(listPage));
        Assert.Contains(TargetedDraft, html, StringComparison.Ordinal);
        Assert.Contains("och 1 enhet till", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Reviews/New\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListNamesTheChosenProviderAndUnitWithALinkThatDropsItAndItsSearchFindsUnits()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var sickla = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var omsorgshuset = await app.GetProviderIdAsync(Demo.Omsorgshuset);

        using (var byUnit = await developer.GetAsync($"/Reviews?UnitId={sickla}&State=DraftReport", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(byUnit));
            Assert.Contains($"Enhet: <strong>{Demo.OmsorgshusetSickla}</strong>", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/Reviews?State=DraftReport\">Visa alla enheter", html, StringComparison.Ordinal);
            Assert.Contains($"<input type=\"hidden\" name=\"UnitId\" value=\"{sickla}\">", html, StringComparison.Ordinal);
            Assert.Contains(TargetedDraft, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Kvalitetsgranskning Omsorgshuset Hemtjänst Älta", html, StringComparison.Ordinal);
            // Neither thousands of providers nor thousands of units are offered as a list to pick from.
            Assert.DoesNotContain("id=\"unit\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"provider\"", html, StringComparison.Ordinal);
        }
        using (var byProvider = await developer.GetAsync($"/Reviews?ProviderId={omsorgshuset}&Page=2", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(byProvider));
            Assert.Contains($"Anordnare: <strong>{Demo.Omsorgshuset}</strong>", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/Reviews\">Visa alla anordnare", html, StringComparison.Ordinal);
            Assert.DoesNotContain(DisputedCalledReview, html, StringComparison.Ordinal);
        }
        using (var unknown = await developer.GetAsync($"/Reviews?ProviderId={Guid.NewGuid()}", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(unknown));
            Assert.DoesNotContain("Anordnare: <strong>", html, StringComparison.Ordinal);
            Assert.Contains("Det finns inga granskningar med de valen.", html, StringComparison.Ordinal);
        }
        // The search matches the units' names as well as the title and the provider.
        using (var searched = await api.GetAsync("/api/v1/reviews?search=hemtjänst%20sickla&pageSize=200", Cancel))
        {
            Assert.Contains(TargetedDraft, Titles(await JsonAsync(searched)));
        }
        // The unit's and the provider's pages lead to their reviews, for the municipality only.
        Assert.Contains($"href=\"/Reviews?UnitId={sickla}\"", await Expect.OkAsync(await developer.GetAsync($"/Register/Units/Details/{sickla}", Cancel)), StringComparison.Ordinal);
        Assert.Contains($"href=\"/Reviews?ProviderId={omsorgshuset}\"", await Expect.OkAsync(await developer.GetAsync($"/Register/Providers/Details/{omsorgshuset}", Cancel)), StringComparison.Ordinal);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        Assert.DoesNotContain("href=\"/Reviews?", await Expect.OkAsync(await provider.GetAsync($"/Register/Units/Details/{sickla}", Cancel)), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Reviews?", await Expect.OkAsync(await provider.GetAsync($"/Register/Providers/Details/{omsorgshuset}", Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanningRefusesBadInputWith400ByFieldAndChangesNothing()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await app.WithDbAsync(db => db.Reviews.CountAsync(Cancel));
        var homeCare = await app.GetChoiceSystemIdAsync(Demo.HomeCare);
        var sickla = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var alta = await app.GetUnitIdAsync("Omsorgshuset Hemtjänst Älta (fiktiv)");
        var planned = Day(Today.AddDays(10));

        async Task<string[]> RefusedAsync(object input)
        {
            using var response = await developer.PostAsJsonAsync("/api/v1/reviews", input, Api.Json, Cancel);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return ErrorFields(await JsonAsync(response, HttpStatusCode.BadRequest));
        }

        Assert.Equal(["Type"], await RefusedAsync(new { title = "Utan typ", choiceSystemId = homeCare, unitIds = new[] { sickla }, plannedFor = planned }));
        Assert.Equal(["Title"], await RefusedAsync(new { type = "QualityReview", choiceSystemId = homeCare, unitIds = new[] { sickla }, plannedFor = planned, visitMode = "OnSite" }));
        Assert.Equal(["UnitIds"], await RefusedAsync(new { type = "QualityReview", title = "Två enheter", choiceSystemId = homeCare, unitIds = new[] { sickla, alta }, plannedFor = planned, visitMode = "OnSite" }));
        Assert.Contains("ChoiceSystemId", await RefusedAsync(new { type = "QualityReview", title = "Okänt kundval", choiceSystemId = Guid.CreateVersion7(), unitIds = new[] { sickla }, plannedFor = planned, visitMode = "OnSite" }));
        Assert.Equal(["VisitMode"], await RefusedAsync(new { type = "QualityReview", title = "Utan besök", choiceSystemId = homeCare, unitIds = new[] { sickla }, plannedFor = planned, visitMode = "None" }));
        Assert.Equal(["FollowsUpReviewId"], await RefusedAsync(new { type = "FollowUpReview", title = "Uppföljning", choiceSystemId = homeCare, unitIds = new[] { sickla }, plannedFor = planned, reason = "Brister", visitMode = "Digital" }));
        Assert.Equal(["Reason"], await RefusedAsync(new { type = "SpotCheck", title = "Stickprov", choiceSystemId = homeCare, unitIds = new[] { sickla }, plannedFor = planned, reason = "Gäller brukare 19121212-1212.", visitMode = "None" }));
        Assert.Equal(["CaseNumber"], await RefusedAsync(new { type = "SpotCheck", title = "Stickprov", choiceSystemId = homeCare, unitIds = new[] { sickla }, plannedFor = planned, caseNumber = "inget nummer", visitMode = "None" }));
        Assert.Equal(["Type"], await RefusedAsync(new { type = "PreschoolInsight", title = "Insyn", choiceSystemId = homeCare, unitIds = new[] { sickla }, plannedFor = planned, visitMode = "OnSite" }));

        using var page = await app.CreateClientAs(Demo.QualityDeveloper);
        using var form = await Forms.SubmitAsync(page, $"/Reviews/New?choiceSystemId={homeCare}",
            [new("Input.Type", "QualityReview"), new("Input.ChoiceSystemId", homeCare.ToString()), new("Input.UnitIds", sickla.ToString()), new("Input.PlannedFor", planned), new("Input.VisitMode", "OnSite")],
            "/Reviews/New");
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(form));
        Assert.Contains("Uppgifterna sparades inte", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Title\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reviews.CountAsync(Cancel)));
    }

    [Fact]
    public async Task TheWrongRoleIsRefusedWith403()
    {
        using var caseWorker = await app.ApiClientAs(Demo.CaseWorker);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var caseWorkerPages = await app.CreateClientAs(Demo.CaseWorker);
        var before = await app.WithDbAsync(db => db.Reviews.CountAsync(Cancel));
        var called = new
        {
            type = "CalledReview",
            title = "Påkallad granskning utan beslut",
            choiceSystemId = await app.GetChoiceSystemIdAsync(Demo.HomeCare),
            unitIds = new[] { await app.GetUnitIdAsync(Demo.OmsorgshusetSickla) },
            plannedFor = Day(Today.AddDays(7)),
            reason = "Klagomål om bemötande.",
            visitMode = "OnSite",
        };
        var healthCare = await ReviewIdAsync(HealthCareUnderPreparation);
        var healthCareVersion = (await ReviewAsync(healthCare)).Version;

        using var byCaseWorker = await caseWorker.PostAsJsonAsync("/api/v1/reviews", await QualityReviewOfAsync(Demo.OmsorgshusetSickla, "Handläggarens granskning"), Api.Json, Cancel);
        using var calledByDeveloper = await developer.PostAsJsonAsync("/api/v1/reviews", called, Api.Json, Cancel);
        using var stepByCaseWorker = await caseWorker.PostAsJsonAsync($"/api/v1/reviews/{await ReviewIdAsync(InHouseVisitDone)}/draft",
            new { summary = "Handläggarens utkast", version = 1 }, Api.Json, Cancel);
        using var healthCareByDeveloper = await developer.PutAsJsonAsync($"/api/v1/reviews/{healthCare}/case-number",
            new { caseNumber = "KFKS-2026-00001", version = healthCareVersion }, Api.Json, Cancel);
        using var newPage = await caseWorkerPages.GetAsync("/Reviews/New", Cancel);

        await JsonAsync(byCaseWorker, HttpStatusCode.Forbidden);
        Assert.Contains("gruppchef", (await JsonAsync(calledByDeveloper, HttpStatusCode.Forbidden)).GetProperty("title").GetString(), StringComparison.Ordinal);
        await JsonAsync(stepByCaseWorker, HttpStatusCode.Forbidden);
        Assert.Contains("medicinskt ansvarig", (await JsonAsync(healthCareByDeveloper, HttpStatusCode.Forbidden)).GetProperty("title").GetString(), StringComparison.Ordinal);
        await Expect.DeniedAsync(newPage);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reviews.CountAsync(Cancel)));
        Assert.Equal(healthCareVersion, (await ReviewAsync(healthCare)).Version);
    }

    [Fact]
    public async Task AStepInTheWrongStateOrOnAStaleVersionIs409AndChangesNothing()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var (id, version) = await PlanAsync(developer, Demo.TryggaSaltsjobaden, "Granskning för konflikter");

        using var tooEarly = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/communication", new { version }, Api.Json, Cancel);
        using var stale = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/preparation", new { comment = "Gammal version", version = version - 1 }, Api.Json, Cancel);
        using var unknown = await developer.PostAsJsonAsync($"/api/v1/reviews/{Guid.CreateVersion7()}/preparation", new { version }, Api.Json, Cancel);

        Assert.Contains("planerad", (await JsonAsync(tooEarly, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(SaveResult.ConflictMessage, (await JsonAsync(stale, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        await JsonAsync(unknown, HttpStatusCode.NotFound);
        var review = await ReviewAsync(id);
        Assert.Equal(ReviewState.Planned, review.State);
        Assert.Equal(version, review.Version);
        Assert.Equal([ReviewStepKind.Planned], review.Steps.Select(s => s.Kind));

        using var pages = await app.CreateClientAs(Demo.QualityDeveloper);
        using var stalePage = await Forms.SubmitAsync(pages, $"/Reviews/Details?id={id}", [new("Version", (version - 1).ToString(CultureInfo.InvariantCulture))],
            $"/Reviews/Details?id={id}&handler=Prepare");
        Assert.Contains(SaveResult.ConflictMessage, WebUtility.HtmlDecode(await Expect.StatusAsync(stalePage, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        Assert.Equal(ReviewState.Planned, (await ReviewAsync(id)).State);
    }

    [Fact]
    public async Task TheVisitIsRecordedAsDoneOnlyOnceItsTimeIsSetAndPastOnTheApiAndThePage()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        var (id, version) = await PlanAsync(developer, Demo.TryggaSaltsjobaden, "Granskning vars besök registreras");
        using var tooEarly = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/visit-done", new { version }, Api.Json, Cancel);
        Assert.Contains("planerad", (await JsonAsync(tooEarly, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        using var prepared = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/preparation", new { version }, Api.Json, Cancel);
        version = (await JsonAsync(prepared)).GetProperty("version").GetInt32();

        using var withoutTime = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/visit-done", new { version }, Api.Json, Cancel);
        Assert.Equal(["VisitAt"], ErrorFields(await JsonAsync(withoutTime, HttpStatusCode.BadRequest)));
        using var ahead = await developer.PutAsJsonAsync($"/api/v1/reviews/{id}/visit",
            new { visitMode = "OnSite", visitAt = DateTimeOffset.UtcNow.AddDays(3), visitPlace = "Exempelgatan 4", version }, Api.Json, Cancel);
        version = (await JsonAsync(ahead)).GetProperty("version").GetInt32();
        using var inTheFuture = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/visit-done", new { version }, Api.Json, Cancel);
        Assert.Contains("framtiden", (await JsonAsync(inTheFuture, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("VisitAt")[0].GetString(), StringComparison.Ordinal);
        using var byManager = await manager.PostAsJsonAsync($"/api/v1/reviews/{id}/visit-done", new { version }, Api.Json, Cancel);
        await JsonAsync(byManager, HttpStatusCode.Forbidden);

        // On the page the reason has no field of its own (the time is set on the preparation page): it is in the summary.
        using var pages = await app.CreateClientAs(Demo.QualityDeveloper);
        var asked = WebUtility.HtmlDecode(await Expect.OkAsync(await pages.GetAsync($"/Reviews/Details?id={id}", Cancel)));
        Assert.Contains("Registrera att besöket är genomfört", asked, StringComparison.Ordinal);
        var versionField = new KeyValuePair<string, string>("Version", version.ToString(CultureInfo.InvariantCulture));
        using var refusedPage = await Forms.SubmitAsync(pages, $"/Reviews/Details?id={id}", [versionField], $"/Reviews/Details?id={id}&handler=VisitDone");
        var refused = WebUtility.HtmlDecode(await Expect.OkAsync(refusedPage));
        Assert.Contains("Besöket ligger i framtiden", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#VisitAt\"", refused, StringComparison.Ordinal);
        Assert.Equal(ReviewState.Preparing, (await ReviewAsync(id)).State);

        using var past = await developer.PutAsJsonAsync($"/api/v1/reviews/{id}/visit",
            new { visitMode = "OnSite", visitAt = DateTimeOffset.UtcNow.AddDays(-1), visitPlace = "Exempelgatan 4", version }, Api.Json, Cancel);
        version = (await JsonAsync(past)).GetProperty("version").GetInt32();
        using var done = await Forms.SubmitAsync(pages, $"/Reviews/Details?id={id}",
            [new("Version", version.ToString(CultureInfo.InvariantCulture)), new("Comment", "Besöket gjordes enligt plan.")], $"/Reviews/Details?id={id}&handler=VisitDone");
        await Expect.RedirectAsync(done, "/Reviews/Details");
        var review = await ReviewAsync(id);
        Assert.Equal(ReviewState.VisitDone, review.State);
        var step = review.Steps.OrderBy(s => s.OccurredAt).Last();
        Assert.Equal((ReviewStepKind.VisitDone, "Besöket gjordes enligt plan."), (step.Kind, step.Comment));
        using var again = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/visit-done", new { version = review.Version }, Api.Json, Cancel);
        await JsonAsync(again, HttpStatusCode.Conflict);
        var after = WebUtility.HtmlDecode(await Expect.OkAsync(await pages.GetAsync($"/Reviews/Details?id={id}", Cancel)));
        Assert.Contains("Skriv utkastet", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Registrera att besöket är genomfört", after, StringComparison.Ordinal);

        // A review without a visit takes the same step once its evidence is reviewed, and the page says so.
        using var spotCheck = await developer.PostAsJsonAsync("/api/v1/reviews",
            new
            {
                type = "SpotCheck",
                title = "Stickprov utan besök",
                choiceSystemId = await app.GetChoiceSystemIdAsync(Demo.HomeCare),
                unitIds = new[] { await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden) },
                plannedFor = Day(Today.AddDays(7)),
                visitMode = "None",
            }, Api.Json, Cancel);
        var planned = await JsonAsync(spotCheck, HttpStatusCode.Created);
        var spotId = planned.GetProperty("id").GetGuid();
        using var spotPrepared = await developer.PostAsJsonAsync($"/api/v1/reviews/{spotId}/preparation",
            new { version = planned.GetProperty("version").GetInt32() }, Api.Json, Cancel);
        var spotVersion = (await JsonAsync(spotPrepared)).GetProperty("version").GetInt32();
        var withoutVisit = WebUtility.HtmlDecode(await Expect.OkAsync(await pages.GetAsync($"/Reviews/Details?id={spotId}", Cancel)));
        Assert.Contains("Registrera att underlaget är granskat", withoutVisit, StringComparison.Ordinal);
        Assert.DoesNotContain("Besöket är genomfört", withoutVisit, StringComparison.Ordinal);
        using var reviewed = await Forms.SubmitAsync(pages, $"/Reviews/Details?id={spotId}",
            [new("Version", spotVersion.ToString(CultureInfo.InvariantCulture))], $"/Reviews/Details?id={spotId}&handler=VisitDone");
        await Expect.RedirectAsync(reviewed, "/Reviews/Details");
        Assert.Equal(ReviewState.VisitDone, (await ReviewAsync(spotId)).State);
        var told = WebUtility.HtmlDecode(await Expect.OkAsync(await pages.GetAsync($"/Reviews/Details?id={spotId}", Cancel)));
        Assert.Contains("Underlaget är registrerat som granskat.", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQualityReviewGoesThroughTheApiFromPlanToClosedWithTheWorstFindingAsItsResult()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var (id, version) = await PlanAsync(developer, Demo.TryggaSaltsjobaden, "Kvalitetsgranskning genom API:t");
        using var prepared = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/preparation", new { comment = "Underlag begärt.", version }, Api.Json, Cancel);
        version = (await JsonAsync(prepared)).GetProperty("version").GetInt32();
        using var numbered = await developer.PutAsJsonAsync($"/api/v1/reviews/{id}/case-number", new { caseNumber = "kfks-2026-04712", version }, Api.Json, Cancel);
        Assert.Equal("KFKS-2026-04712", (await JsonAsync(numbered)).GetProperty("caseNumber").GetString());

        await ArrangeVisitAsync(id, Assessment.SeriousDeficiency);
        version = (await ReviewAsync(id)).Version;
        using var noSummary = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/draft", new { summary = " ", version }, Api.Json, Cancel);
        Assert.Equal(["Summary"], ErrorFields(await JsonAsync(noSummary, HttpStatusCode.BadRequest)));
        using var drafted = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/draft", new { summary = "En allvarlig brist i dokumentationen.", version }, Api.Json, Cancel);
        var draft = await JsonAsync(drafted);
        Assert.Equal("SeriousDeficiency", draft.GetProperty("result").GetString());
        Assert.Equal(1, draft.GetProperty("findings").GetProperty("byAssessment").EnumerateArray().Single(a => a.GetProperty("assessment").GetString() == "SeriousDeficiency").GetProperty("count").GetInt32());
        Assert.True(draft.GetProperty("findings").GetProperty("requiredCount").GetInt32() > 0);

        var due = Today.AddDays(3);
        using var communicated = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/communication",
            new { responseDueOn = Day(due), version = draft.GetProperty("version").GetInt32() }, Api.Json, Cancel);
        var sent = await JsonAsync(communicated);
        Assert.Equal("Communicated", sent.GetProperty("state").GetString());
        Assert.Equal(Day(due), sent.GetProperty("responseDueOn").GetString());
        using var tooSoon = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/finalisation", new { version = sent.GetProperty("version").GetInt32() }, Api.Json, Cancel);
        Assert.Contains("att svara", (await JsonAsync(tooSoon, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);

        // The provider's answer comes through the portal; here it is given through the review's own rule.
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var review = await db.Reviews.SingleAsync(r => r.Id == id, Cancel);
            var provider = new WorkflowActor(await app.GetUserIdAsync(Demo.TryggaHanderUser), "Tina Trygga (fiktiv)", [Roles.ProviderUser], null, review.ProviderId);
            Assert.Null(review.Respond(provider, ResponseKind.Comment, "Vi har redan påbörjat åtgärder.", DateTimeOffset.UtcNow).Refusal);
            await db.SaveChangesAsync(Cancel);
        });
        using var answered = await developer.GetAsync($"/api/v1/reviews/{id}", Cancel);
        var withAnswer = await JsonAsync(answered);
        Assert.Equal("Vi har redan påbörjat åtgärder.", withAnswer.GetProperty("responses")[0].GetProperty("text").GetString());
        using var finalised = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/finalisation", new { version = withAnswer.GetProperty("version").GetInt32() }, Api.Json, Cancel);
        var final = await JsonAsync(finalised);
        Assert.Equal("Final", final.GetProperty("state").GetString());
        using var closed = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/closure", new { comment = "Klart.", version = final.GetProperty("version").GetInt32() }, Api.Json, Cancel);
        Assert.Equal("Closed", (await JsonAsync(closed)).GetProperty("state").GetString());

        var after = await ReviewAsync(id);
        Assert.Equal(
            [ReviewStepKind.Planned, ReviewStepKind.PreparationStarted, ReviewStepKind.VisitDone, ReviewStepKind.DraftWritten, ReviewStepKind.Communicated,
                ReviewStepKind.ProviderResponded, ReviewStepKind.Finalised, ReviewStepKind.Closed],
            after.Steps.OrderBy(s => s.OccurredAt).Select(s => s.Kind));
        Assert.NotNull(after.ClosedOn);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Review) && a.EntityId == id.ToString()).Select(a => a.ActorName).ToListAsync(Cancel));
        Assert.Contains(Demo.QualityDeveloperName, audited);
        using var page = await (await app.CreateClientAs(Demo.QualityDeveloper)).GetAsync($"/Reviews/Details?id={id}", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
        Assert.Contains("Rapporten fastställdes", html, StringComparison.Ordinal);
        Assert.Contains("Vi har redan påbörjat åtgärder.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommunicatingOnThePageAsksForConfirmationNamingTheProviderAndTheDueDate()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var (id, version) = await DraftAsync(developer, "Granskning att bekräfta");
        using var pages = await app.CreateClientAs(Demo.QualityDeveloper);
        var due = Today.AddDays(20);
        var fields = new List<KeyValuePair<string, string>> { new("Version", version.ToString(CultureInfo.InvariantCulture)), new("ResponseDueOn", Day(due)) };

        using var asked = await Forms.SubmitAsync(pages, $"/Reviews/Details?id={id}", fields, $"/Reviews/Details?id={id}&handler=Communicate");
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(asked));
        Assert.Contains("Bekräfta kommunicering", html, StringComparison.Ordinal);
        Assert.Contains(Demo.TryggaHander, html, StringComparison.Ordinal);
        Assert.Contains(SwedishText.Date(due), html, StringComparison.Ordinal);
        Assert.Equal(ReviewState.DraftReport, (await ReviewAsync(id)).State);

        using var confirmed = await Forms.PostAsync(pages, $"/Reviews/Details?id={id}&handler=Communicate", Forms.AntiforgeryToken(html), [.. fields, new("confirmed", "true")]);
        await Expect.RedirectAsync(confirmed, "/Reviews/Details");
        var review = await ReviewAsync(id);
        Assert.Equal(ReviewState.Communicated, review.State);
        Assert.Equal(due, review.ResponseDueOn);
    }

    [Fact]
    public async Task TheGroupManagerNamesAnIndependentReviewerWhoTookNoPartAndTheirConclusionLetsTheReportBeFinalised()
    {
        var id = await ReviewIdAsync(DisputedCalledReview);
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var admin = await app.ApiClientAs(Demo.Admin);
        var version = (await ReviewAsync(id)).Version;
        var adminId = await app.GetUserIdAsync(Demo.Admin);

        using var candidates = await manager.GetAsync($"/api/v1/reviews/{id}/independent-reviewer-candidates", Cancel);
        var names = (await JsonAsync(candidates)).EnumerateArray().Select(c => c.GetProperty("userId").GetString()).ToList();
        using var byDeveloper = await developer.PostAsJsonAsync($"/api/v1/reviews/{id}/independent-reviewer", new { reviewerId = adminId, version }, Api.Json, Cancel);
        using var theLead = await manager.PostAsJsonAsync($"/api/v1/reviews/{id}/independent-reviewer",
            new { reviewerId = await app.GetUserIdAsync(Demo.QualityDeveloper), version }, Api.Json, Cancel);
        using var blocked = await manager.PostAsJsonAsync($"/api/v1/reviews/{id}/finalisation", new { version }, Api.Json, Cancel);
        using var assigned = await manager.PostAsJsonAsync($"/api/v1/reviews/{id}/independent-reviewer", new { reviewerId = adminId, version }, Api.Json, Cancel);

        Assert.Contains(adminId, names);
        Assert.DoesNotContain(await app.GetUserIdAsync(Demo.QualityDeveloper), names);
        Assert.DoesNotContain(await app.GetUserIdAsync(Demo.GroupManager), names);
        await JsonAsync(byDeveloper, HttpStatusCode.Forbidden);
        Assert.Equal(["ReviewerId"], ErrorFields(await JsonAsync(theLead, HttpStatusCode.BadRequest)));
        Assert.Contains("oberoende granskare", (await JsonAsync(blocked, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        var withReviewer = await JsonAsync(assigned);
        Assert.Equal("Alva Admin (fiktiv)", withReviewer.GetProperty("independentReviewerName").GetString());
        version = withReviewer.GetProperty("version").GetInt32();

        using var byManager = await manager.PostAsJsonAsync($"/api/v1/reviews/{id}/dispute-conclusion", new { conclusion = "Inte min sak.", version }, Api.Json, Cancel);
        await JsonAsync(byManager, HttpStatusCode.Forbidden);
        using var concluded = await admin.PostAsJsonAsync($"/api/v1/reviews/{id}/dispute-conclusion",
            new { conclusion = "Urvalet räcker för bedömningen; rapporten står sig.", version }, Api.Json, Cancel);
        version = (await JsonAsync(concluded)).GetProperty("version").GetInt32();
        using var finalised = await manager.PostAsJsonAsync($"/api/v1/reviews/{id}/finalisation", new { version }, Api.Json, Cancel);
        Assert.Equal("Final", (await JsonAsync(finalised)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AProviderUserGets403OnTheReviewsApiAndPagesAndNeverSeesAReviewBeforeItIsCommunicated()
    {
        using var providerApi = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var providerPages = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var communicated = await ReviewIdAsync(CommunicatedToOmsorgshuset);
        var draft = await ReviewIdAsync(TargetedDraft);
        var preparing = await ReviewIdAsync(HealthCareUnderPreparation);

        using var list = await providerApi.GetAsync("/api/v1/reviews", Cancel);
        using var one = await providerApi.GetAsync($"/api/v1/reviews/{communicated}", Cancel);
        using var plan = await providerApi.PostAsJsonAsync("/api/v1/reviews", await QualityReviewOfAsync(Demo.OmsorgshusetSickla, "Egen granskning"), Api.Json, Cancel);
        using var listPage = await providerPages.GetAsync("/Reviews", Cancel);
        using var draftPage = await providerPages.GetAsync($"/Reviews/Details?id={draft}", Cancel);

        await Expect.StatusAsync(list, HttpStatusCode.Forbidden);
        await Expect.StatusAsync(one, HttpStatusCode.Forbidden);
        await Expect.StatusAsync(plan, HttpStatusCode.Forbidden);
        await Expect.DeniedAsync(listPage);
        Assert.DoesNotContain(TargetedDraft, await Expect.DeniedAsync(draftPage), StringComparison.Ordinal);

        // What the portal reads is filtered the same way: the provider's communicated review, never its plans or drafts.
        var providerId = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        await using var scope = app.Services.CreateAsyncScope();
        await using var asProvider = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), new ScopedActor(AccessScope.ForProvider(providerId), Domain.Identity.Roles.ProviderUser), TimeProvider.System, scope.ServiceProvider.GetRequiredService<Domain.Audit.AuditKeyRing>());
        var visible = await asProvider.Reviews.Select(r => r.Id).ToListAsync(Cancel);
        var findingsOfDraft = await asProvider.ReviewFindings.CountAsync(f => f.ReviewId == draft, Cancel);
        var steps = await asProvider.ReviewSteps.CountAsync(s => s.ReviewId == preparing, Cancel);
        Assert.Contains(communicated, visible);
        Assert.DoesNotContain(draft, visible);
        Assert.DoesNotContain(preparing, visible);
        Assert.DoesNotContain(await ReviewIdAsync(TryggaFinal), visible);
        Assert.Equal(0, findingsOfDraft);
        Assert.Equal(0, steps);
        Assert.Equal(0, await asProvider.InterviewNotes.CountAsync(Cancel));
    }

    [Fact]
    public async Task ADistrictFollowUpOfficerSeesOnlyTheReviewsOfTheDistrictsUnits()
    {
        using var district = await app.ApiClientAs(Demo.DistrictUser);
        var north = await app.GetAdministrationIdAsync(Demo.NorthDistrict);
        var ofNorth = await app.WithDbAsync(db => db.Reviews.Where(r => r.Units.Any(u => u.Unit!.AdministrationId == north)).Select(r => r.Title).ToListAsync(Cancel));
        var south = await ReviewIdAsync(TryggaFinal);

        using var list = await district.GetAsync("/api/v1/reviews?pageSize=200", Cancel);
        using var hidden = await district.GetAsync($"/api/v1/reviews/{south}", Cancel);
        using var shared = await district.GetAsync($"/api/v1/reviews/{await ReviewIdAsync(TargetedDraft)}", Cancel);

        var titles = Titles(await JsonAsync(list)).ToList();
        Assert.Equal(ofNorth.Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
        Assert.Contains(InHouseVisitDone, titles);
        Assert.DoesNotContain(TryggaFinal, titles);
        await Expect.StatusAsync(hidden, HttpStatusCode.NotFound);
        // A targeted follow-up over a northern and a southern unit: the district sees it, but not the other district's unit.
        var units = (await JsonAsync(shared)).GetProperty("units").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ToList();
        Assert.Contains(Demo.OmsorgshusetSickla, units);
        Assert.DoesNotContain("Omsorgshuset Hemtjänst Älta (fiktiv)", units);
    }

    [Fact]
    public async Task TheDetailsPageShowsTheStepsTheActorMayTakeAndTheProvidersAnswer()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var manager = await app.CreateClientAs(Demo.GroupManager);
        var communicated = await ReviewIdAsync(CommunicatedToOmsorgshuset);
        var inHouse = await ReviewIdAsync(InHouseVisitDone);
        var final = await ReviewIdAsync(TryggaFinal);

        var asDeveloper = WebUtility.HtmlDecode(await Expect.OkAsync(await developer.GetAsync($"/Reviews/Details?id={inHouse}", Cancel)));
        var asManager = WebUtility.HtmlDecode(await Expect.OkAsync(await manager.GetAsync($"/Reviews/Details?id={inHouse}", Cancel)));
        var awaiting = WebUtility.HtmlDecode(await Expect.OkAsync(await developer.GetAsync($"/Reviews/Details?id={communicated}", Cancel)));
        var answered = WebUtility.HtmlDecode(await Expect.OkAsync(await developer.GetAsync($"/Reviews/Details?id={final}", Cancel)));
        using var unknown = await developer.GetAsync($"/Reviews/Details?id={Guid.CreateVersion7()}", Cancel);

        Assert.Contains("Skriv utkastet", asDeveloper, StringComparison.Ordinal);
        Assert.DoesNotContain("Skriv utkastet", asManager, StringComparison.Ordinal);
        Assert.Contains("Anordnaren har inte svarat", awaiting, StringComparison.Ordinal);
        Assert.Contains("Fastställ rapporten", awaiting, StringComparison.Ordinal);
        Assert.Contains("Vi har tagit fram en rutin för hot och våld", answered, StringComparison.Ordinal);
        Assert.Contains("Allvarlig brist", answered, StringComparison.Ordinal);
        Assert.Contains("Avsluta granskningen", answered, StringComparison.Ordinal);
        await Expect.StatusAsync(unknown, HttpStatusCode.NotFound);
    }
}
