using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Web.Features.Admin;
using Uppsikt.Web.Features.Evidence.Indicators;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Indicator results read through <c>POST /api/v1/indicator-results/imports</c>, as an integration would send them.</summary>
public sealed class IndicatorImportTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Header = "indikator;enhet;år;period;värde";

    public sealed record Problem(int? Line, string? Column, string Message);

    public sealed record Report(Guid Id, string Status, string FileName, int RowsRead, int RowsAdded, int RowsUpdated, int RowsUnchanged,
        int RowsSkipped, int RowsRejected, List<Problem> Problems, bool AlreadyImported);

    [Fact]
    public async Task TheIndicatorPageRefusesAnUnreadableTargetAndSavesAReadableOne()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var homeCare = await app.GetChoiceSystemIdAsync(Demo.HomeCare);
        KeyValuePair<string, string>[] Form(string target) =>
        [
            new("Input.Code", "HT-PROV"), new("Input.Name", "Provindikator (fiktiv)"), new("Input.UnitOfMeasure", "%"),
            new("Input.Direction", "HigherIsBetter"), new("Input.Source", "UserSurvey"), new("Input.Version", "0"),
            new($"Input.Targets[{homeCare}]", target),
        ];

        using (var refused = await Forms.SubmitAsync(quality, "/Evidence/Indicators/Edit", Form("nittio")))
        {
            Assert.Contains("Målvärdet ”nittio” är inte ett tal (till exempel 87,5).", await Expect.OkAsync(refused), StringComparison.Ordinal);
        }
        Assert.False(await app.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Code == "HT-PROV", Cancel)));

        using (var saved = await Forms.SubmitAsync(quality, "/Evidence/Indicators/Edit", Form("87,5")))
        {
            await Expect.RedirectAsync(saved, "/Evidence/Indicators");
        }
        var target = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code == "HT-PROV")
            .SelectMany(i => i.Targets).SingleAsync(t => t.ChoiceSystemId == homeCare, Cancel));
        Assert.Equal(87.5, target.Value);
    }

    [Fact]
    public async Task AGoodCsvImportsEveryRowOnceAndAChangedFileUpserts()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var rows = Enumerable.Range(2010, 5).SelectMany(year => new[]
        {
            $"HT-NOJD;{Demo.OmsorgshusetSickla};{year};;{80 + year - 2010},5",
            $"ht-kont;{Demo.TryggaSaltsjobaden};{year};T2;{10 + year - 2010}",
        }).ToList();
        var file = Csv(rows);
        var before = await OutcomeCountAsync();
        var lastAudit = await app.LastAuditIdAsync();

        var first = await ImportAsync(client, file, "resultat.csv");

        Assert.Equal("Succeeded", first.Status);
        Assert.Equal((10, 10, 0, 0), (first.RowsRead, first.RowsAdded, first.RowsUpdated, first.RowsUnchanged));
        Assert.Equal(before + 10, await OutcomeCountAsync());
        // The import is audited as one entry (its record, with hash and counts), not row by row, and the chain holds.
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Id > lastAudit).Select(a => a.EntityType).ToListAsync(Cancel));
        Assert.All(entries, type => Assert.Equal("DataImport", type));
        Assert.True((await app.VerifyAuditAsync()).Intact);

        var again = await ImportAsync(client, file, "samma-fil-igen.csv");
        Assert.True(again.AlreadyImported);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(before + 10, await OutcomeCountAsync());

        rows[0] = $"HT-NOJD;{Demo.OmsorgshusetSickla};2010;;70";
        rows.Add($"HT-NOJD;{Demo.OmsorgshusetSickla};2010;3;71");
        var changed = await ImportAsync(client, Csv(rows), "rattad.csv");
        Assert.Equal(("Succeeded", 1, 1, 9), (changed.Status, changed.RowsAdded, changed.RowsUpdated, changed.RowsUnchanged));
        Assert.Equal(70, await app.WithDbAsync(db => db.Outcomes.Where(o => o.Year == 2010 && o.PeriodNumber == 0 && o.Indicator!.Code == "HT-NOJD")
            .Select(o => o.Value).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task TheNumberOfAnswersIsReadWhenGivenAndShownBesideTheValue()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var sickla = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var file = Encoding.UTF8.GetBytes($"{Header};antal svar\n"
            + $"HT-NOJD;{Demo.OmsorgshusetSickla};2001;;81,5; 1234 \n"
            + $"HT-NOJD;{Demo.OmsorgshusetSickla};2001;T1;80;\n");

        var report = await ImportAsync(client, file, "med-antal-svar.csv");

        Assert.Equal(("Succeeded", 2), (report.Status, report.RowsAdded));
        var stored = await app.WithDbAsync(db => db.Outcomes.Where(o => o.UnitId == sickla && o.Year == 2001 && o.Indicator!.Code == "HT-NOJD")
            .OrderBy(o => o.PeriodNumber).Select(o => o.Answers).ToListAsync(Cancel));
        Assert.Equal([1234, null], stored);

        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var page = System.Net.WebUtility.HtmlDecode(await Expect.OkAsync(await browser.GetAsync($"/Register/Units/Details/{sickla}", Cancel)));
        Assert.Contains("<th scope=\"col\" class=\"number\">Antal svar</th>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">81,5</td>", page, StringComparison.Ordinal);
        Assert.Contains("2001: 81,5 % (1\u00a0234 svar)", page, StringComparison.Ordinal);

        // A later file without the column leaves the number unknown instead of keeping one that no longer belongs to the value.
        var again = await ImportAsync(client, Csv([$"HT-NOJD;{Demo.OmsorgshusetSickla};2001;;81,5"]), "utan-antal-svar.csv");
        Assert.Equal(("Succeeded", 1), (again.Status, again.RowsUpdated));
        Assert.Null(await app.WithDbAsync(db => db.Outcomes.Where(o => o.UnitId == sickla && o.Year == 2001 && o.PeriodNumber == 0 && o.Indicator!.Code == "HT-NOJD")
            .Select(o => o.Answers).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task ANumberOfAnswersThatIsNotAWholeNumberFromZeroUpIsRefusedRowByRowAndNothingIsSaved()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await OutcomeCountAsync();
        var file = Encoding.UTF8.GetBytes($"{Header};antal svar\n"
            + $"HT-NOJD;{Demo.OmsorgshusetSickla};2002;;80;40\n"
            + $"HT-NOJD;{Demo.OmsorgshusetSickla};2003;;80;-3\n"
            + $"HT-NOJD;{Demo.OmsorgshusetSickla};2004;;80;12,5\n"
            + $"HT-NOJD;{Demo.OmsorgshusetSickla};2005;;80;många\n"
            + $"HT-NOJD;{Demo.OmsorgshusetSickla};2006;;80;0\n");

        var report = await ImportAsync(client, file, "fel-antal-svar.csv");

        Assert.Equal(("Rejected", 3), (report.Status, report.RowsRejected));
        Assert.Equal([3, 4, 5], report.Problems.Select(p => p.Line ?? 0).Order());
        Assert.All(report.Problems, p => Assert.Equal("antal svar", p.Column));
        Assert.Contains(report.Problems, p => p.Line == 4 && p.Message == "Antal svar ”12,5” ska vara ett heltal som är 0 eller större (till exempel 42), eller lämnas tomt när det inte finns.");
        Assert.Equal(before, await OutcomeCountAsync());
    }

    [Fact]
    public async Task ABrokenFileReportsEveryBadRowWithLineColumnAndReasonAndImportsNothing()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await OutcomeCountAsync();
        var file = Csv([
            $"HT-NOJD;{Demo.OmsorgshusetSickla};2016;;88",
            $"FINNS-INTE;{Demo.OmsorgshusetSickla};2016;;88",
            "HT-NOJD;Ingen sådan enhet (fiktiv);2016;;88",
            $"HT-NOJD;{Demo.OmsorgshusetSickla};tjugo;;88",
            $"HT-NOJD;{Demo.OmsorgshusetSickla};2017;T4;88",
            $"HT-NOJD;{Demo.OmsorgshusetSickla};2018;;mycket",
            $"HT-NOJD;{Demo.OmsorgshusetSickla};2016;;90",
            $"=HYPERLINK(\"http://example.invalid\");{Demo.OmsorgshusetSickla};2019;;1",
        ]);

        var report = await ImportAsync(client, file, "trasig.csv");

        Assert.Equal("Rejected", report.Status);
        Assert.Equal(7, report.RowsRejected);
        Assert.Contains(report.Problems, p => p is { Line: 3, Column: "indikator" } && p.Message.Contains("FINNS-INTE", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p is { Line: 4, Column: "enhet" } && p.Message.Contains("finns inte i registret", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p is { Line: 5, Column: "år" });
        Assert.Contains(report.Problems, p => p is { Line: 6, Column: "period" } && p.Message.Contains("T1–T3", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p is { Line: 7, Column: "värde" } && p.Message.Contains("inte ett tal", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 8 && p.Message.Contains("tidigare rad", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p is { Line: 9, Column: "indikator" } && p.Message.Contains("formel", StringComparison.Ordinal));
        Assert.Equal(before, await OutcomeCountAsync());
        Assert.Contains("7 rader har fel. Ingenting sparades. Rätta raderna nedan", await DetailsPageAsync(report.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileNotInUtf8IsRefused()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\nHT-NOJD;Omsorgshuset Hemtjänst Älta (fiktiv);2020;;80\n");

        var report = await ImportAsync(client, latin1, "excel.csv");

        Assert.Equal("Rejected", report.Status);
        Assert.Contains("UTF-8", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatCannotBeReadAsAWholeSaysSoOnItsPageNotThatARowIsWrong()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        var report = await ImportAsync(client, Encoding.UTF8.GetBytes("det här är ingen arbetsbok"), "inte-excel.xlsx");

        Assert.Equal("Rejected", report.Status);
        Assert.Null(Assert.Single(report.Problems).Line);
        var page = await DetailsPageAsync(report.Id);
        Assert.Contains("Filen kunde inte läsas som helhet. Ingenting sparades.", page, StringComparison.Ordinal);
        Assert.Contains("Filen är inte en Excel-arbetsbok (.xlsx) som kan läsas.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("rad har fel", page, StringComparison.Ordinal);
    }

    /// <summary>The import's page as the quality developer sees it, as text.</summary>
    private async Task<string> DetailsPageAsync(Guid id)
    {
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        return System.Net.WebUtility.HtmlDecode(await Expect.OkAsync(await browser.GetAsync($"/Evidence/Indicators/Imports/Details/{id}", Cancel)));
    }

    [Fact]
    public async Task AHugeLineIsRefused()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var report = await ImportAsync(client, Csv([$"HT-NOJD;{new string('x', 40_000)};2020;;80"]), "lang-rad.csv");

        Assert.Equal("Rejected", report.Status);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("längre än", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongColumnsAreRefusedNamingTheExpectedOnes()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var report = await ImportAsync(client, Encoding.UTF8.GetBytes("indicator;unit;year;value\nHT-NOJD;X;2020;1\n"), "engelska.csv");

        Assert.Equal("Rejected", report.Status);
        var message = Assert.Single(report.Problems).Message;
        Assert.Contains("fel kolumner", message, StringComparison.Ordinal);
        Assert.Contains("Kolumnen ”värde” saknas", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnXlsxFileImportsAndOneWithAFormulaInjectionCellIsRefused()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var good = await ImportAsync(client, Xlsx([["HT-NOJD", Demo.OmsorgshusetSickla, "2021", "", "84,5"], ["HT-KONT", Demo.OmsorgshusetSickla, "2021", "T1", "11"]]), "resultat.xlsx");
        Assert.Equal(("Succeeded", 2), (good.Status, good.RowsAdded));

        var bad = await ImportAsync(client, Xlsx([["HT-NOJD", "@SUM(A1:A2)", "2022", "", "84"], ["HT-NOJD", Demo.OmsorgshusetSickla, "2022", "", "84"]]), "injektion.xlsx");
        Assert.Equal("Rejected", bad.Status);
        var problem = Assert.Single(bad.Problems);
        Assert.Equal((2, "enhet"), (problem.Line, problem.Column));
        Assert.Contains("formel", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KoladaOudataUpdatesOnlyUnitsWithAMatchingKoladaId()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var sickla = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var unit = await Api.GetUnitAsync(client, sickla);
        using (var put = await Api.PutUnitAsync(client, sickla, unit.ToChange() with { KoladaId = "V21E9001" }))
        {
            await Expect.OkAsync(put);
        }
        // Recorded in the shape of Kolada's /v3/oudata; values are synthetic. The demo's own id for the unit (V21E9101) is replaced above.
        var json = """
            {"values":[
              {"kpi":"U21468","period":2019,"ou":"V21E9001","values":[{"gender":"K","value":70.0,"status":"","count":1,"isdeleted":false},{"gender":"T","value":77.0,"status":"","count":1,"isdeleted":false}]},
              {"kpi":"U21468","period":2019,"ou":"V21E9999","values":[{"gender":"T","value":91.0,"status":"","count":1,"isdeleted":false}]},
              {"kpi":"N00000","period":2019,"ou":"V21E9001","values":[{"gender":"T","value":5.0,"status":"","count":1,"isdeleted":false}]}
            ],"next_url":null}
            """;

        var report = await ImportAsync(client, Encoding.UTF8.GetBytes(json), "oudata.json");

        Assert.Equal(("Succeeded", 3, 1, 2), (report.Status, report.RowsRead, report.RowsAdded, report.RowsSkipped));
        using var response = await client.GetAsync($"/api/v1/indicator-results?unitId={sickla}", Cancel);
        var results = JsonDocument.Parse(await Expect.OkAsync(response)).RootElement;
        var points = results.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == "HT-NOJD").GetProperty("points").EnumerateArray();
        Assert.Contains(points, p => p.GetProperty("period").GetString() == "2019" && p.GetProperty("value").GetDouble() == 77.0
            && p.GetProperty("answers").ValueKind == JsonValueKind.Null);
        // Kolada's count (1 for every single unit) is not the number of answers, so the result is stored without one.
        Assert.Null(await app.WithDbAsync(db => db.Outcomes.Where(o => o.UnitId == sickla && o.Year == 2019 && o.Indicator!.Code == "HT-NOJD")
            .Select(o => o.Answers).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task TheKoladaExampleInTheDocsUpdatesTheDemosHomeCareUnits()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var file = await File.ReadAllBytesAsync(RepositoryFiles.KoladaOudataExample, Cancel);
        var koladaIds = await app.WithDbAsync(db => db.Units.Where(u => u.KoladaId != null && u.KoladaId.StartsWith(Demo.FictitiousKoladaIds)).Select(u => u.KoladaId!).ToListAsync(Cancel));

        var report = await ImportAsync(client, file, "kolada-oudata-exempel.json");

        // Seven values: one per matched unit for the satisfaction KPI, one for continuity; an unknown unit and an unknown KPI are passed over.
        Assert.Equal(("Succeeded", 7, koladaIds.Count + 1, 7 - koladaIds.Count - 1),
            (report.Status, report.RowsRead, report.RowsAdded, report.RowsSkipped));
        Assert.True(koladaIds.Count >= 3, string.Join(", ", koladaIds));
    }

    [Fact]
    public async Task AProviderUserSeesItsOwnUnitsResultsOnlyAndCannotImport()
    {
        using var omsorgshuset = await app.ApiClientAs(Demo.OmsorgshusetUser);
        var own = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var other = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);

        using (var response = await omsorgshuset.GetAsync($"/api/v1/indicator-results?unitId={own}", Cancel))
        {
            Assert.Contains("HT-NOJD", await Expect.OkAsync(response), StringComparison.Ordinal);
        }
        using (var response = await omsorgshuset.GetAsync($"/api/v1/indicator-results?unitId={other}", Cancel))
        {
            await Expect.StatusAsync(response, HttpStatusCode.NotFound);
        }
        using var browser = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using (var page = await browser.GetAsync($"/Register/Units/Details/{own}", Cancel))
        {
            var html = await Expect.OkAsync(page);
            Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
            Assert.Contains("Under mål", html, StringComparison.Ordinal);
        }
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Csv([])), "file", "x.csv" } };
        using (var response = await omsorgshuset.PostAsync("/api/v1/indicator-results/imports", upload, Cancel))
        {
            await Expect.DeniedAsync(response);
        }
    }

    [Fact]
    public async Task FlagsNameTheIndicatorsBelowTargetInTheLatestPeriod()
    {
        var sickla = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var nacka = await app.GetUnitIdAsync("Hemtjänsten egen regi Nacka centrum (fiktiv)");
        await app.WithServicesAsync(async services =>
        {
            var flags = services.GetRequiredService<IndicatorFlags>();
            var below = await flags.BelowTargetAsync(sickla, Cancel);
            Assert.Equal(["HT-KONT", "HT-NOJD"], below.Select(f => f.Code));
            Assert.Empty(await flags.BelowTargetAsync(nacka, Cancel));
            var counts = await flags.CountBelowTargetAsync(null, Cancel);
            Assert.Equal(2, counts[sickla]);
            Assert.False(counts.ContainsKey(nacka));
        });
    }

    private Task<int> OutcomeCountAsync() => app.WithDbAsync(db => db.Outcomes.CountAsync(Cancel));

    private static byte[] Csv(IEnumerable<string> rows) => Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend(Header)) + "\n");

    /// <summary>An XLSX workbook with the import's header and the given rows as text cells (the last column as a number when it is one).</summary>
    private static byte[] Xlsx(string[][] rows)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (cells, index) in rows.Prepend(Header.Split(';')).Select((r, i) => (r, i + 1)))
            {
                var row = new Row { RowIndex = (uint)index };
                foreach (var (value, column) in cells.Select((v, c) => (v, c)))
                {
                    var reference = $"{(char)('A' + column)}{index}";
                    row.Append(double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
                        ? new Cell { CellReference = reference, CellValue = new CellValue(value) }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }
                data.Append(row);
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Resultat" }));
        }
        return memory.ToArray();
    }

    /// <summary>Uploads the file and waits for the import to finish (polling, as an integration would).</summary>
    private static async Task<Report> ImportAsync(HttpClient client, byte[] file, string fileName)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        using var response = await client.PostAsync("/api/v1/indicator-results/imports", content, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, Expect.Describe(response, body));
        var report = JsonSerializer.Deserialize<Report>(body, Api.Json)!;
        for (var attempt = 0; report.Status == "Running" && attempt < 300; attempt++)
        {
            await Task.Delay(100, Cancel);
            using var poll = await client.GetAsync($"/api/v1/indicator-results/imports/{report.Id}", Cancel);
            report = JsonSerializer.Deserialize<Report>(await Expect.OkAsync(poll), Api.Json)! with { AlreadyImported = report.AlreadyImported };
        }
        return report;
    }
}
