using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Features.Plans;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Ordinary but wrong input to the API — a column a list does not have, an empty body, a year no calendar has, a cell
/// reference past the last column, a value of the wrong type — gets a Swedish 400 that names what is wrong, never a 500; and a
/// 500 that does happen is logged.
/// </summary>
public sealed class HostileInputTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int ThisYear => DateTime.UtcNow.Year;

    private const string YearMessage = "Ange ett år mellan 2000 och 2100.";

    [Fact]
    public async Task EveryApiListRefusesASortColumnItDoesNotHaveWith400NamingSort()
    {
        var lists = (await AppRoutes.DiscoverAsync(app.Services))
            .Where(r => r is { IsApi: true, Method: "GET" } && !r.Template.Contains('{', StringComparison.Ordinal))
            .Select(r => r.Template).Distinct().Order(StringComparer.Ordinal).ToList();
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var sortedAnyway = new List<string>();
        var refused = 0;

        foreach (var list in lists)
        {
            using var response = await client.GetAsync($"{list}?sort=ingenkolumn", Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            if (response.StatusCode == HttpStatusCode.BadRequest && body.Contains("\"sort\"", StringComparison.Ordinal))
            {
                var errors = Errors(body);
                Assert.StartsWith("Listan kan inte sorteras på ”ingenkolumn”. Välj en av: ", errors["sort"].Single(), StringComparison.Ordinal);
                refused++;
            }
            else if (response.StatusCode == HttpStatusCode.OK && body.Contains("\"items\"", StringComparison.Ordinal))
            {
                sortedAnyway.Add(list); // a list that answered rows in its default order
            }
        }

        Assert.Empty(sortedAnyway);
        Assert.True(refused >= 15, $"Only {refused} lists refused the column.");
        // The columns a list has still sort, the conditions' title and date (subqueries) among them.
        foreach (var column in new[] { "title", "validFrom", "TITLE" })
        {
            using var sorted = await client.GetAsync($"/api/v1/conditions?sort={column}&descending=true", Cancel);
            await Expect.OkAsync(sorted);
        }
    }

    [Fact]
    public async Task AnActivityPostedWithAnEmptyBodyGets400NamingTheActivity()
    {
        var planId = await app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.ChoiceSystem!.Name == Demo.CultureSchool && p.Year == ThisYear)
            .Select(p => p.Id).SingleAsync(Cancel));
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await app.LastAuditIdAsync();

        using var response = await client.PostAsync($"/api/v1/plans/{planId}/activities", Json("{}"), Cancel);

        var errors = Errors(await Expect.StatusAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(["Ange aktiviteten: vad som följs upp, med vilka villkor, metod, vem, hur ofta och när."], errors["Activity"]);
        Assert.Equal(before, await app.LastAuditIdAsync());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999")]
    public async Task TheComplaintSummaryOfAYearNoCalendarHasGets400NamingYear(string year)
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.GetAsync($"/api/v1/complaints/summary?year={year}", Cancel);

        Assert.Equal([YearMessage], Errors(await Expect.StatusAsync(response, HttpStatusCode.BadRequest))["year"]);
    }

    [Theory]
    [InlineData("/api/v1/council-review/0")]
    [InlineData("/api/v1/council-review/1/memo?caseNumber=KFKS-2024-00352")]
    [InlineData("/api/v1/council-review/99999/memo?caseNumber=KFKS-2024-00352")]
    public async Task TheCouncilReviewOfAYearOutsideTheRangeGets400NamingYear(string url)
    {
        using var client = await app.ApiClientAs(Demo.CouncilReviewer);

        using var response = await client.GetAsync(url, Cancel);

        Assert.Equal([YearMessage], Errors(await Expect.StatusAsync(response, HttpStatusCode.BadRequest))["year"]);
    }

    [Fact]
    public async Task ATemplateSheetWithACellPastTheLastColumnIsRefusedByRowAndCell()
    {
        var id = await app.WithDbAsync(db => db.QualityReportTemplates
            .Where(t => t.State == TemplateState.Draft && t.ReviewType == null && t.Questions.Any()).Select(t => t.Id).FirstAsync(Cancel));
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        using var export = await client.GetAsync($"/api/v1/quality-report-templates/{id}/xlsx", Cancel);
        await Expect.OkAsync(export);
        var before = await app.LastAuditIdAsync();

        var file = MoveLastCellOfRow2(await export.Content.ReadAsByteArrayAsync(Cancel), "ZZZZZZZ2");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "mall.xlsx" } };
        using var response = await client.PostAsync($"/api/v1/quality-report-templates/{id}/xlsx", content, Cancel);

        var body = Expect.ReadableText(response, await Expect.StatusAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains("Rad 2: Cellen ”ZZZZZZZ2” ligger utanför kalkylbladet, vars sista kolumn är XFD.", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.LastAuditIdAsync());
    }

    [Fact]
    public async Task AnUnhandledApiErrorIsLoggedAtErrorWithTheRequestPath()
    {
        // An endpoint whose handler fails, as a bug would make it: the council review, in a variant of the app.
        await using var failing = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<CouncilReviewHandler>(_ => throw new InvalidOperationException("Testfel i handläggaren."))));
        var (_, secret) = await app.CreateApiTokenAsync(Demo.CouncilReviewer);
        using var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var path = $"/api/v1/council-review/{ThisYear}";

        using var response = await client.GetAsync(path, Cancel);

        await Expect.StatusAsync(response, HttpStatusCode.InternalServerError);
        var logged = app.Log.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains(path, StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(logged);
        Assert.Equal("Testfel i handläggaren.", entry.Exception?.Message);
        Assert.Contains("GET", entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"capacity":"abc"}""", "capacity", "Ange ett heltal.")]
    [InlineData("""{"providerId":"not-a-guid"}""", "providerId", "Ange ett giltigt id.")]
    [InlineData("""{"closedOn":"2024-13-01"}""", "closedOn", "Ange ett datum som ÅÅÅÅ-MM-DD.")]
    [InlineData("""{"ownership":"Kanske"}""", "ownership", "Välj ett av värdena Private, NonProfit, InHouse.")]
    [InlineData("""{"choiceSystemIds":["x"]}""", "choiceSystemIds[0]", "Ange ett giltigt id.")]
    [InlineData("""{"name":{"first":"A"}}""", "name", "Ange en text.")]
    public async Task AJsonValueOfTheWrongTypeGets400NamingTheFieldInSwedish(string json, string field, string message)
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.PostAsync("/api/v1/units", Json(json), Cancel);

        var errors = Errors(await Expect.StatusAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
    }

    [Fact]
    public async Task ANestedFieldIsNamedByItsPath()
    {
        var planId = await app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.ChoiceSystem!.Name == Demo.CultureSchool && p.Year == ThisYear)
            .Select(p => p.Id).SingleAsync(Cancel));
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.PostAsync($"/api/v1/plans/{planId}/activities", Json("""{"activity":{"month":"mars"},"planVersion":1}"""), Cancel);

        Assert.Equal(["Ange ett heltal."], Errors(await Expect.StatusAsync(response, HttpStatusCode.BadRequest))["activity.month"]);
    }

    [Fact]
    public async Task AQueryValueOfTheWrongTypeGets400NamingTheParameter()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.GetAsync("/api/v1/units?page=tre", Cancel);

        Assert.Equal(["Ange ett heltal."], Errors(await Expect.StatusAsync(response, HttpStatusCode.BadRequest))["page"]);
    }

    [Fact]
    public async Task MalformedJsonGetsASwedishMessageWithWhereItBroke()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.PostAsync("/api/v1/units", Json("{\"name\": \"Halv"), Cancel);

        var body = await Expect.StatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Förfrågans JSON kunde inte läsas (rad 1", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentABindingErrorStillNamesTheField()
    {
        // Minimal APIs answer a bare 400 outside development unless told to throw; the app tells them to in every environment.
        await using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        var (_, secret) = await app.CreateApiTokenAsync(Demo.QualityDeveloper);
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        using var response = await client.PostAsync("/api/v1/units", Json("""{"capacity":"abc"}"""), Cancel);

        Assert.Equal(["Ange ett heltal."], Errors(await Expect.StatusAsync(response, HttpStatusCode.BadRequest))["capacity"]);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Dictionary<string, string[]> Errors(string body)
    {
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors), $"No errors in {body}");
        return errors.Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>The sheet with the last cell of its second row given another reference.</summary>
    private static byte[] MoveLastCellOfRow2(byte[] file, string reference)
    {
        using var memory = new MemoryStream();
        memory.Write(file);
        using (var document = SpreadsheetDocument.Open(memory, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet!;
            sheet.Descendants<Row>().ElementAt(1).Elements<Cell>().Last().CellReference = reference;
            sheet.Save();
        }
        return memory.ToArray();
    }

    /// <summary>A file larger than the app takes (31 MB, past the 30 MB the server reads for a 20 MB file and its form).</summary>
    private static ByteArrayContent TooLargeFile() => new(new byte[31 * 1024 * 1024]);

    private Task<Guid> TryggaHandersPlanAsync() => app.WithDbAsync(async db =>
    {
        var provider = await db.Providers.Where(p => p.Name == Demo.TryggaHander).Select(p => p.Id).SingleAsync();
        return await db.ActionPlans.IgnoreQueryFilters().Where(a => a.ProviderId == provider).Select(a => a.Id).FirstAsync();
    });

    private Task<int> StoredFileCountAsync() => app.WithDbAsync(db => db.StoredFiles.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task AFileTooLargeForAPageGetsFilenArForStorWithTheLimitAndIsNotStored()
    {
        var planId = await TryggaHandersPlanAsync();
        using var provider = await app.CreateClientAs(Demo.TryggaHanderUser);
        var page = await Expect.OkAsync(await provider.GetAsync($"/Deficiencies/Plan/{planId}", Cancel));
        var before = await StoredFileCountAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.AntiforgeryToken(page)), Forms.AntiforgeryField },
            { TooLargeFile(), "upload", "Stor.pdf" },
        };

        using var response = await provider.PostAsync($"/Deficiencies/Plan/{planId}?handler=Upload", form, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Filen är för stor", html, StringComparison.Ordinal);
        Assert.Contains("En fil får vara högst 20 MB.", html, StringComparison.Ordinal);
        Assert.Equal(before, await StoredFileCountAsync());
    }

    [Fact]
    public async Task AFileTooLargeForTheApiGetsA413ProblemSayingSo()
    {
        var planId = await TryggaHandersPlanAsync();
        using var provider = await app.ApiClientAs(Demo.TryggaHanderUser);
        using var form = new MultipartFormDataContent { { TooLargeFile(), "file", "Stor.pdf" } };

        using var response = await provider.PostAsync($"/api/v1/action-plans/{planId}/files", form, Cancel);

        var body = await Expect.StatusAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Filen är för stor. En fil får vara högst 20 MB.", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }
}
