using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Features.QualityReports.Reports;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Quality reports over HTTP: activation, the provider's filling in, completion and approval, scoping, the XLSX round trip and reminders.</summary>
public sealed class QualityReportTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int ThisYear => DateTime.UtcNow.Year;

    private Task<Guid> ReportIdAsync(string provider, int year) =>
        app.WithDbAsync(db => db.QualityReports.Where(r => r.Template!.Year == year && db.Providers.Any(p => p.Id == r.ProviderId && p.Name == provider))
            .Select(r => r.Id).SingleAsync(Cancel));

    private Task<QualityReport> ReportAsync(Guid id) =>
        app.WithDbAsync(db => db.QualityReports.AsNoTracking().Include(r => r.Answers).Include(r => r.CompletionRequests).SingleAsync(r => r.Id == id, Cancel));

    /// <summary>Creates a draft template through the page, as a quality developer would.</summary>
    private Task<Guid> NewTemplateAsync(HttpClient developer, string choiceSystem, int year) => NewTemplateAsync(app, developer, choiceSystem, year);

    internal static async Task<Guid> NewTemplateAsync(UppsiktApp app, HttpClient developer, string choiceSystem, int year)
    {
        var choiceSystemId = await app.GetChoiceSystemIdAsync(choiceSystem);
        using var created = await Forms.SubmitAsync(developer, "/QualityReports/Templates",
            [new("Input.ChoiceSystemId", choiceSystemId.ToString()), new("Input.Year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Title", $"Kvalitetsrapport {year}")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [Fact]
    public async Task ActivatingATemplateGivesEachProviderAuthorisedInTheChoiceSystemOneReport()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var id = await NewTemplateAsync(developer, Demo.HomeCare, 2035);
        var page = $"/QualityReports/Templates/Details/{id}";
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var activated = await Forms.SubmitAsync(developer, page, [new("DueOn", due), new("version", "0"), new("confirmed", "true")], page + "?handler=Activate");
        await Expect.RedirectAsync(activated, page);
        using var again = await Forms.SubmitAsync(developer, page, [new("DueOn", due), new("version", "1")], page + "?handler=Activate");
        Assert.Contains("Mallen är redan aktiverad.", await Expect.OkAsync(again), StringComparison.Ordinal);

        var (providers, authorised) = await app.WithDbAsync(async db =>
        {
            var choiceSystemId = await db.QualityReportTemplates.Where(t => t.Id == id).Select(t => t.ChoiceSystemId).SingleAsync(Cancel);
            var reports = await db.QualityReports.Where(r => r.TemplateId == id).Select(r => r.ProviderId).ToListAsync(Cancel);
            var inForce = await db.Authorisations.Where(a => a.ChoiceSystemId == choiceSystemId && a.Status == Domain.Register.AuthorisationStatus.Active)
                .Select(a => a.ProviderId).Distinct().ToListAsync(Cancel);
            return (reports, inForce);
        });
        Assert.Equal(3, providers.Count);
        Assert.Equal(authorised.Order(), providers.Order());
    }

    [Fact]
    public async Task ActivationFirstShowsHowManyProvidersAndTheDeadlineAndOnlyTheConfirmedPostActivates()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var id = await NewTemplateAsync(developer, Demo.HomeCare, 2039);
        var page = $"/QualityReports/Templates/Details/{id}";
        var dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(45));
        var due = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((TemplateState.Draft, 0), await TemplateStateAsync(id));
        var names = await app.WithDbAsync(async db =>
        {
            var choiceSystemId = await db.QualityReportTemplates.Where(t => t.Id == id).Select(t => t.ChoiceSystemId).SingleAsync(Cancel);
            var inForce = db.Authorisations.Where(a => a.ChoiceSystemId == choiceSystemId && a.Status == Domain.Register.AuthorisationStatus.Active).Select(a => a.ProviderId);
            return await db.Providers.Where(p => inForce.Contains(p.Id)).Select(p => p.Name).ToListAsync(Cancel);
        });
        Assert.Equal(3, names.Count);

        using var asked = await Forms.SubmitAsync(developer, page, [new("DueOn", due), new("version", "0")], page + "?handler=Activate");

        var confirmation = await Expect.OkAsync(asked);
        Assert.Contains("Bekräfta aktivering", confirmation, StringComparison.Ordinal);
        Assert.Contains("3 anordnare", confirmation, StringComparison.Ordinal);
        Assert.Contains(Html.Encode(SwedishDate(dueOn)), confirmation, StringComparison.Ordinal);
        Assert.Contains("Det går inte att ångra", confirmation, StringComparison.Ordinal);
        Assert.All(names, name => Assert.Contains($"<li>{Html.Encode(name)}</li>", confirmation, StringComparison.Ordinal));
        Assert.Contains($"href=\"{page}\">Avbryt</a>", confirmation, StringComparison.Ordinal);
        Assert.Equal((TemplateState.Draft, 0), await TemplateStateAsync(id));

        // Cancelling is the link back to the template: nothing is posted and nothing changes.
        using var cancelled = await developer.GetAsync(page, Cancel);
        Assert.DoesNotContain("Bekräfta aktivering", await Expect.OkAsync(cancelled), StringComparison.Ordinal);
        Assert.Equal((TemplateState.Draft, 0), await TemplateStateAsync(id));

        using var confirmed = await Forms.PostAsync(developer, page + "?handler=Activate", Forms.AntiforgeryToken(confirmation),
            [new("DueOn", Forms.InputValue(confirmation, "DueOn")!), new("version", Forms.InputValue(confirmation, "version")!), new("confirmed", Forms.InputValue(confirmation, "confirmed")!)]);

        await Expect.RedirectAsync(confirmed, page);
        Assert.Equal((TemplateState.Active, 3), await TemplateStateAsync(id));
        Assert.Equal(dueOn, await app.WithDbAsync(db => db.QualityReportTemplates.Where(t => t.Id == id).Select(t => t.DueOn).SingleAsync(Cancel)));
    }

    private Task<(TemplateState State, int Reports)> TemplateStateAsync(Guid id) =>
        app.WithDbAsync(async db => (
            await db.QualityReportTemplates.Where(t => t.Id == id).Select(t => t.State).SingleAsync(Cancel),
            await db.QualityReports.CountAsync(r => r.TemplateId == id, Cancel)));

    /// <summary>Encodes as the app's pages do: å, ä and ö as themselves.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string SwedishDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));

    [Fact]
    public async Task TheProviderFillsInSubmitsCompletesOnRequestAndTheReviewerApproves()
    {
        var id = await ReportIdAsync(Demo.Omsorgshuset, ThisYear);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var fill = $"/QualityReports/Reports/Fill/{id}";

        using (var mine = await provider.GetAsync("/QualityReports/Reports/Mine", Cancel))
        {
            Assert.Contains(fill, await Expect.OkAsync(mine), StringComparison.Ordinal);
        }
        // A draft save keeps what is given; submitting without the required answers is refused by question.
        using (var saved = await Forms.SubmitAsync(provider, fill, [new("q-1-2", "22 000"), new("version", "0"), new("action", "save")]))
        {
            await Expect.RedirectAsync(saved, fill);
        }
        using (var refused = await Forms.SubmitAsync(provider, fill, [new("q-1-2", "22 000"), new("version", "1"), new("action", "submit")]))
        {
            var html = await Expect.OkAsync(refused);
            Assert.Contains("Besvara fråga 1.1", html, StringComparison.Ordinal);
        }
        Assert.Equal(ReportState.Draft, (await ReportAsync(id)).State);

        using (var copied = await Forms.SubmitAsync(provider, fill, [], fill + "?handler=CopyLastYear"))
        {
            await Expect.RedirectAsync(copied, fill);
        }
        var afterCopy = await ReportAsync(id);
        Assert.Equal("22 000", afterCopy.AnswerMap()["1.2"]);
        Assert.Equal("Tolv avvikelser och fyra klagomål (fiktiva). Rutinen för nyckelhantering har skärpts.", afterCopy.AnswerMap()["4.3"]);

        var answers = afterCopy.AnswerMap().Select(a => new KeyValuePair<string, string>(AnswerForm.Field(a.Key), a.Value)).Where(a => !a.Key.StartsWith("q-3-", StringComparison.Ordinal)).ToList();
        using (var submitted = await Forms.SubmitAsync(provider, fill, [.. answers, new("version", afterCopy.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", "submit")]))
        {
            await Expect.RedirectAsync(submitted, $"/QualityReports/Reports/Details/{id}");
        }
        Assert.Equal(ReportState.Submitted, (await ReportAsync(id)).State);
        // The submitted report waits for the quality developers (the demo's wants mail at once, decision 0025).
        Assert.Contains(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == Demo.QualityDeveloper).ToListAsync(Cancel)),
            m => m.Subject.StartsWith($"Kvalitetsrapport att granska: {Demo.Omsorgshuset}", StringComparison.Ordinal)
                && m.Body.Contains($"/QualityReports/Reports/Details/{id}", StringComparison.Ordinal));

        var details = $"/QualityReports/Reports/Details/{id}";
        using (var requested = await Forms.SubmitAsync(developer, details, [new("codes", "4.3"), new("comment-q-4-3", "Beskriv vad ni lärde er av klagomålen.")], details + "?handler=RequestCompletion"))
        {
            await Expect.RedirectAsync(requested, details);
        }
        var asked = await ReportAsync(id);
        Assert.Equal(ReportState.CompletionRequested, asked.State);
        Assert.Equal("4.3", Assert.Single(asked.CompletionRequests).QuestionCode);
        Assert.Contains(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == Demo.OmsorgshusetUser).ToListAsync(Cancel)),
            m => m.Subject.StartsWith("Komplettering begärd: ", StringComparison.Ordinal) && m.Body.Contains($"{UppsiktApp.AppUrl}{fill}\n", StringComparison.Ordinal));
        using (var form = await provider.GetAsync(fill, Cancel))
        {
            Assert.Contains("Beskriv vad ni lärde er av klagomålen.", await Expect.OkAsync(form), StringComparison.Ordinal);
        }

        var completed = asked.AnswerMap().Select(a => new KeyValuePair<string, string>(AnswerForm.Field(a.Key), a.Key == "4.3" ? "Vi har infört en ny rutin för nyckelkvittens." : a.Value))
            .Where(a => !a.Key.StartsWith("q-3-", StringComparison.Ordinal)).ToList();
        using (var resubmitted = await Forms.SubmitAsync(provider, fill, [.. completed, new("version", asked.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", "submit")]))
        {
            await Expect.RedirectAsync(resubmitted, details);
        }
        Assert.Equal(ReportState.Resubmitted, (await ReportAsync(id)).State);

        using (var refusedApproval = await Forms.SubmitAsync(provider, details, [], details + "?handler=Approve"))
        {
            await Expect.DeniedAsync(refusedApproval);
        }
        using (var approved = await Forms.SubmitAsync(developer, details, [], details + "?handler=Approve"))
        {
            await Expect.RedirectAsync(approved, details);
        }
        var final = await ReportAsync(id);
        Assert.Equal(ReportState.Approved, final.State);
        Assert.Equal("Vi har infört en ny rutin för nyckelkvittens.", final.AnswerMap()["4.3"]);
    }

    [Fact]
    public async Task AProviderUserCannotReadAnotherProvidersReportByPageOrApi()
    {
        var theirs = await ReportIdAsync(Demo.TryggaHander, ThisYear);
        using var browser = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);

        using (var page = await browser.GetAsync($"/QualityReports/Reports/Details/{theirs}", Cancel))
        {
            await Expect.StatusAsync(page, HttpStatusCode.NotFound);
        }
        using (var fill = await browser.GetAsync($"/QualityReports/Reports/Fill/{theirs}", Cancel))
        {
            await Expect.StatusAsync(fill, HttpStatusCode.NotFound);
        }
        using (var one = await api.GetAsync($"/api/v1/quality-reports/{theirs}", Cancel))
        {
            await Expect.StatusAsync(one, HttpStatusCode.NotFound);
        }
        using var list = await api.GetAsync("/api/v1/quality-reports?pageSize=200", Cancel);
        var items = JsonDocument.Parse(await Expect.OkAsync(list)).RootElement.GetProperty("items");
        Assert.NotEmpty(items.EnumerateArray());
        Assert.All(items.EnumerateArray(), r => Assert.Equal(Demo.Omsorgshuset, r.GetProperty("providerName").GetString()));
    }

    [Fact]
    public async Task OnlyTheProvidersOwnUsersSaveAReportTheMunicipalityIsRefusedNotMisled()
    {
        var id = await ReportIdAsync(Demo.Omsorgshuset, ThisYear);
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var fill = $"/QualityReports/Reports/Fill/{id}";
        var version = await app.WithDbAsync(db => db.QualityReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(Cancel));
        var before = await app.LastAuditIdAsync();

        // The reviewer may look at the form, and the report is there: the save is refused for the role (403), not "not found".
        using (var saved = await Forms.SubmitAsync(developer, fill, [new("q-1-1", "1"), new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", "save")]))
        {
            await Expect.DeniedAsync(saved);
        }
        using (var missing = await Forms.SubmitAsync(developer, fill, [new("version", "0"), new("action", "save")], $"/QualityReports/Reports/Fill/{Guid.CreateVersion7()}"))
        {
            await Expect.StatusAsync(missing, HttpStatusCode.NotFound);
        }
        Assert.Equal(before, await app.LastAuditIdAsync());
    }

    [Fact]
    public async Task AnActivatedTemplateRefusesAnImportWith409()
    {
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var id = await app.WithDbAsync(db => db.QualityReportTemplates.Where(t => t.Year == ThisYear && t.State == TemplateState.Active).Select(t => t.Id).FirstAsync(Cancel));
        var file = await ExportAsync(api, id);

        using var refused = await ImportAsync(api, id, file);

        var problem = JsonDocument.Parse(await Expect.StatusAsync(refused, HttpStatusCode.Conflict)).RootElement;
        Assert.Equal(QualityReportTemplate.ActivatedMessage, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ATemplateExportedAndImportedUnchangedChangesNothing()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var id = await NewTemplateAsync(developer, Demo.NursingHome, 2036);
        var file = await ExportAsync(api, id);
        var before = await app.LastAuditIdAsync();

        using var imported = await ImportAsync(api, id, file);
        var result = JsonDocument.Parse(await Expect.OkAsync(imported)).RootElement;

        Assert.Equal(0, result.GetProperty("added").GetInt32() + result.GetProperty("changed").GetInt32() + result.GetProperty("removed").GetInt32());
        Assert.Equal(before, await app.LastAuditIdAsync());

        // An edit comes back by code: the changed text is updated, a new row added.
        var edited = Edit(file, sheet =>
        {
            SetCell(sheet, 2, 2, "Hur många boende hade ni i genomsnitt per månad?");
            AppendRow(sheet, ["Volym", "1.3", "Hur många platser har ni?", "Tal", "", "Ja", "", ""]);
        });
        using var changed = await ImportAsync(api, id, edited);
        var change = JsonDocument.Parse(await Expect.OkAsync(changed)).RootElement;
        Assert.Equal(1, change.GetProperty("added").GetInt32());
        Assert.Equal(1, change.GetProperty("changed").GetInt32());
        var questions = await app.WithDbAsync(db => db.TemplateQuestions.Where(q => q.TemplateId == id).ToListAsync(Cancel));
        Assert.Equal("Hur många boende hade ni i genomsnitt per månad?", questions.Single(q => q.Code == "1.1").Text);
        Assert.Equal(QuestionKind.Number, questions.Single(q => q.Code == "1.3").Kind);
    }

    [Fact]
    public async Task ABadRowIsReportedByRowAndColumnAndAFormulaIsRefusedAndNothingChanges()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var id = await NewTemplateAsync(developer, Demo.ElderlyDayCare, 2036);
        var file = await ExportAsync(api, id);
        var before = await app.LastAuditIdAsync();

        var bad = Edit(file, sheet =>
        {
            SetCell(sheet, 2, 2, "En ändrad fråga som inte får sparas");
            SetCell(sheet, 3, 3, "Kanske");
        });
        using (var refused = await ImportAsync(api, id, bad))
        {
            var body = await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
            Assert.Contains("Rad 3, kolumn Typ: ”Kanske” är ingen frågetyp.", body, StringComparison.Ordinal);
        }

        var formula = Edit(file, sheet =>
        {
            var cell = sheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ElementAt(2);
            cell.CellFormula = new CellFormula("HYPERLINK(\"http://example.invalid\",\"klicka\")");
        });
        using (var refused = await ImportAsync(api, id, formula))
        {
            var body = await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
            Assert.Contains("Rad 2, kolumn Fråga: cellen innehåller en formel.", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.LastAuditIdAsync());
        var text = await app.WithDbAsync(db => db.TemplateQuestions.Where(q => q.TemplateId == id && q.Code == "1.1").Select(q => q.Text).SingleAsync(Cancel));
        Assert.Equal("Hur många brukare hade ni i genomsnitt per månad under året?", text);
    }

    [Fact]
    public async Task RemindersGoOutSevenThreeAndOneDayBeforeTheDeadlineOnceEach()
    {
        var (due, reportId) = await app.WithDbAsync(async db =>
        {
            var report = await db.QualityReports.Include(r => r.Template).Where(r => r.Template!.Year == ThisYear && r.Template.DueOn != null)
                .Where(r => db.Providers.Any(p => p.Id == r.ProviderId && p.Name == Demo.TryggaHander)).SingleAsync(Cancel);
            return (report.Template!.DueOn!.Value, report.Id);
        });
        // Trygga Händer's report is submitted in the demo; put it back to a draft so it is due.
        await app.WithDbAsync(async db =>
        {
            await db.QualityReports.Where(r => r.Id == reportId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReportState.Draft), Cancel);
            return 0;
        });
        var sent = 0;
        foreach (var daysBefore in new[] { 8, 7, 7, 5, 3, 3, 2, 1, 1, 0 })
        {
            await app.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                var clock = FixedClock.On(due.AddDays(-daysBefore));
                sent += await new ReportReminders(db, new Outbox(db, clock), services.GetRequiredService<AppLinks>(), clock, new ReportReminderSettings(), NullLogger<ReportReminders>.Instance)
                    .EnqueueAsync(Cancel);
            });
        }

        var messages = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.DeduplicationKey.StartsWith($"quality-report:{reportId:N}:")).ToListAsync(Cancel));
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal(Demo.TryggaHanderUser, m.To));
        Assert.All(messages, m => Assert.Contains($"\n{UppsiktApp.AppUrl}/QualityReports/Reports/Fill/{reportId}\n", m.Body, StringComparison.Ordinal));
        Assert.Equal(["due-in-1", "due-in-3", "due-in-7"], messages.Select(m => m.DeduplicationKey.Split(':')[^1]).Order(StringComparer.Ordinal));
        Assert.True(sent >= 3);
    }

    private static async Task<byte[]> ExportAsync(HttpClient api, Guid id)
    {
        using var response = await api.GetAsync($"/api/v1/quality-report-templates/{id}/xlsx", Cancel);
        await Expect.OkAsync(response);
        return await response.Content.ReadAsByteArrayAsync(Cancel);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient api, Guid id, byte[] file)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "mall.xlsx" } };
        return await api.PostAsync($"/api/v1/quality-report-templates/{id}/xlsx", content, Cancel);
    }

    private static byte[] Edit(byte[] file, Action<Worksheet> edit)
    {
        using var memory = new MemoryStream();
        memory.Write(file);
        using (var document = SpreadsheetDocument.Open(memory, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet!;
            edit(sheet);
            sheet.Save();
        }
        return memory.ToArray();
    }

    private static void SetCell(Worksheet sheet, int row, int column, string value)
    {
        var cell = sheet.Descendants<Row>().ElementAt(row - 1).Elements<Cell>().ElementAt(column);
        cell.InlineString = new InlineString(new Text(value));
    }

    private static void AppendRow(Worksheet sheet, string[] values) =>
        sheet.Descendants<SheetData>().First().Append(new Row(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) })));
}
