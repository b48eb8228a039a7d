using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>A draft template's questions edited in the browser: add, change, move, remove, rename a section, and the refusals.</summary>
public sealed class QualityTemplateEditingTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<List<TemplateQuestion>> QuestionsAsync(Guid templateId) =>
        app.WithDbAsync(db => db.TemplateQuestions.AsNoTracking().Where(q => q.TemplateId == templateId).OrderBy(q => q.Position).ToListAsync(Cancel));

    private Task<int> VersionAsync(Guid templateId) =>
        app.WithDbAsync(db => db.QualityReportTemplates.Where(t => t.Id == templateId).Select(t => t.Version).SingleAsync(Cancel));

    private static KeyValuePair<string, string>[] Question(Guid templateId, int version, string section, string code, string text, string kind,
        string choices = "", string columns = "", string shownWhen = "", string help = "") =>
    [
        new("Input.TemplateId", templateId.ToString()), new("Input.TemplateVersion", version.ToString(CultureInfo.InvariantCulture)),
        new("Input.Section", section), new("Input.Code", code), new("Input.Text", text), new("Input.HelpText", help), new("Input.Kind", kind),
        new("Input.Choices", choices), new("Input.Columns", columns), new("Input.Required", "true"), new("Input.ShownWhen", shownWhen),
    ];

    private async Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid templateId, string handler, params (string Name, string Value)[] fields)
    {
        var page = $"/QualityReports/Templates/Details/{templateId}";
        var version = await VersionAsync(templateId);
        return await Forms.SubmitAsync(client, page, [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("version", version.ToString(CultureInfo.InvariantCulture))], $"{page}?handler={handler}");
    }

    public sealed record ApiQuestion(Guid Id, string Section, string Code, string Text, QuestionKind Kind, List<string> Choices, string? ShownWhenCode);

    public sealed record ApiTemplate(Guid Id, string Title, int Year, TemplateState State, List<ApiQuestion> Questions, int Version);

    [Fact]
    public async Task AnIntegrationEditsADraftTemplateThroughTheApiUnderTheSameRules()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var id = await QualityReportTests.NewTemplateAsync(app, developer, Demo.HomeCare, 2041);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var url = $"/api/v1/quality-report-templates/{id}";
        var template = (await api.GetFromJsonAsync<ApiTemplate>(url, Api.Json, Cancel))!;
        Assert.Equal(TemplateState.Draft, template.State);
        var volume = template.Questions.Where(q => q.Section == StarterQuestions.Volume).Select(q => q.Code).ToList();

        using (var refused = await api.PostAsJsonAsync($"{url}/questions",
            new { section = StarterQuestions.Volume, code = "1.9", text = "Vilken insats?", kind = "SingleChoice", required = true, templateVersion = template.Version }, Api.Json, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"Choices\"", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        using (var added = await api.PostAsJsonAsync($"{url}/questions",
            new { section = StarterQuestions.Volume, code = "1.9", text = "Hur många nya brukare fick ni?", kind = "Number", required = true, templateVersion = template.Version }, Api.Json, Cancel))
        {
            template = (await added.Content.ReadFromJsonAsync<ApiTemplate>(Api.Json, Cancel))!;
        }
        Assert.Equal([.. volume, "1.9"], template.Questions.Where(q => q.Section == StarterQuestions.Volume).Select(q => q.Code));
        var question = template.Questions.Single(q => q.Code == "1.9").Id;

        using (var moved = await api.PostAsJsonAsync($"{url}/questions/{question}/move", new { offset = -1, version = template.Version }, Api.Json, Cancel))
        {
            template = (await moved.Content.ReadFromJsonAsync<ApiTemplate>(Api.Json, Cancel))!;
        }
        Assert.Equal([.. volume[..^1], "1.9", volume[^1]], template.Questions.Where(q => q.Section == StarterQuestions.Volume).Select(q => q.Code));

        using (var stale = await api.DeleteAsync($"{url}/questions/{question}?version={template.Version - 1}", Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }
        using (var removed = await api.DeleteAsync($"{url}/questions/{question}?version={template.Version}", Cancel))
        {
            template = (await removed.Content.ReadFromJsonAsync<ApiTemplate>(Api.Json, Cancel))!;
        }
        Assert.DoesNotContain(template.Questions, q => q.Code == "1.9");

        var page = $"/QualityReports/Templates/Details/{id}";
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var activated = await Forms.SubmitAsync(developer, page, [new("DueOn", due), new("version", template.Version.ToString(CultureInfo.InvariantCulture)), new("confirmed", "true")], page + "?handler=Activate"))
        {
            await Expect.RedirectAsync(activated, page);
        }
        using (var closed = await api.PostAsJsonAsync($"{url}/questions",
            new { section = StarterQuestions.Volume, code = "1.8", text = "För sent?", kind = "Text", required = false, templateVersion = template.Version + 1 }, Api.Json, Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
            Assert.Contains(QualityReportTemplate.ActivatedMessage, await closed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var denied = await provider.GetAsync("/api/v1/quality-report-templates", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task AQualityDeveloperAddsChangesMovesAndRemovesQuestionsOfADraft()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var id = await QualityReportTests.NewTemplateAsync(app, developer, Demo.HomeCare, 2040);
        var details = $"/QualityReports/Templates/Details/{id}";
        var add = $"/QualityReports/Templates/Question?templateId={id}";
        var audited = await app.LastAuditIdAsync();

        // Added last in its section, with its choices and a rule on an earlier question.
        using (var added = await Forms.SubmitAsync(developer, add, Question(id, 0, StarterQuestions.Volume, "1.3", "Hur tar ni emot nya brukare?", "SingleChoice",
            choices: "Samma dag\r\nInom en vecka\r\n", shownWhen: "", help: "Räkna från beslutet (fiktiv).")))
        {
            await Expect.RedirectAsync(added, details);
        }
        var questions = await QuestionsAsync(id);
        var newOne = questions.Single(q => q.Code == "1.3");
        Assert.Equal(3, newOne.Position);
        Assert.Equal(["Samma dag", "Inom en vecka"], newOne.Choices);
        Assert.Equal("Räkna från beslutet (fiktiv).", newOne.HelpText);
        Assert.True(await app.LastAuditIdAsync() > audited);

        // A table in a new section goes last; shown only when 1.3 is answered "Inom en vecka".
        using (var table = await Forms.SubmitAsync(developer, add, Question(id, 1, "Väntetider", "6.1", "Väntetid per månad", "Table",
            columns: "Månad\nDagar", shownWhen: "1.3 = Inom en vecka")))
        {
            await Expect.RedirectAsync(table, details);
        }
        var last = (await QuestionsAsync(id))[^1];
        Assert.Equal(("6.1", "Väntetider", QuestionKind.Table, "1.3", "Inom en vecka"), (last.Code, last.Section, last.Kind, last.ShownWhenCode, last.ShownWhenAnswer));
        Assert.Equal(["Månad", "Dagar"], last.Choices);

        // Changing the code of 1.3 carries the rule of 6.1 along.
        var edit = $"/QualityReports/Templates/Question/{newOne.Id}";
        using (var form = await developer.GetAsync(edit, Cancel))
        {
            var html = await Expect.OkAsync(form);
            Assert.Contains("Räkna från beslutet (fiktiv).", html, StringComparison.Ordinal);
        }
        using (var changed = await Forms.SubmitAsync(developer, edit, Question(id, 2, StarterQuestions.Volume, "1.4", "Hur snabbt tar ni emot nya brukare?", "SingleChoice",
            choices: "Samma dag\nInom en vecka")))
        {
            await Expect.RedirectAsync(changed, details);
        }
        questions = await QuestionsAsync(id);
        Assert.Equal("Hur snabbt tar ni emot nya brukare?", questions.Single(q => q.Code == "1.4").Text);
        Assert.Equal("1.4", questions.Single(q => q.Code == "6.1").ShownWhenCode);

        // Moved up within its section, then removed.
        var moved = questions.Single(q => q.Code == "1.4");
        using (var up = await ChangeAsync(developer, id, "Move", ("questionId", moved.Id.ToString()), ("offset", "-1")))
        {
            await Expect.RedirectAsync(up, details);
        }
        Assert.Equal(["1.1", "1.4", "1.2"], (await QuestionsAsync(id)).Take(3).Select(q => q.Code));
        using (var removeRefused = await ChangeAsync(developer, id, "Remove", ("questionId", moved.Id.ToString())))
        {
            Assert.Contains("Fråga 6.1 visas bara beroende på svaret på fråga 1.4.", await Expect.OkAsync(removeRefused), StringComparison.Ordinal);
        }
        var dependent = (await QuestionsAsync(id)).Single(q => q.Code == "6.1");
        using (var removed = await ChangeAsync(developer, id, "Remove", ("questionId", dependent.Id.ToString())))
        {
            await Expect.RedirectAsync(removed, details);
        }
        Assert.DoesNotContain(await QuestionsAsync(id), q => q.Code == "6.1");

        using (var renamed = await ChangeAsync(developer, id, "RenameSection", ("section", StarterQuestions.Volume), ("newName", "Omfattning")))
        {
            await Expect.RedirectAsync(renamed, details);
        }
        Assert.Equal(3, (await QuestionsAsync(id)).Count(q => q.Section == "Omfattning"));
    }

    [Fact]
    public async Task BadInputIsRefusedByFieldInSwedishAndNothingChanges()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var id = await QualityReportTests.NewTemplateAsync(app, developer, Demo.NursingHome, 2040);
        var add = $"/QualityReports/Templates/Question?templateId={id}";
        var before = await app.LastAuditIdAsync();

        async Task<string> RefusedAsync(KeyValuePair<string, string>[] fields)
        {
            using var response = await Forms.SubmitAsync(developer, add, fields);
            return await Expect.OkAsync(response);
        }

        var html = await RefusedAsync(Question(id, 0, StarterQuestions.Volume, "1.1", "Dubblett?", "SingleChoice", choices: "Bara ett"));
        Assert.Contains("Koden 1.1 används av mer än en fråga i mallen.", html, StringComparison.Ordinal);
        Assert.Contains("Ange minst två alternativ.", html, StringComparison.Ordinal);
        Assert.Contains("error-summary", html, StringComparison.Ordinal);

        html = await RefusedAsync(Question(id, 0, StarterQuestions.Volume, "1.3", "Okänd typ?", "Kanske"));
        Assert.Contains("”Kanske” är ingen frågetyp.", html, StringComparison.Ordinal);

        html = await RefusedAsync(Question(id, 0, StarterQuestions.Volume, "1.3", "Tabell utan kolumner?", "Table"));
        Assert.Contains("Ange tabellens kolumner.", html, StringComparison.Ordinal);

        // Volym comes first: 5.1 is later in the template, so it cannot decide whether the new question is shown.
        html = await RefusedAsync(Question(id, 0, StarterQuestions.Volume, "1.3", "Senare villkor?", "Text", shownWhen: "5.1 = Ja"));
        Assert.Contains("Fråga 5.1 finns inte före den här frågan.", html, StringComparison.Ordinal);

        // A question that others depend on cannot lose the answer they depend on.
        var yesNo = (await QuestionsAsync(id)).Single(q => q.Code == "2.1");
        using (var breaking = await Forms.SubmitAsync(developer, $"/QualityReports/Templates/Question/{yesNo.Id}",
            Question(id, 0, StarterQuestions.Documentation, "2.1", yesNo.Text, "Text")))
        {
            Assert.Contains("Fråga 2.2: fråga 2.1 är inte en ja/nej- eller valfråga.", await Expect.OkAsync(breaking), StringComparison.Ordinal);
        }

        // A move that would put a question before the one it depends on.
        var dependent = (await QuestionsAsync(id)).Single(q => q.Code == "5.2");
        using (var move = await ChangeAsync(developer, id, "Move", ("questionId", dependent.Id.ToString()), ("offset", "-1")))
        {
            Assert.Contains("Fråga 5.2 visas bara beroende på svaret på fråga 5.1 och måste stå efter den.", await Expect.OkAsync(move), StringComparison.Ordinal);
        }

        // Someone else changed the template first.
        using (var stale = await Forms.SubmitAsync(developer, add, Question(id, 7, StarterQuestions.Volume, "1.3", "Gammal version?", "Text")))
        {
            Assert.Contains(SaveResult.ConflictMessage, await Expect.StatusAsync(stale, HttpStatusCode.Conflict), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.LastAuditIdAsync());
        Assert.Equal(12, (await QuestionsAsync(id)).Count);
    }

    [Fact]
    public async Task AnActivatedTemplatesQuestionsAreRefusedWith409()
    {
        var year = DateTime.UtcNow.Year;
        var id = await app.WithDbAsync(db => db.QualityReportTemplates.Where(t => t.Year == year && t.State == TemplateState.Active).Select(t => t.Id).FirstAsync(Cancel));
        var question = (await QuestionsAsync(id))[^1];
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        // A draft's form gives the antiforgery token; the activated template's page has no form to take it from.
        var draft = await QualityReportTests.NewTemplateAsync(app, developer, Demo.Fai, 2040);
        var before = await app.LastAuditIdAsync();

        using (var form = await developer.GetAsync($"/QualityReports/Templates/Question/{question.Id}", Cancel))
        {
            var html = await Expect.OkAsync(form);
            Assert.Contains("Mallen är aktiverad och frågorna kan inte längre ändras.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Spara frågan", html, StringComparison.Ordinal);
        }
        using (var details = await developer.GetAsync($"/QualityReports/Templates/Details/{id}", Cancel))
        {
            Assert.DoesNotContain("Flytta upp", await Expect.OkAsync(details), StringComparison.Ordinal);
        }
        using (var saved = await Forms.SubmitAsync(developer, $"/QualityReports/Templates/Question?templateId={draft}",
            Question(id, await VersionAsync(id), question.Section, question.Code, "Ändrad efter aktivering?", "Text"), $"/QualityReports/Templates/Question/{question.Id}"))
        {
            Assert.Contains(QualityReportTemplate.ActivatedMessage, await Expect.StatusAsync(saved, HttpStatusCode.Conflict), StringComparison.Ordinal);
        }
        using (var move = await ChangeAsync(developer, id, "Move", ("questionId", question.Id.ToString()), ("offset", "-1")))
        {
            Assert.Contains(QualityReportTemplate.ActivatedMessage, await Expect.StatusAsync(move, HttpStatusCode.Conflict), StringComparison.Ordinal);
        }
        using (var remove = await ChangeAsync(developer, id, "Remove", ("questionId", question.Id.ToString())))
        {
            await Expect.StatusAsync(remove, HttpStatusCode.Conflict);
        }
        Assert.Equal(before, await app.LastAuditIdAsync());
        Assert.Equal(question.Text, (await QuestionsAsync(id))[^1].Text);
    }

    [Fact]
    public async Task AProviderUserGetsNothingOfTheEditor()
    {
        var templateId = await app.WithDbAsync(db => db.QualityReportTemplates.Where(t => t.State == TemplateState.Draft).Select(t => t.Id).FirstAsync(Cancel));
        var question = (await QuestionsAsync(templateId))[0];
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);

        using (var form = await provider.GetAsync($"/QualityReports/Templates/Question/{question.Id}", Cancel))
        {
            await Expect.DeniedAsync(form);
        }
        using (var add = await provider.GetAsync($"/QualityReports/Templates/Question?templateId={templateId}", Cancel))
        {
            await Expect.DeniedAsync(add);
        }
        // With a token from a page the provider user may open, posting is refused all the same.
        using var mine = await provider.GetAsync("/QualityReports/Reports/Mine", Cancel);
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(mine));
        using (var move = await Forms.PostAsync(provider, $"/QualityReports/Templates/Details/{templateId}?handler=Move&questionId={question.Id}&offset=1", token, [new("version", "0")]))
        {
            await Expect.DeniedAsync(move);
        }
        using (var post = await Forms.PostAsync(provider, $"/QualityReports/Templates/Question/{question.Id}", token, Question(templateId, 0, "Inkräktare", "9.9", "Inkräktare?", "Text")))
        {
            await Expect.DeniedAsync(post);
        }
        Assert.Equal(question.Text, (await QuestionsAsync(templateId))[0].Text);
    }

    [Fact]
    public async Task TheListsArePagedSortableAndTheReportSearchIgnoresCase()
    {
        // This year's reports past their deadline, so the late list has rows.
        var year = DateTime.UtcNow.Year;
        await app.WithDbAsync(db => db.QualityReportTemplates.Where(t => t.Year == year && t.State == TemplateState.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueOn, TimeProvider.System.SwedishToday().AddDays(-3)), Cancel));
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using (var templates = await developer.GetAsync("/QualityReports/Templates?Sort=title", Cancel))
        {
            var html = await Expect.OkAsync(templates);
            Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
            Assert.Contains("mallar", html, StringComparison.Ordinal);
        }
        using (var late = await developer.GetAsync("/QualityReports/Reports/Late?Sort=provider&Descending=true", Cancel))
        {
            var html = await Expect.OkAsync(late);
            Assert.Contains("aria-sort=\"descending\"", html, StringComparison.Ordinal);
            Assert.Contains(Demo.Omsorgshuset, html, StringComparison.Ordinal);
        }
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using (var mine = await provider.GetAsync("/QualityReports/Reports/Mine", Cancel))
        {
            Assert.Contains("aria-sort=\"descending\"", await Expect.OkAsync(mine), StringComparison.Ordinal);
        }

        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        foreach (var search in new[] { "omsorgshuset", "OMSORGSHUSET", "hemtjänst, LEDSAGNING" })
        {
            using var response = await api.GetAsync($"/api/v1/quality-reports?pageSize=200&search={Uri.EscapeDataString(search)}", Cancel);
            var items = JsonDocument.Parse(await Expect.OkAsync(response)).RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            if (search.StartsWith("omsorg", StringComparison.OrdinalIgnoreCase))
            {
                Assert.All(items, r => Assert.Equal(Demo.Omsorgshuset, r.GetProperty("providerName").GetString()));
            }
        }
    }
}
