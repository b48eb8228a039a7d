using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Follow-up plans over HTTP: the workflow by role, adopted plans read-only, drafts never published.</summary>
public sealed class PlanTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int ThisYear => DateTime.UtcNow.Year;

    private Task<Guid> PlanIdAsync(string choiceSystem, int year, int revision = 0) =>
        app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.ChoiceSystem!.Name == choiceSystem && p.Year == year && p.RevisionNumber == revision)
            .Select(p => p.Id).SingleAsync(Cancel));

    private Task<FollowUpPlan> PlanAsync(Guid id) =>
        app.WithDbAsync(db => db.FollowUpPlans.AsNoTracking().Include(p => p.Activities).Include(p => p.Steps).SingleAsync(p => p.Id == id, Cancel));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await Expect.StatusAsync(response, status);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task AQualityDeveloperStartsFromLastYearsPlanTheGroupManagerApprovesTheSecretaryAdoptsAndItIsPublished()
    {
        var choiceSystemId = await app.GetChoiceSystemIdAsync(Demo.ElderlyDayCare);
        var lastYear = await PlanAsync(await PlanIdAsync(Demo.ElderlyDayCare, ThisYear - 1));
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        using var secretary = await app.ApiClientAs(Demo.CommitteeSecretary);
        using var anonymous = app.CreateAnonymousClient();

        using var created = await developer.PostAsJsonAsync("/api/v1/plans", new { choiceSystemId, year = ThisYear, fromLastYear = true }, Api.Json, Cancel);
        var draft = await JsonAsync(created, HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal(lastYear.Activities.Count, draft.GetProperty("activities").GetArrayLength());
        using (var hidden = await anonymous.GetAsync($"/Public/Plan/{id}", Cancel))
        {
            await Expect.StatusAsync(hidden, HttpStatusCode.NotFound);
        }

        using var approved = await manager.PostAsJsonAsync($"/api/v1/plans/{id}/approve", new { comment = "Ser bra ut." }, Api.Json, Cancel);
        Assert.Equal("Approved", (await JsonAsync(approved)).GetProperty("state").GetString());

        using var adopted = await secretary.PostAsJsonAsync($"/api/v1/plans/{id}/adopt",
            new { decidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), paragraph = "42", caseNumber = "kfks-2026-00777" }, Api.Json, Cancel);
        var adoption = (await JsonAsync(adopted)).GetProperty("adoption");
        Assert.Equal("§ 42", adoption.GetProperty("paragraph").GetString());
        Assert.Equal("KFKS-2026-00777", adoption.GetProperty("caseNumber").GetString());

        var plan = await PlanAsync(id);
        Assert.Equal(PlanState.Adopted, plan.State);
        Assert.Equal([PlanStepKind.CopiedFromLastYear, PlanStepKind.Approved, PlanStepKind.Adopted], plan.Steps.OrderBy(s => s.OccurredAt).Select(s => s.Kind));
        Assert.Equal("Sara Sekreterare (fiktiv)", plan.Steps.Single(s => s.Kind == PlanStepKind.Adopted).ActorName);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(FollowUpPlan) && a.EntityId == id.ToString()).Select(a => a.ActorName).ToListAsync(Cancel));
        Assert.Contains("Gustav Gruppchef (fiktiv)", audited);
        Assert.Contains("Sara Sekreterare (fiktiv)", audited);

        using var published = await anonymous.GetAsync($"/Public/Plans?year={ThisYear}", Cancel);
        Assert.Contains($"/Public/Plan/{id}", await Expect.OkAsync(published), StringComparison.Ordinal);
        using var page = await anonymous.GetAsync($"/Public/Plan/{id}", Cancel);
        Assert.Contains("KFKS-2026-00777", await Expect.OkAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderUserCanNeitherEditNorApproveAPlan()
    {
        var id = await PlanIdAsync(Demo.CultureSchool, ThisYear);
        var before = await PlanAsync(id);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var providerApi = await app.ApiClientAs(Demo.OmsorgshusetUser);

        using (var edit = await provider.GetAsync($"/Plans/Edit/{id}", Cancel))
        {
            await Expect.DeniedAsync(edit);
        }
        using (var approve = await Forms.PostAsync(provider, $"/Plans/Details/{id}?handler=Approve", await TokenAsync(provider), []))
        {
            await Expect.DeniedAsync(approve);
        }
        using (var apiApprove = await providerApi.PostAsJsonAsync($"/api/v1/plans/{id}/approve", new { }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(apiApprove, HttpStatusCode.Forbidden);
        }
        using (var apiEdit = await providerApi.PutAsJsonAsync($"/api/v1/plans/{id}", new { focusThemes = new[] { "Inkräktare" }, version = before.Version }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(apiEdit, HttpStatusCode.Forbidden);
        }
        Assert.Equal(before.Version, (await PlanAsync(id)).Version);
    }

    [Fact]
    public async Task AQualityDeveloperCannotApproveAPlan()
    {
        var id = await PlanIdAsync(Demo.CultureSchool, ThisYear);
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var developerApi = await app.ApiClientAs(Demo.QualityDeveloper);

        using (var page = await Forms.SubmitAsync(developer, $"/Plans/Details/{id}", [new("Comment", "Godkänner själv")], $"/Plans/Details/{id}?handler=Approve"))
        {
            await Expect.DeniedAsync(page);
        }
        using var api = await developerApi.PostAsJsonAsync($"/api/v1/plans/{id}/approve", new { comment = "Godkänner själv" }, Api.Json, Cancel);

        var problem = await JsonAsync(api, HttpStatusCode.Forbidden);
        Assert.Equal("Bara en gruppchef kan godkänna en uppföljningsplan.", problem.GetProperty("title").GetString());
        Assert.Equal(PlanState.Draft, (await PlanAsync(id)).State);
    }

    [Fact]
    public async Task AnIncompleteDraftCannotBeApprovedAndTheCompletenessCheckSaysWhy()
    {
        var id = await PlanIdAsync(Demo.CultureSchool, ThisYear);
        using var manager = await app.ApiClientAs(Demo.GroupManager);

        using var completeness = await manager.GetAsync($"/api/v1/plans/{id}/completeness", Cancel);
        var result = await JsonAsync(completeness);
        using var approve = await manager.PostAsJsonAsync($"/api/v1/plans/{id}/approve", new { }, Api.Json, Cancel);
        using var managerPage = await app.CreateClientAs(Demo.GroupManager);
        using var page = await managerPage.GetAsync($"/Plans/Details/{id}", Cancel);

        Assert.Contains(result.GetProperty("conditionsWithoutOccasion").EnumerateArray(), c => c.GetProperty("code").GetString() == "K3");
        var gap = Assert.Single(result.GetProperty("incompleteActivities").EnumerateArray());
        Assert.Equal(["Who", "HowOften"], gap.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        // Bad content of no field in particular: a 400 with the Swedish reason as the title.
        var refused = await JsonAsync(approve, HttpStatusCode.BadRequest);
        Assert.StartsWith("Alla aktiviteter måste ange vad, hur, vem och hur ofta", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
        Assert.Contains("Villkor K3 Lokaler och tillgänglighet har inget uppföljningstillfälle.", html, StringComparison.Ordinal);
        Assert.Contains("saknar vem, hur ofta", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiAnswersAnUnknownPlanWith404AndBadInputWith400ByField()
    {
        using var developerApi = await app.ApiClientAs(Demo.QualityDeveloper);
        var choiceSystemId = await app.WithDbAsync(db => db.ChoiceSystems.Where(c => c.Name == Demo.CultureSchool).Select(c => c.Id).SingleAsync(Cancel));

        using var unknown = await developerApi.PutAsJsonAsync($"/api/v1/plans/{Guid.CreateVersion7()}", new { focusThemes = new[] { "Inget" }, version = 0 }, Api.Json, Cancel);
        Assert.Equal("Hittades inte.", (await JsonAsync(unknown, HttpStatusCode.NotFound)).GetProperty("title").GetString());

        using var noYear = await developerApi.PostAsJsonAsync("/api/v1/plans", new { choiceSystemId }, Api.Json, Cancel);
        var problem = await JsonAsync(noYear, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", noYear.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Ange år."], problem.GetProperty("errors").GetProperty("Year").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AnAdoptedPlanRefusesEditsOnPageAndApiWithASwedishMessage()
    {
        var id = await PlanIdAsync(Demo.NursingHome, ThisYear);
        var before = await PlanAsync(id);
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var developerApi = await app.ApiClientAs(Demo.QualityDeveloper);

        using var page = await developer.GetAsync($"/Plans/Edit/{id}", Cancel);
        using var put = await developerApi.PutAsJsonAsync($"/api/v1/plans/{id}", new { focusThemes = new[] { "Ändrat i efterhand" }, version = before.Version }, Api.Json, Cancel);
        using var activity = await developerApi.PostAsJsonAsync($"/api/v1/plans/{id}/activities",
            new { activity = new { what = "Smyger in", method = "Visit", who = "Någon", frequency = "Annual" }, planVersion = before.Version }, Api.Json, Cancel);

        Assert.Contains("antagen av nämnden och kan inte ändras", WebUtility.HtmlDecode(await Expect.StatusAsync(page, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        var problem = await JsonAsync(put, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Revidera", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        await Expect.StatusAsync(activity, HttpStatusCode.Conflict);
        var after = await PlanAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.FocusThemes, after.FocusThemes);
        Assert.Equal(before.Activities.Count, after.Activities.Count);
    }

    [Fact]
    public async Task Revidera_MakesANewDraftLinkedToTheAdoptedPlanThatCanBeEdited()
    {
        var id = await PlanIdAsync(Demo.NursingHome, ThisYear);
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);

        using var revise = await Forms.SubmitAsync(developer, $"/Plans/Details/{id}", [new("Comment", "Nytt villkor om krisberedskap")], $"/Plans/Details/{id}?handler=Revise");

        var revisionId = await PlanIdAsync(Demo.NursingHome, ThisYear, revision: 1);
        await Expect.RedirectAsync(revise, $"/Plans/Details/{revisionId}");
        var revision = await PlanAsync(revisionId);
        Assert.Equal(PlanState.Draft, revision.State);
        Assert.Equal(id, revision.RevisesPlanId);
        using var edit = await Forms.SubmitAsync(developer, $"/Plans/Edit/{revisionId}",
            [new("Input.FocusThemes", "Krisberedskap\nNattbemanning"), new("Input.Version", revision.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        await Expect.RedirectAsync(edit, $"/Plans/Details/{revisionId}");
        Assert.Equal(["Krisberedskap", "Nattbemanning"], (await PlanAsync(revisionId)).FocusThemes);
        Assert.Equal(PlanState.Adopted, (await PlanAsync(id)).State);
    }

    [Fact]
    public async Task ASecretaryOfAnotherCommitteeCannotAdoptOnPageOrApi()
    {
        var faiPlan = await PlanIdAsync(Demo.Fai, ThisYear);
        using var secretary = await app.CreateClientAs(Demo.CommitteeSecretary);

        using var other = await Forms.SubmitAsync(secretary, $"/Plans/Adopt/{faiPlan}",
            [new("Input.DecidedOn", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("Input.Paragraph", "§ 3"), new("Input.CaseNumber", "KFKS-2026-00003")]);

        await Expect.DeniedAsync(other);
        Assert.Equal(PlanState.Approved, (await PlanAsync(faiPlan)).State);

        using var elderlyApi = await app.ApiClientAs(Demo.CommitteeSecretary);
        var boendestod = await PlanIdAsync("Boendestöd", ThisYear);
        using var refused = await elderlyApi.PostAsJsonAsync($"/api/v1/plans/{boendestod}/adopt", new { decidedOn = TimeProvider.System.SwedishToday(), paragraph = "§ 3" }, Api.Json, Cancel);
        var problem = await JsonAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("annan nämnd", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicPagesShowAdoptedPlansOnlyNeverDrafts()
    {
        var draft = await PlanIdAsync(Demo.CultureSchool, ThisYear);
        var adopted = await PlanIdAsync(Demo.NursingHome, ThisYear);
        var lastYearsCulture = await PlanIdAsync(Demo.CultureSchool, ThisYear - 1);
        using var anonymous = app.CreateAnonymousClient();

        using var list = await anonymous.GetAsync($"/Public/Plans?year={ThisYear}", Cancel);
        var html = await Expect.OkAsync(list);
        using var hidden = await anonymous.GetAsync($"/Public/Plan/{draft}", Cancel);
        using var shown = await anonymous.GetAsync($"/Public/Plan/{lastYearsCulture}", Cancel);
        using var start = await anonymous.GetAsync("/Public", Cancel);

        Assert.Contains($"/Public/Plan/{adopted}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Kulturskola<", html, StringComparison.Ordinal);
        await Expect.StatusAsync(hidden, HttpStatusCode.NotFound);
        await Expect.OkAsync(shown);
        var startPage = await Expect.OkAsync(start);
        Assert.Contains("href=\"/Public/Plans\"", startPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/Public/Conditions\"", startPage, StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/Account/Tokens");
        return Forms.AntiforgeryToken(await Expect.OkAsync(page));
    }
}
