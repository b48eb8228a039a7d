using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Review checklists (decision 0020): quality report templates with a review type, created from a starter, empty or as a new
/// version, edited with the template editor until activated without a deadline, and never seen on the quality report side.
/// </summary>
public sealed class ChecklistTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string Templates = "/api/v1/quality-report-templates";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Due => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed record Row(Guid Id, string Title, string ChoiceSystemName, int Year, TemplateState State, DateOnly? DueOn, int QuestionCount, int ReportCount,
        ReviewType? ReviewType);

    public sealed record RowPage(List<Row> Items, int Total, int Page, int PageSize);

    public sealed record Question(Guid Id, string Section, string Code, string Text, string? HelpText, QuestionKind Kind, bool Required, List<Guid> ConditionIds);

    public sealed record Checklist(Guid Id, string Title, Guid ChoiceSystemId, int Year, TemplateState State, DateOnly? DueOn, ReviewType? ReviewType,
        bool IsChecklist, List<Question> Questions, int Version);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK) =>
        JsonSerializer.Deserialize<T>(await Expect.StatusAsync(response, status), Api.Json)!;

    private async Task<HttpResponseMessage> PostChecklistAsync(HttpClient api, string choiceSystem, ReviewType? type, int year, string? start = null, string? title = null) =>
        await api.PostAsJsonAsync($"{Templates}/checklists",
            new { choiceSystemId = await app.GetChoiceSystemIdAsync(choiceSystem), reviewType = type, year, title, start }, Api.Json, Cancel);

    private async Task<Checklist> CreateAsync(HttpClient api, string choiceSystem, ReviewType type, int year, string? start = null)
    {
        using var response = await PostChecklistAsync(api, choiceSystem, type, year, start);
        return await ReadAsync<Checklist>(response, HttpStatusCode.Created);
    }

    private static async Task<Checklist> GetAsync(HttpClient api, Guid id)
    {
        using var response = await api.GetAsync($"{Templates}/{id}", Cancel);
        return await ReadAsync<Checklist>(response);
    }

    private static async Task<RowPage> ListAsync(HttpClient api, string query)
    {
        using var response = await api.GetAsync($"{Templates}?{query}", Cancel);
        return await ReadAsync<RowPage>(response);
    }

    private static async Task<Checklist> ActivateAsync(HttpClient api, Checklist checklist)
    {
        using var response = await api.PostAsJsonAsync($"{Templates}/{checklist.Id}/activate", new { version = checklist.Version }, Api.Json, Cancel);
        return await ReadAsync<Checklist>(response);
    }

    [Fact]
    public async Task AChecklistNeverAppearsAsAQualityReportTemplateNorGivesAnyoneAReport()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var checklist = await CreateAsync(api, Demo.HomeCare, ReviewType.SpotCheck, 2045);
        Assert.True(checklist.IsChecklist);

        // A quality report template for the same choice system and year is still allowed: the two kinds are unique apart.
        var template = await QualityReportTests.NewTemplateAsync(app, developer, Demo.HomeCare, 2045);

        // Activation with a deadline is for quality report templates: a checklist refuses it, 409, and stays a draft.
        using (var refused = await api.PostAsJsonAsync($"{Templates}/{checklist.Id}/activate", new { dueOn = Due, version = checklist.Version }, Api.Json, Cancel))
        {
            Assert.Contains("En checklista aktiveras utan sista dag", await Expect.StatusAsync(refused, HttpStatusCode.Conflict), StringComparison.Ordinal);
        }
        var details = $"/QualityReports/Templates/Details/{checklist.Id}";
        using (var page = await Forms.SubmitAsync(developer, details, [new("DueOn", Due), new("version", Text(checklist.Version)), new("confirmed", "true")], details + "?handler=Activate"))
        {
            Assert.Contains("En checklista aktiveras utan sista dag", await Expect.OkAsync(page), StringComparison.Ordinal);
        }
        Assert.Equal(TemplateState.Draft, (await GetAsync(api, checklist.Id)).State);

        var active = await ActivateAsync(api, checklist);
        Assert.Equal((TemplateState.Active, (DateOnly?)null), (active.State, active.DueOn));

        // The municipality's quality report side: the template list (page and API, also sorted by every column) shows none.
        var checklistTitles = await app.WithDbAsync(db => db.QualityReportTemplates.Where(t => t.ReviewType != null).Select(t => t.Title).ToListAsync(Cancel));
        Assert.Contains(checklist.Title, checklistTitles);
        foreach (var url in new[] { "/QualityReports/Templates", "/QualityReports/Templates?Sort=title", "/QualityReports/Reports", "/QualityReports/Reports/Late", $"/QualityReports/Templates/Details/{template}" })
        {
            using var response = await developer.GetAsync(url, Cancel);
            var html = await Expect.OkAsync(response);
            Assert.DoesNotContain(checklistTitles, html.Contains);
        }
        foreach (var query in new[] { "pageSize=200", "kind=report&pageSize=200", "sort=state&pageSize=200" })
        {
            var rows = (await ListAsync(api, query)).Items;
            Assert.Contains(rows, r => r.Id == template);
            Assert.All(rows, r => Assert.Null(r.ReviewType));
        }
        var checklists = (await ListAsync(api, "kind=checklist&pageSize=200")).Items;
        Assert.Contains(checklists, r => r.Id == checklist.Id);
        Assert.DoesNotContain(checklists, r => r.Id == template);

        // No report was ever made from a checklist, so no provider sees one: not in its reports, its portal or the API.
        Assert.False(await app.WithDbAsync(db => db.QualityReports.AnyAsync(r => r.Template!.ReviewType != null, Cancel)));
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        foreach (var url in new[] { "/QualityReports/Reports/Mine", "/Portal" })
        {
            using var response = await provider.GetAsync(url, Cancel);
            var html = await Expect.OkAsync(response);
            Assert.DoesNotContain(checklistTitles, html.Contains);
            Assert.DoesNotContain("Checklista", html, StringComparison.Ordinal);
        }
        using var providerApi = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using (var reports = await providerApi.GetAsync("/api/v1/quality-reports?pageSize=200", Cancel))
        {
            Assert.DoesNotContain("Checklista", await Expect.OkAsync(reports), StringComparison.Ordinal);
        }
        using (var denied = await providerApi.GetAsync($"{Templates}/{checklist.Id}", Cancel))
        {
            await Expect.DeniedAsync(denied);
        }
        using (var denied = await provider.GetAsync("/QualityReports/Templates/Checklists", Cancel))
        {
            await Expect.DeniedAsync(denied);
        }
    }

    [Fact]
    public async Task ANewChecklistStartsFromTheStarterThatFitsItsChoiceSystemAndType()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        const string list = "/QualityReports/Templates/Checklists";

        async Task<Guid> NewAsync(string choiceSystem, ReviewType type, string start, string title = "")
        {
            using var created = await Forms.SubmitAsync(developer, list,
            [
                new("Input.ChoiceSystemId", (await app.GetChoiceSystemIdAsync(choiceSystem)).ToString()), new("Input.ReviewType", type.ToString()),
                new("Input.Year", "2046"), new("Input.Title", title), new("Input.Start", start),
            ]);
            await Expect.StatusAsync(created, HttpStatusCode.Redirect);
            return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        }

        Task<List<TemplateQuestion>> QuestionsAsync(Guid id) =>
            app.WithDbAsync(db => db.TemplateQuestions.AsNoTracking().Where(q => q.TemplateId == id).OrderBy(q => q.Position).ToListAsync(Cancel));

        static List<string> Codes(IEnumerable<TemplateQuestion> questions) => [.. questions.Select(q => $"{q.Section}|{q.Code}|{q.Text}")];

        var socialCare = await NewAsync(Demo.HomeCare, ReviewType.QualityReview, "Starter");
        Assert.Equal(Codes(StarterChecklists.For(socialCare, StarterChecklists.Kind.SocialCare)), Codes(await QuestionsAsync(socialCare)));
        var healthCare = await NewAsync(Demo.NursingHome, ReviewType.HealthCareReview, "Starter", "MAS/MAR:s granskning (fiktiv)");
        Assert.Equal(Codes(StarterChecklists.For(healthCare, StarterChecklists.Kind.HealthCare)), Codes(await QuestionsAsync(healthCare)));
        var preschool = await NewAsync("Förskola", ReviewType.PreschoolSupervision, "Starter");
        Assert.Equal(Codes(StarterChecklists.For(preschool, StarterChecklists.Kind.Preschool)), Codes(await QuestionsAsync(preschool)));
        var empty = await NewAsync(Demo.HomeCare, ReviewType.ContractFollowUp, "Empty");
        Assert.Empty(await QuestionsAsync(empty));

        // Without a title one is made of the type, the choice system and the year; the given one is kept.
        var titles = await app.WithDbAsync(db => db.QualityReportTemplates.Where(t => t.Id == socialCare || t.Id == healthCare).ToDictionaryAsync(t => t.Id, t => t.Title, Cancel));
        Assert.Equal($"Checklista kvalitetsgranskning, {Demo.HomeCare} 2046", titles[socialCare]);
        Assert.Equal("MAS/MAR:s granskning (fiktiv)", titles[healthCare]);

        // The page speaks of a checklist: no deadline, no reports, and the editor's forms as for a template.
        using var details = await developer.GetAsync($"/QualityReports/Templates/Details/{socialCare}", Cancel);
        var html = MainOf(await Expect.OkAsync(details));
        Assert.Contains("Exportera checklistan till Excel", html, StringComparison.Ordinal);
        Assert.Contains("Aktivera checklistan", html, StringComparison.Ordinal);
        Assert.Contains("Kvalitetsgranskning", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sista dag", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rapporter", html, StringComparison.Ordinal);
        Assert.DoesNotContain("anordnare", html, StringComparison.Ordinal);
        using var question = await developer.GetAsync($"/QualityReports/Templates/Question?templateId={socialCare}", Cancel);
        var form = MainOf(await Expect.OkAsync(question));
        Assert.Contains("Tillbaka till checklistan", form, StringComparison.Ordinal);
        Assert.DoesNotContain("rapporten", form, StringComparison.Ordinal);

        // Every field wrong: each refused by its field, and nothing made.
        var before = await app.WithDbAsync(db => db.QualityReportTemplates.CountAsync(Cancel));
        using (var refused = await Forms.SubmitAsync(developer, list,
            [new("Input.ChoiceSystemId", Guid.CreateVersion7().ToString()), new("Input.ReviewType", ""), new("Input.Year", "1999"), new("Input.Start", "Starter")]))
        {
            var page = await Expect.OkAsync(refused);
            Assert.Contains("Välj ett kundval.", page, StringComparison.Ordinal);
            Assert.Contains("Välj en granskningstyp.", page, StringComparison.Ordinal);
            Assert.Contains("Ange ett år mellan 2000 och 2100.", page, StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.QualityReportTemplates.CountAsync(Cancel)));
    }

    [Fact]
    public async Task ANewVersionCopiesTheLatestEarlierVersionAndCanBeChangedWhileTheEarlierCannot()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        // No earlier version to copy: refused by the start field.
        using (var none = await PostChecklistAsync(api, Demo.NursingHome, ReviewType.FollowUpReview, 2047, start: "LatestVersion"))
        {
            var body = await Expect.StatusAsync(none, HttpStatusCode.BadRequest);
            Assert.Contains("\"Start\"", body, StringComparison.Ordinal);
            Assert.Contains("ingen tidigare version", body, StringComparison.Ordinal);
        }

        var first = await CreateAsync(api, Demo.NursingHome, ReviewType.FollowUpReview, 2047);
        var url = $"{Templates}/{first.Id}";
        using (var added = await api.PostAsJsonAsync($"{url}/questions",
            new { section = "Uppföljning", code = "10.1", text = "Är förra granskningens brister åtgärdade?", helpText = "Jämför med åtgärdsplanen (fiktiv).", kind = "YesNo", required = true, templateVersion = first.Version }, Api.Json, Cancel))
        {
            first = await ReadAsync<Checklist>(added);
        }
        first = await ActivateAsync(api, first);

        // The details page of the activated version says that changes need a new version, and links to one.
        var details = $"/QualityReports/Templates/Details/{first.Id}";
        using (var page = await developer.GetAsync(details, Cancel))
        {
            var html = await Expect.OkAsync(page);
            Assert.Contains("Ändringar görs i en ny version", html, StringComparison.Ordinal);
            Assert.Contains($"/QualityReports/Templates/Checklists?newVersionOf={first.Id}", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Lägg till fråga", html, StringComparison.Ordinal);
        }
        // The link fills the form in: the same choice system and type, the next year, as a copy.
        using (var form = await developer.GetAsync($"/QualityReports/Templates/Checklists?newVersionOf={first.Id}", Cancel))
        {
            var html = await Expect.OkAsync(form);
            Assert.Contains($"value=\"{Text(Math.Max(DateTime.UtcNow.Year, 2048))}\"", html, StringComparison.Ordinal);
            Assert.Matches("<input type=\"radio\" id=\"start-LatestVersion\"[^>]*checked", html);
        }

        var second = await CreateAsync(api, Demo.NursingHome, ReviewType.FollowUpReview, 2049, start: "LatestVersion");
        Assert.Equal(TemplateState.Draft, second.State);
        Assert.Equal(first.Questions.Select(q => (q.Section, q.Code, q.Text, q.HelpText, q.Kind, q.Required)),
            second.Questions.Select(q => (q.Section, q.Code, q.Text, q.HelpText, q.Kind, q.Required)));
        Assert.DoesNotContain(second.Questions, q => first.Questions.Any(f => f.Id == q.Id));

        // The copy changes; the activated version does not.
        var copied = second.Questions.Single(q => q.Code == "10.1");
        using (var changed = await api.PutAsJsonAsync($"{Templates}/{second.Id}/questions/{copied.Id}",
            new { section = "Uppföljning", code = "10.1", text = "Är bristerna åtgärdade och följs åtgärderna upp?", kind = "YesNo", required = true, templateVersion = second.Version }, Api.Json, Cancel))
        {
            Assert.Contains((await ReadAsync<Checklist>(changed)).Questions, q => q.Text == "Är bristerna åtgärdade och följs åtgärderna upp?");
        }
        Assert.Equal("Är förra granskningens brister åtgärdade?", (await GetAsync(api, first.Id)).Questions.Single(q => q.Code == "10.1").Text);

        // A version between the two copies the latest before it, not a later one.
        var between = await CreateAsync(api, Demo.NursingHome, ReviewType.FollowUpReview, 2048, start: "LatestVersion");
        Assert.Equal("Är förra granskningens brister åtgärdade?", between.Questions.Single(q => q.Code == "10.1").Text);
    }

    [Fact]
    public async Task ADraftChecklistIsEditedAsATemplateAndOnceActivatedEveryChangeIsRefused()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var checklist = await CreateAsync(api, Demo.HomeCare, ReviewType.QualityDialogue, 2050);
        var url = $"{Templates}/{checklist.Id}";
        var details = $"/QualityReports/Templates/Details/{checklist.Id}";

        // Add, move, rename a section and remove, by the template editor's rules.
        using (var refused = await api.PostAsJsonAsync($"{url}/questions",
            new { section = "Dialog", code = "1.1", text = "Dubbel kod?", kind = "Text", required = true, templateVersion = checklist.Version }, Api.Json, Cancel))
        {
            Assert.Contains("\"Code\"", await Expect.StatusAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }
        using (var added = await api.PostAsJsonAsync($"{url}/questions",
            new { section = "Dialog", code = "11.1", text = "Vilka förbättringar har anordnaren gjort sedan förra dialogen?", kind = "Text", required = true, templateVersion = checklist.Version }, Api.Json, Cancel))
        {
            checklist = await ReadAsync<Checklist>(added);
        }
        using (var added = await api.PostAsJsonAsync($"{url}/questions",
            new { section = "Dialog", code = "11.2", text = "Finns en plan för nästa år?", kind = "YesNo", required = false, templateVersion = checklist.Version }, Api.Json, Cancel))
        {
            checklist = await ReadAsync<Checklist>(added);
        }
        var moved = checklist.Questions.Single(q => q.Code == "11.2");
        using (var move = await api.PostAsJsonAsync($"{url}/questions/{moved.Id}/move", new { offset = -1, version = checklist.Version }, Api.Json, Cancel))
        {
            checklist = await ReadAsync<Checklist>(move);
        }
        Assert.Equal(["11.2", "11.1"], checklist.Questions.Where(q => q.Section == "Dialog").Select(q => q.Code));
        using (var renamed = await Forms.SubmitAsync(developer, details, [new("section", "Dialog"), new("newName", "Kvalitetsdialog"), new("version", Text(checklist.Version))], details + "?handler=RenameSection"))
        {
            await Expect.RedirectAsync(renamed, details);
        }
        checklist = await GetAsync(api, checklist.Id);
        Assert.Equal(2, checklist.Questions.Count(q => q.Section == "Kvalitetsdialog"));
        using (var removed = await api.DeleteAsync($"{url}/questions/{moved.Id}?version={checklist.Version}", Cancel))
        {
            checklist = await ReadAsync<Checklist>(removed);
        }
        Assert.DoesNotContain(checklist.Questions, q => q.Code == "11.2");

        // Export and import again: the same rules, nothing changed.
        using (var exported = await api.GetAsync($"{url}/xlsx", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
            Assert.StartsWith("checklista-2050-", exported.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
            var sheet = await exported.Content.ReadAsByteArrayAsync(Cancel);
            using var imported = await api.PostAsync($"{url}/xlsx", Upload(sheet), Cancel);
            Assert.Contains("\"changed\":0", await Expect.OkAsync(imported), StringComparison.Ordinal);
        }

        // Activation: the first post only asks, saying what it means; the confirmed one activates.
        checklist = await GetAsync(api, checklist.Id);
        using (var ask = await Forms.SubmitAsync(developer, details, [new("version", Text(checklist.Version))], details + "?handler=Activate"))
        {
            var html = await Expect.OkAsync(ask);
            Assert.Contains("Bekräfta aktivering", html, StringComparison.Ordinal);
            Assert.Contains("som planeras från och med nu", html, StringComparison.Ordinal);
            Assert.Contains("Checklistans frågor kan inte ändras efter aktiveringen", html, StringComparison.Ordinal);
        }
        Assert.Equal(TemplateState.Draft, (await GetAsync(api, checklist.Id)).State);
        using (var confirmed = await Forms.SubmitAsync(developer, details, [new("version", Text(checklist.Version)), new("confirmed", "true")], details + "?handler=Activate"))
        {
            await Expect.RedirectAsync(confirmed, details);
        }
        checklist = await GetAsync(api, checklist.Id);
        Assert.Equal(TemplateState.Active, checklist.State);
        var question = checklist.Questions[0];

        // Once active, every change is refused with 409 and the checklist's own reason; nothing changes.
        using (var again = await api.PostAsJsonAsync($"{url}/activate", new { version = checklist.Version }, Api.Json, Cancel))
        {
            Assert.Contains("Checklistan är redan aktiverad.", await Expect.StatusAsync(again, HttpStatusCode.Conflict), StringComparison.Ordinal);
        }
        using (var add = await api.PostAsJsonAsync($"{url}/questions",
            new { section = "Kvalitetsdialog", code = "11.9", text = "För sent?", kind = "Text", required = false, templateVersion = checklist.Version }, Api.Json, Cancel))
        {
            Assert.Contains(QualityReportTemplate.ChecklistActivatedMessage, await Expect.StatusAsync(add, HttpStatusCode.Conflict), StringComparison.Ordinal);
        }
        using (var change = await api.PutAsJsonAsync($"{url}/questions/{question.Id}",
            new { section = question.Section, code = question.Code, text = "Ändrad?", kind = "Text", required = true, templateVersion = checklist.Version }, Api.Json, Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        }
        using (var remove = await api.DeleteAsync($"{url}/questions/{question.Id}?version={checklist.Version}", Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        }
        using (var move = await Forms.SubmitAsync(developer, details, [new("questionId", question.Id.ToString()), new("offset", "1"), new("version", Text(checklist.Version))], details + "?handler=Move"))
        {
            var html = await Expect.StatusAsync(move, HttpStatusCode.Conflict);
            Assert.Contains(QualityReportTemplate.ChecklistActivatedMessage, Expect.ReadableText(move, html), StringComparison.Ordinal);
        }
        using (var exported = await api.GetAsync($"{url}/xlsx", Cancel))
        {
            using var import = await api.PostAsync($"{url}/xlsx", Upload(await exported.Content.ReadAsByteArrayAsync(Cancel)), Cancel);
            Assert.Equal(HttpStatusCode.Conflict, import.StatusCode);
        }
        var after = await GetAsync(api, checklist.Id);
        Assert.Equal(checklist.Version, after.Version);
        Assert.Equal(checklist.Questions.Select(q => (q.Code, q.Text)), after.Questions.Select(q => (q.Code, q.Text)));
    }

    [Fact]
    public async Task ASecondChecklistForTheSameChoiceSystemTypeAndYearIsRefusedByItsYear()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        await CreateAsync(api, Demo.HomeCare, ReviewType.CalledReview, 2051);

        using (var again = await PostChecklistAsync(api, Demo.HomeCare, ReviewType.CalledReview, 2051, start: "Empty"))
        {
            var body = await Expect.StatusAsync(again, HttpStatusCode.BadRequest);
            Assert.Contains("\"Year\"", body, StringComparison.Ordinal);
            Assert.Contains("har redan en checklista för påkallad granskning 2051", body, StringComparison.Ordinal);
        }
        using (var page = await Forms.SubmitAsync(developer, "/QualityReports/Templates/Checklists",
            [new("Input.ChoiceSystemId", (await app.GetChoiceSystemIdAsync(Demo.HomeCare)).ToString()), new("Input.ReviewType", "CalledReview"), new("Input.Year", "2051"), new("Input.Start", "Starter")]))
        {
            Assert.Contains("har redan en checklista för påkallad granskning 2051", await Expect.OkAsync(page), StringComparison.Ordinal);
        }
        // Another type, another year or another choice system is another checklist.
        await CreateAsync(api, Demo.HomeCare, ReviewType.TargetedFollowUp, 2051);
        await CreateAsync(api, Demo.HomeCare, ReviewType.CalledReview, 2052);
        await CreateAsync(api, Demo.NursingHome, ReviewType.CalledReview, 2051);

        // Bad input by field, never a server error.
        using (var empty = await api.PostAsJsonAsync($"{Templates}/checklists", new { }, Api.Json, Cancel))
        {
            var body = await Expect.StatusAsync(empty, HttpStatusCode.BadRequest);
            foreach (var field in new[] { "\"ChoiceSystemId\"", "\"ReviewType\"", "\"Year\"" })
            {
                Assert.Contains(field, body, StringComparison.Ordinal);
            }
        }
        using (var unknown = await api.PostAsJsonAsync($"{Templates}/checklists",
            new { choiceSystemId = await app.GetChoiceSystemIdAsync(Demo.HomeCare), reviewType = 99, year = 2053, start = 7, title = new string('x', 201) }, Api.Json, Cancel))
        {
            var body = await Expect.StatusAsync(unknown, HttpStatusCode.BadRequest);
            foreach (var field in new[] { "\"ReviewType\"", "\"Start\"", "\"Title\"" })
            {
                Assert.Contains(field, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task TheChecklistsAreListedPagedSortedAndFilteredByChoiceSystemAndType()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        await CreateAsync(api, Demo.NursingHome, ReviewType.SelfAssessment, 2054);
        await CreateAsync(api, Demo.NursingHome, ReviewType.SelfAssessment, 2055, start: "LatestVersion");

        var all = await ListAsync(api, "kind=checklist&pageSize=200");
        Assert.All(all.Items, r => Assert.NotNull(r.ReviewType));
        Assert.True(all.Total >= 9, $"{all.Total} checklists");

        var byYear = (await ListAsync(api, "kind=checklist&sort=year&descending=true&pageSize=200")).Items.Select(r => r.Year).ToList();
        Assert.Equal(byYear.OrderDescending(), byYear);
        // Enums sort as they are stored, by their code names, as every list's state column does.
        var byType = (await ListAsync(api, "kind=checklist&sort=reviewType&pageSize=200")).Items.Select(r => r.ReviewType!.Value.ToString()).ToList();
        Assert.Equal(byType.Order(StringComparer.Ordinal), byType);
        var firstPage = await ListAsync(api, "kind=checklist&sort=title&pageSize=2");
        var secondPage = await ListAsync(api, "kind=checklist&sort=title&pageSize=2&page=2");
        Assert.Equal((2, 2, all.Total), (firstPage.Items.Count, secondPage.Items.Count, firstPage.Total));
        Assert.Empty(firstPage.Items.Select(r => r.Id).Intersect(secondPage.Items.Select(r => r.Id)));

        // A review type alone asks for checklists; with a choice system, only that system's.
        var selfAssessment = await ListAsync(api, $"reviewType=SelfAssessment&choiceSystemId={await app.GetChoiceSystemIdAsync(Demo.NursingHome)}");
        Assert.Equal([2055, 2054], selfAssessment.Items.OrderByDescending(r => r.Year).Select(r => r.Year));
        Assert.All(selfAssessment.Items, r => Assert.Equal((ReviewType.SelfAssessment, Demo.NursingHome), (r.ReviewType!.Value, r.ChoiceSystemName)));

        using var page = await developer.GetAsync("/QualityReports/Templates/Checklists?ReviewType=HealthCareReview&Sort=choiceSystem", Cancel);
        var html = await Expect.OkAsync(page);
        var rows = html.Split("<tbody>")[1].Split("</tbody>")[0];
        Assert.Contains("Hälso- och sjukvårdsgranskning (MAS/MAR)</td>", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("Kvalitetsgranskning</td>", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("Självvärdering", rows, StringComparison.Ordinal);
        using var paged = await developer.GetAsync("/QualityReports/Templates/Checklists?Page=999", Cancel);
        Assert.Contains("checklistor", await Expect.OkAsync(paged), StringComparison.Ordinal);
    }

    /// <summary>The page's own content, without the menus.</summary>
    private static string MainOf(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    private static MultipartFormDataContent Upload(byte[] sheet)
    {
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "checklista.xlsx" } };
    }
}
