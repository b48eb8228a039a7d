using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Commissions;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The council board's commissions and its decision on the council-wide review over HTTP (decision 0042): who may give, answer and
/// close a commission, that its status moves only forward, what is overdue, validation, and who reads which.
/// </summary>
public sealed class CommissionTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string CommitteeMember = "ledamot@uppsikt.example";
    private const string Commissions = "/api/v1/commissions";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Given(string title, Guid? committeeId, DateOnly? decidedOn = null, string paragraph = "§ 7", string caseNumber = "KFKS-2026-00077") =>
        new { title, committeeId, decidedOn = Iso(decidedOn ?? Today.AddDays(-10)), paragraph, caseNumber, dueOn = Iso(Today.AddDays(60)) };

    private Task<Guid> CommitteeAsync(string name) => app.WithDbAsync(db => db.Committees.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Cancel));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK) =>
        JsonDocument.Parse(await Expect.StatusAsync(response, status)).RootElement;

    private async Task<JsonElement> GiveAsync(string title, Guid? committeeId)
    {
        using var council = await app.ApiClientAs(Demo.CouncilReviewer);
        using var response = await council.PostAsJsonAsync(Commissions, Given(title, committeeId), Api.Json, Cancel);
        return await JsonAsync(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task TheStatusMovesOnlyForwardEachStepByWhomItIsFor()
    {
        var created = await GiveAsync("Uppdrag i ordning (testdata)", await CommitteeAsync("Äldrenämnden"));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Given", created.GetProperty("state").GetString());
        using var council = await app.ApiClientAs(Demo.CouncilReviewer);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);

        // Out of order: neither reported nor closed while only given.
        using (var early = await developer.PostAsJsonAsync($"{Commissions}/{id}/report", new { reportedOn = Iso(Today), summary = "För tidigt", version = 0 }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(early, HttpStatusCode.Conflict);
        }
        using (var early = await council.PostAsJsonAsync($"{Commissions}/{id}/close", new { version = 0 }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(early, HttpStatusCode.Conflict);
        }
        // The quality developer may not give or close a commission.
        using (var notTheirs = await developer.PostAsJsonAsync(Commissions, Given("Inte deras (testdata)", null), Api.Json, Cancel))
        {
            await Expect.StatusAsync(notTheirs, HttpStatusCode.Forbidden);
        }

        var started = await JsonAsync(await developer.PostAsJsonAsync($"{Commissions}/{id}/start", new { comment = "Vi börjar", version = 0 }, Api.Json, Cancel));
        Assert.Equal("InProgress", started.GetProperty("state").GetString());
        var reported = await JsonAsync(await developer.PostAsJsonAsync($"{Commissions}/{id}/report",
            new { reportedOn = Iso(Today), summary = "Svaret i korthet (testdata)", version = started.GetProperty("version").GetInt32() }, Api.Json, Cancel));
        Assert.Equal("Reported", reported.GetProperty("state").GetString());
        Assert.Equal("Svaret i korthet (testdata)", reported.GetProperty("reportSummary").GetString());

        using (var notTheirs = await developer.PostAsJsonAsync($"{Commissions}/{id}/close", new { version = reported.GetProperty("version").GetInt32() }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(notTheirs, HttpStatusCode.Forbidden);
        }
        var closed = await JsonAsync(await council.PostAsJsonAsync($"{Commissions}/{id}/close", new { version = reported.GetProperty("version").GetInt32() }, Api.Json, Cancel));
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal(["Given", "InProgress", "Reported", "Closed"], closed.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("state").GetString()));
        using (var again = await council.PutAsJsonAsync($"{Commissions}/{id}", Given("Ändrat efteråt", null), Api.Json, Cancel))
        {
            await Expect.StatusAsync(again, HttpStatusCode.Conflict);
        }

        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Commission" && a.EntityId == id.ToString(), Cancel));
        Assert.True(audited >= 4, $"Every write is audited; found {audited} entries.");
    }

    [Fact]
    public async Task BadInputSavesNothingAndSaysWhyInSwedish()
    {
        var before = await app.WithDbAsync(db => db.Commissions.CountAsync(Cancel));
        using var council = await app.ApiClientAs(Demo.CouncilReviewer);
        (object Body, string Field)[] cases =
        [
            (Given("Framtida beslut", null, decidedOn: Today.AddDays(3)), "DecidedOn"),
            (Given("Utan paragraf", null, paragraph: " "), "Paragraph"),
            (Given("Fel diarienummer", null, caseNumber: "inte ett nummer"), "CaseNumber"),
            (Given(" ", null), "Title"),
            (new { title = "Utan sista dag", decidedOn = Iso(Today.AddDays(-1)), paragraph = "1", caseNumber = "KFKS-2026-00001" }, "DueOn"),
            (Given("Okänd nämnd", Guid.CreateVersion7()), "CommitteeId"),
        ];
        foreach (var (body, field) in cases)
        {
            using var response = await council.PostAsJsonAsync(Commissions, body, Api.Json, Cancel);
            var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{field}: {problem}");
            Assert.Matches("[åäöÅÄÖ]|Ange|ska|kan", messages[0].GetString()!);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Commissions.CountAsync(Cancel)));

        // Every problem of a form is told at once, not one per attempt: the commission without a title, a decision date or a due
        // day, and the report without a date or a summary.
        using (var response = await council.PostAsJsonAsync(Commissions, new { title = " ", paragraph = "1", caseNumber = "KFKS-2026-00001" }, Api.Json, Cancel))
        {
            var errors = (await JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.All(new[] { "Title", "DecidedOn", "DueOn" }, field => Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}"));
        }
        var id = (await GiveAsync("Att återrapportera (testdata)", null)).GetProperty("id").GetGuid();
        var started = await JsonAsync(await council.PostAsJsonAsync($"{Commissions}/{id}/start", new { version = 0 }, Api.Json, Cancel));
        using (var response = await council.PostAsJsonAsync($"{Commissions}/{id}/report",
            new { reportedOn = (string?)null, summary = " ", version = started.GetProperty("version").GetInt32() }, Api.Json, Cancel))
        {
            var errors = (await JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.All(new[] { "ReportedOn", "Summary" }, field => Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}"));
        }
        Assert.Equal("InProgress", (await JsonAsync(await council.GetAsync($"{Commissions}/{id}", Cancel))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AnOverdueCommissionIsMarkedInWordsAndCounted()
    {
        using var council = await app.CreateClientAs(Demo.CouncilReviewer);
        var overdue = await app.WithDbAsync(db => db.Commissions.Where(c => c.State == CommissionState.InProgress && c.DueOn < Today).Select(c => new { c.Id, c.Title }).SingleAsync(Cancel));

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await council.GetAsync("/Commissions?Overdue=true", Cancel)));
        Assert.Contains(overdue.Title, html, StringComparison.Ordinal);
        Assert.Contains("Försenat", html, StringComparison.Ordinal);
        Assert.Contains("1 uppdrag", html, StringComparison.Ordinal);

        var start = WebUtility.HtmlDecode(await Expect.OkAsync(await council.GetAsync("/", Cancel)));
        Assert.Matches(@"work-count"">1</strong> uppdrag försenat", start);
        var reported = await app.WithDbAsync(db => db.Commissions.CountAsync(c => c.State == CommissionState.Reported, Cancel));
        Assert.Matches($@"work-count"">{reported}</strong> uppdrag att följa upp", start);

        // The demo's quality developer serves no particular committee, so counts every commission not yet reported.
        var notReported = await app.WithDbAsync(db => db.Commissions.CountAsync(c => c.State == CommissionState.Given || c.State == CommissionState.InProgress, Cancel));
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var developerStart = WebUtility.HtmlDecode(await Expect.OkAsync(await developer.GetAsync("/", Cancel)));
        Assert.Matches($@"work-count"">{notReported}</strong> uppdrag från kommunstyrelsen att återrapportera", developerStart);
    }

    [Fact]
    public async Task AMemberReadsOnlyItsOwnCommitteesCommissionsAndAProviderNone()
    {
        var own = (await GiveAsync("Till äldrenämnden (testdata)", await CommitteeAsync("Äldrenämnden"))).GetProperty("id").GetGuid();
        var other = (await GiveAsync("Till socialnämnden (testdata)", await CommitteeAsync("Socialnämnden"))).GetProperty("id").GetGuid();
        var administration = (await GiveAsync("Till förvaltningen (testdata)", null)).GetProperty("id").GetGuid();

        using var member = await app.ApiClientAs(CommitteeMember);
        var list = await JsonAsync(await member.GetAsync($"{Commissions}?pageSize=200", Cancel));
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(own, ids);
        Assert.DoesNotContain(other, ids);
        Assert.DoesNotContain(administration, ids);
        using (var hidden = await member.GetAsync($"{Commissions}/{other}", Cancel))
        {
            await Expect.StatusAsync(hidden, HttpStatusCode.NotFound);
        }
        using (var write = await member.PostAsJsonAsync($"{Commissions}/{own}/start", new { version = 0 }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(write, HttpStatusCode.Forbidden);
        }
        using var memberPage = await app.CreateClientAs(CommitteeMember);
        using (var page = await memberPage.GetAsync($"/Commissions/Details/{other}", Cancel))
        {
            await Expect.StatusAsync(page, HttpStatusCode.NotFound);
        }

        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using (var refused = await provider.GetAsync(Commissions, Cancel))
        {
            await Expect.StatusAsync(refused, HttpStatusCode.Forbidden);
        }
        using var providerPage = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var providerList = await providerPage.GetAsync("/Commissions", Cancel);
        Assert.True(Expect.IsDenied(providerList));
    }

    [Fact]
    public async Task ClosingOnThePageAsksForAConfirmationFirst()
    {
        var reported = (await GiveAsync("Att avsluta (testdata)", null)).GetProperty("id").GetGuid();
        using (var api = await app.ApiClientAs(Demo.CouncilReviewer))
        {
            await JsonAsync(await api.PostAsJsonAsync($"{Commissions}/{reported}/start", new { version = 0 }, Api.Json, Cancel));
            await JsonAsync(await api.PostAsJsonAsync($"{Commissions}/{reported}/report", new { reportedOn = Iso(Today), summary = "Klart (testdata)", version = 1 }, Api.Json, Cancel));
        }
        using var council = await app.CreateClientAs(Demo.CouncilReviewer);
        var page = $"/Commissions/Details/{reported}";
        var html = await Expect.OkAsync(await council.GetAsync(page, Cancel));
        var version = Forms.InputValue(html, "version")!;

        using var asked = await Forms.PostAsync(council, $"{page}?handler=Close", Forms.AntiforgeryToken(html), [new("version", version)]);
        Assert.Contains("Bekräfta och avsluta", await Expect.OkAsync(asked), StringComparison.Ordinal);
        Assert.Equal(CommissionState.Reported, await app.WithDbAsync(db => db.Commissions.Where(c => c.Id == reported).Select(c => c.State).SingleAsync(Cancel)));

        using var confirmed = await Forms.PostAsync(council, $"{page}?handler=Close", Forms.AntiforgeryToken(html), [new("version", version), new("confirmed", "true")]);
        await Expect.RedirectAsync(confirmed, page);
        Assert.Equal(CommissionState.Closed, await app.WithDbAsync(db => db.Commissions.Where(c => c.Id == reported).Select(c => c.State).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task TheCouncilBoardsDecisionOnTheReviewIsRecordedValidatedAndShown()
    {
        var year = Today.Year;
        var decision = new { decidedOn = Iso(Today), paragraph = "45", caseNumber = $"kfks-{year}-00999", text = "Kommunstyrelsen godkänner den samlade uppföljningen (testdata).", version = 0 };

        using var member = await app.ApiClientAs(CommitteeMember);
        using (var refused = await member.PutAsJsonAsync($"/api/v1/council-review/{year}/decision", decision, Api.Json, Cancel))
        {
            await Expect.StatusAsync(refused, HttpStatusCode.Forbidden);
        }
        using var council = await app.ApiClientAs(Demo.CouncilReviewer);
        using (var future = await council.PutAsJsonAsync($"/api/v1/council-review/{year}/decision", decision with { decidedOn = Iso(Today.AddDays(1)) }, Api.Json, Cancel))
        {
            var problem = await JsonAsync(future, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("DecidedOn", out _));
        }
        using (var noParagraph = await council.PutAsJsonAsync($"/api/v1/council-review/{year}/decision", decision with { paragraph = "" }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(noParagraph, HttpStatusCode.BadRequest);
        }
        using (var missing = await council.GetAsync($"/api/v1/council-review/{year}/decision", Cancel))
        {
            await Expect.StatusAsync(missing, HttpStatusCode.NotFound);
        }

        var saved = await JsonAsync(await council.PutAsJsonAsync($"/api/v1/council-review/{year}/decision", decision, Api.Json, Cancel));
        Assert.Equal("§ 45", saved.GetProperty("paragraph").GetString());
        Assert.Equal($"KFKS-{year}-00999", saved.GetProperty("caseNumber").GetString());

        using var page = await app.CreateClientAs(CommitteeMember);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await page.GetAsync($"/Plans/CouncilReview?Year={year}", Cancel)));
        Assert.Contains("Kommunstyrelsen godkänner den samlade uppföljningen (testdata).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Spara beslutet", html, StringComparison.Ordinal);

        using var councilPage = await app.CreateClientAs(Demo.CouncilReviewer);
        using var memo = await councilPage.GetAsync($"/Plans/CouncilReview?handler=Docx&Year={year}&CaseNumber=KFKS-{year}-00012", Cancel);
        Assert.Contains("Kommunstyrelsen godkänner den samlade uppföljningen (testdata).", Expect.WordText(await memo.Content.ReadAsByteArrayAsync(Cancel)), StringComparison.Ordinal);

        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "CouncilReviewDecision", Cancel));
        Assert.True(audited >= 2, "The demo's decision and this one are audited.");
    }
}
