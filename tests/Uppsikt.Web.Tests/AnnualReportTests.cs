using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Annual reports over HTTP: the demo's report for last year per committee as Word and as a print page, the steps draft → submitted →
/// decided and who takes each, figures frozen on submission, small groups suppressed, validation, and who reads which.
/// </summary>
public sealed class AnnualReportTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string CommitteeMember = "ledamot@uppsikt.example";
    private const string Reports = "/api/v1/annual-reports";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int LastYear => Today.Year - 1;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    private Task<Guid> CommitteeAsync(string name) => app.WithDbAsync(db => db.Committees.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Cancel));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        using (response)
        {
            return JsonDocument.Parse(await Expect.StatusAsync(response, status)).RootElement.Clone();
        }
    }

    private static int Version(JsonElement report) => report.GetProperty("version").GetInt32();

    [Fact]
    public async Task TheDemoHasLastYearsReportOfEveryCommitteeAsWordAndAsAPrintPage()
    {
        var committees = await app.WithDbAsync(db => db.Committees.Where(c => c.ChoiceSystems.Any()).Select(c => c.Name).ToListAsync(Cancel));
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var list = await JsonAsync(await developer.GetAsync($"{Reports}?year={LastYear}&pageSize=100", Cancel));
        var whole = list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("choiceSystem").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(committees.Order(StringComparer.Ordinal), whole.Select(r => r.GetProperty("committee").GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains(whole, r => r.GetProperty("state").GetString() == "Decided");

        using var pages = await app.CreateClientAs(Demo.QualityDeveloper);
        foreach (var report in whole)
        {
            var id = report.GetProperty("id").GetGuid();
            var committee = report.GetProperty("committee").GetString()!;
            using var word = await pages.GetAsync($"/AnnualReports/Details/{id}?handler=Word", Cancel);
            Assert.Equal(HttpStatusCode.OK, word.StatusCode);
            var text = Expect.WordText(await word.Content.ReadAsByteArrayAsync(Cancel));
            Assert.NotNull(text);
            Assert.Contains($"Årsrapport {LastYear} – {committee}", text, StringComparison.Ordinal);
            Assert.Contains("Brister per område", text, StringComparison.Ordinal);
            using var print = await pages.GetAsync($"/AnnualReports/Print/{id}", Cancel);
            var html = await Expect.OkAsync(print);
            Assert.Contains("Resultat per enhet", html, StringComparison.Ordinal);
            Assert.DoesNotContain("handler=Write", html, StringComparison.Ordinal);
            Assert.DoesNotContain("handler=Submit", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AReportMovesFromDraftToDecidedEachStepByWhomItIsForAndFreezesItsFigures()
    {
        var elderly = await CommitteeAsync("Äldrenämnden");
        var dayCare = await app.GetChoiceSystemIdAsync(Demo.ElderlyDayCare);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var secretary = await app.ApiClientAs(Demo.CommitteeSecretary);
        using var manager = await app.ApiClientAs(Demo.GroupManager);

        using (var notWriter = await manager.PostAsJsonAsync(Reports, new { year = LastYear, committeeId = elderly, choiceSystemId = dayCare }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(notWriter, HttpStatusCode.Forbidden);
        }
        var created = await JsonAsync(await developer.PostAsJsonAsync(Reports, new { year = LastYear, committeeId = elderly, choiceSystemId = dayCare }, Api.Json, Cancel),
            HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Draft", created.GetProperty("state").GetString());
        Assert.Equal([Demo.ElderlyDayCare], created.GetProperty("figures").GetProperty("choiceSystems").EnumerateArray().Select(c => c.GetString()));

        // Not ready without a summary and proposals; both are told at once.
        var problem = await JsonAsync(await developer.PostAsJsonAsync($"{Reports}/{id}/submit", new { version = Version(created) }, Api.Json, Cancel), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Summary", out _) && problem.GetProperty("errors").TryGetProperty("Proposals", out _), problem.ToString());

        var written = await JsonAsync(await developer.PutAsJsonAsync($"{Reports}/{id}/text",
            new { summary = "Året i korthet (testdata)", proposals = "Nämnden godkänner rapporten.", version = Version(created) }, Api.Json, Cancel));
        var submitted = await JsonAsync(await developer.PostAsJsonAsync($"{Reports}/{id}/submit", new { version = Version(written) }, Api.Json, Cancel));
        Assert.Equal("Submitted", submitted.GetProperty("state").GetString());

        // A result added afterwards does not change what was submitted; taken back to draft, the report counts it.
        var unit = await app.WithDbAsync(db => db.Units.Where(u => u.ChoiceSystems.Any(c => c.Id == dayCare)).Select(u => u.Id).FirstAsync(Cancel));
        await app.WithDbAsync(async db =>
        {
            var indicator = new Indicator { Code = "TEST-ARS", Name = "Frusen siffra (testdata)", UnitOfMeasure = "%", ValueKind = IndicatorValueKind.Share };
            db.Indicators.Add(indicator);
            db.Outcomes.Add(new Outcome { IndicatorId = indicator.Id, UnitId = unit, Year = LastYear, PeriodKind = PeriodKind.Year, Value = 77, Answers = 40 });
            return await db.SaveChangesAsync(Cancel);
        });
        static bool Counts(JsonElement report) =>
            report.GetProperty("figures").GetProperty("results").EnumerateArray().Any(r => r.GetProperty("indicator").GetString() == "Frusen siffra (testdata)");
        Assert.False(Counts(await JsonAsync(await developer.GetAsync($"{Reports}/{id}", Cancel))));
        using (var locked = await developer.PutAsJsonAsync($"{Reports}/{id}/text", new { summary = "Ändrat efteråt", version = Version(submitted) }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(locked, HttpStatusCode.Conflict);
        }
        var withdrawn = await JsonAsync(await developer.PostAsJsonAsync($"{Reports}/{id}/withdraw", new { version = Version(submitted) }, Api.Json, Cancel));
        Assert.True(Counts(withdrawn));
        submitted = await JsonAsync(await developer.PostAsJsonAsync($"{Reports}/{id}/submit", new { version = Version(withdrawn) }, Api.Json, Cancel));

        // Only the committee's secretary records the decision, and not one dated in the future.
        using (var notSecretary = await developer.PostAsJsonAsync($"{Reports}/{id}/decision",
            new { decidedOn = Iso(Today), paragraph = "12", caseNumber = "ÄLN-2026-00012", version = Version(submitted) }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(notSecretary, HttpStatusCode.Forbidden);
        }
        var future = await JsonAsync(await secretary.PostAsJsonAsync($"{Reports}/{id}/decision",
            new { decidedOn = Iso(Today.AddDays(2)), paragraph = "12", caseNumber = "ÄLN-2026-00012", version = Version(submitted) }, Api.Json, Cancel), HttpStatusCode.BadRequest);
        Assert.True(future.GetProperty("errors").TryGetProperty("DecidedOn", out _), future.ToString());
        var decided = await JsonAsync(await secretary.PostAsJsonAsync($"{Reports}/{id}/decision",
            new { decidedOn = Iso(Today), paragraph = "12", caseNumber = "ÄLN-2026-00012", version = Version(submitted) }, Api.Json, Cancel));
        Assert.Equal("Decided", decided.GetProperty("state").GetString());
        Assert.Equal("§ 12", decided.GetProperty("decision").GetProperty("paragraph").GetString());
        using (var late = await developer.PostAsJsonAsync($"{Reports}/{id}/withdraw", new { version = Version(decided) }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(late, HttpStatusCode.Conflict);
        }

        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "AnnualReport" && a.EntityId == id.ToString(), Cancel));
        Assert.True(audited >= 6, $"Every write is audited; found {audited} entries.");
    }

    [Fact]
    public async Task ResultsFromTooFewAnswersAreWithheldInTheReport()
    {
        var elderly = await CommitteeAsync("Äldrenämnden");
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var list = await JsonAsync(await developer.GetAsync($"{Reports}?year={LastYear}&committeeId={elderly}", Cancel));
        var id = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("choiceSystem").ValueKind == JsonValueKind.Null).GetProperty("id").GetGuid();
        var report = await JsonAsync(await developer.GetAsync($"{Reports}/{id}", Cancel));
        var minimum = report.GetProperty("figures").GetProperty("minimumAnswers").GetInt32();
        var units = report.GetProperty("figures").GetProperty("results").EnumerateArray().SelectMany(r => r.GetProperty("units").EnumerateArray()).ToList();
        var few = units.Where(u => u.GetProperty("answers").ValueKind == JsonValueKind.Number && u.GetProperty("answers").GetInt32() < minimum).ToList();
        Assert.NotEmpty(few);
        Assert.All(few, u => Assert.True(u.GetProperty("suppressed").GetBoolean() && u.GetProperty("value").ValueKind == JsonValueKind.Null, u.ToString()));
        Assert.Contains(units, u => !u.GetProperty("suppressed").GetBoolean() && u.GetProperty("value").ValueKind == JsonValueKind.Number);

        using var pages = await app.CreateClientAs(Demo.QualityDeveloper);
        using var page = await pages.GetAsync($"/AnnualReports/Details/{id}", Cancel);
        Assert.Contains($"Färre än {minimum} svar", await Expect.OkAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputSavesNothingAndSaysWhyInSwedish()
    {
        var elderly = await CommitteeAsync("Äldrenämnden");
        var preschool = await app.GetChoiceSystemIdAsync("Förskola");
        var before = await app.WithDbAsync(db => db.AnnualReports.CountAsync(Cancel));
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        (object Body, string Field)[] cases =
        [
            (new { year = 1999, committeeId = elderly }, "Year"),
            (new { year = Today.Year + 1, committeeId = elderly }, "Year"),
            (new { year = LastYear, committeeId = Guid.CreateVersion7() }, "CommitteeId"),
            (new { year = LastYear, committeeId = elderly, choiceSystemId = preschool }, "ChoiceSystemId"),
            (new { year = LastYear, committeeId = elderly }, "Year"),
        ];
        foreach (var (body, field) in cases)
        {
            var problem = await JsonAsync(await developer.PostAsJsonAsync(Reports, body, Api.Json, Cancel), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{field}: {problem}");
            Assert.Matches("[åäöÅÄÖ]|Ange|Välj", messages[0].GetString()!);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.AnnualReports.CountAsync(Cancel)));

        // A narrative that names someone by identity number, or is too long, is refused and leaves the text as it was.
        var draft = await app.WithDbAsync(db => db.AnnualReports.Where(r => r.State == Domain.Reports.AnnualReportState.Draft && r.Year == LastYear)
            .Select(r => new { r.Id, r.Version, r.Summary }).FirstAsync(Cancel));
        var refused = await JsonAsync(await developer.PutAsJsonAsync($"{Reports}/{draft.Id}/text",
            new { summary = "Brukaren 19121212-1212 klagade.", analysis = new string('x', 8001), version = draft.Version }, Api.Json, Cancel), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("Summary", out _) && refused.GetProperty("errors").TryGetProperty("Analysis", out _), refused.ToString());
        Assert.Equal(draft.Summary, await app.WithDbAsync(db => db.AnnualReports.Where(r => r.Id == draft.Id).Select(r => r.Summary).SingleAsync(Cancel)));

        // The page's form says the same in Swedish beside the field.
        using var pages = await app.CreateClientAs(Demo.QualityDeveloper);
        using var posted = await Forms.SubmitAsync(pages, "/AnnualReports/New", [new("Input.Year", "1999"), new("Input.CommitteeId", elderly.ToString())]);
        Assert.Contains("Ange ett år mellan", await Expect.OkAsync(posted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommitteeMemberReadsOnlyWhatWasSubmittedToItsOwnCommittee()
    {
        var reports = await app.WithDbAsync(db => db.AnnualReports.Select(r => new { r.Id, r.State, Committee = r.Committee!.Name }).ToListAsync(Cancel));
        using var member = await app.ApiClientAs(CommitteeMember);
        var listed = (await JsonAsync(await member.GetAsync($"{Reports}?pageSize=100", Cancel))).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetGuid()).ToHashSet();
        foreach (var report in reports)
        {
            var reads = report.Committee == "Äldrenämnden" && report.State != Domain.Reports.AnnualReportState.Draft;
            Assert.Equal(reads, listed.Contains(report.Id));
            using var one = await member.GetAsync($"{Reports}/{report.Id}", Cancel);
            Assert.Equal(reads ? HttpStatusCode.OK : HttpStatusCode.NotFound, one.StatusCode);
        }
        using var pages = await app.CreateClientAs(CommitteeMember);
        var decided = reports.First(r => r.Committee == "Äldrenämnden" && r.State == Domain.Reports.AnnualReportState.Decided);
        using var page = await pages.GetAsync($"/AnnualReports/Details/{decided.Id}", Cancel);
        var html = await Expect.OkAsync(page);
        Assert.Contains("Nämndens beslut", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Spara texten", html, StringComparison.Ordinal);
        using var start = await member.PostAsJsonAsync(Reports, new { year = LastYear, committeeId = Guid.CreateVersion7() }, Api.Json, Cancel);
        await Expect.StatusAsync(start, HttpStatusCode.Forbidden);

        // The district's user and the provider read none.
        using var district = await app.ApiClientAs(Demo.DistrictUser);
        using (var hidden = await district.GetAsync($"{Reports}/{decided.Id}", Cancel))
        {
            await Expect.StatusAsync(hidden, HttpStatusCode.NotFound);
        }
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var refused = await provider.GetAsync(Reports, Cancel);
        Assert.True(Expect.IsDenied(refused));
    }
}
