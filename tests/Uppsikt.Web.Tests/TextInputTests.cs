using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// What people and integrations type may not hold control characters, NUL, direction overrides or zero-width characters
/// (decision 0033), and text stored before that rule still downloads as Word and Excel.
/// </summary>
public sealed class TextInputTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>NUL, a right-to-left override and a zero-width space, each with the word the message gives for it.</summary>
    public static TheoryData<string, string> Forbidden => new()
    {
        { "Nämnd\0 (fiktiv)", "styrtecken" },
        { "Nämnd \u202Eevitkif\u202C", "riktningstecken" },
        { "Nämnd\u200B (fiktiv)", "osynliga tecken" },
    };

    private Task<int> CountCommitteesAsync() => app.WithDbAsync(db => db.Committees.CountAsync(Cancel));

    private static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        var body = await Expect.StatusAsync(response, HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>Posts the committee form as multipart/form-data, which carries every character as typed, NUL too.</summary>
    private static async Task<HttpResponseMessage> PostCommitteeAsync(HttpClient browser, string name, string description)
    {
        using var form = await browser.GetAsync("/Register/Committees/Edit", Cancel);
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(form));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(name), "Input.Name" },
            { new StringContent(description), "Input.Description" },
            { new StringContent("0"), "Input.Version" },
            { new StringContent(token), Forms.AntiforgeryField },
        };
        return await browser.PostAsync("/Register/Committees/Edit", content, Cancel);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task APageFormWithAForbiddenCharacterIsShownAgainWithTheErrorByTheFieldAndSavesNothing(string name, string kind)
    {
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var before = await CountCommitteesAsync();

        using var response = await PostCommitteeAsync(browser, name, "Beskrivning");

        var page = await Expect.OkAsync(response);
        var message = $"Texten i fältet ”namn” innehåller otillåtna tecken ({kind}).";
        Assert.Contains($"<a href=\"#Input_Name\">{message}</a>", page, StringComparison.Ordinal);
        Assert.Contains($"data-valmsg-for=\"Input.Name\" data-valmsg-replace=\"true\">{message}", page, StringComparison.Ordinal);
        // What was typed is shown again, to be corrected rather than written anew.
        Assert.Contains("Beskrivning</textarea>", page, StringComparison.Ordinal);
        Assert.Equal(before, await CountCommitteesAsync());
    }

    [Fact]
    public async Task AUrlEncodedFormWithNulIsABadRequestAndSavesNothing()
    {
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var before = await CountCommitteesAsync();

        using var response = await Forms.SubmitAsync(browser, "/Register/Committees/Edit",
            [new("Input.Name", "Nämnd\0 (fiktiv)"), new("Input.Description", "Beskrivning"), new("Input.Version", "0")]);

        // The form reader refuses NUL in a URL-encoded form before any field is known (a browser sends such a form as multipart).
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountCommitteesAsync());
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task AnApiBodyWithAForbiddenCharacterGets400ByTheFieldAndSavesNothing(string name, string kind)
    {
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await CountCommitteesAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/committees", new { name, description = "Beskrivning" }, Cancel);

        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(["Name"], errors.Keys);
        Assert.Equal([$"Texten i fältet ”Name” innehåller otillåtna tecken ({kind})."], errors["Name"]);
        Assert.Equal(before, await CountCommitteesAsync());
    }

    [Theory]
    [InlineData("%00", "styrtecken")]
    [InlineData("a%E2%80%AEb", "riktningstecken")]
    public async Task AQueryParameterWithAForbiddenCharacterGets400ByTheParameterOnEveryDatabase(string search, string kind)
    {
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);

        using var response = await api.GetAsync($"/api/v1/units?search={search}", Cancel);
        using var page = await browser.GetAsync($"/Register/Units?search={search}", Cancel);

        var errors = await ValidationErrorsAsync(response);
        Assert.Equal([$"Texten i fältet ”search” innehåller otillåtna tecken ({kind})."], errors["search"]);
        Assert.Contains("<h1>Felaktig förfrågan</h1>", await Expect.StatusAsync(page, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForbiddenCharacterInAListInsideTheBodyIsNamedByItsPlace()
    {
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);

        using var response = await api.PostAsJsonAsync("/api/v1/portal/attestations",
            new { roundId = Guid.NewGuid(), choiceSystemId = Guid.NewGuid(), answers = new[] { new { conditionId = Guid.NewGuid(), met = false, explanation = "Förklaring\0" } } },
            Cancel);

        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(["Answers[0].Explanation"], errors.Keys);
    }

    [Fact]
    public async Task AMultiLineFieldKeepsItsLineBreaksAndTabs()
    {
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await api.PostAsJsonAsync("/api/v1/committees",
            new { name = "Flerradsnämnden (fiktiv)", description = "Första raden.\r\nAndra raden.\n\tIndragen rad." }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Första raden.\r\nAndra raden.\n\tIndragen rad.",
            await app.WithDbAsync(db => db.Committees.Where(c => c.Name == "Flerradsnämnden (fiktiv)").Select(c => c.Description).SingleAsync(Cancel)));
    }

    [Theory]
    [InlineData("Två\nrader (fiktiv)")]
    [InlineData("Med\ttabb (fiktiv)")]
    public async Task ASingleLineFieldRefusesLineBreaksAndTabs(string name)
    {
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await CountCommitteesAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/committees", new { name }, Cancel);

        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(["Texten i fältet ”Name” innehåller otillåtna tecken (radbrytning eller tabb)."], errors["Name"]);
        Assert.Equal(before, await CountCommitteesAsync());
    }

    [Fact]
    public async Task AMultiLineFieldOnAPageKeepsItsLineBreaks()
    {
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);

        using var response = await PostCommitteeAsync(browser, "Radbrytningsnämnden (fiktiv)", "Rad ett.\r\nRad två.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Rad ett.\r\nRad två.",
            await app.WithDbAsync(db => db.Committees.Where(c => c.Name == "Radbrytningsnämnden (fiktiv)").Select(c => c.Description).SingleAsync(Cancel)));
    }

    /// <summary>
    /// A character XML cannot hold, stored as data written before the input rule may hold it: NUL where the database keeps it
    /// (SQLite); PostgreSQL refuses NUL in text, so there the start-of-heading control, which XML cannot hold either.
    /// </summary>
    private char Stored => app.Database.Provider == DatabaseProvider.Sqlite ? '\0' : '\u0001';

    [Fact]
    public async Task TheTemplateSpreadsheetDownloadsWhenAStoredQuestionHoldsAControlCharacter()
    {
        var questionId = await app.WithDbAsync(async db =>
        {
            var question = await db.TemplateQuestions.OrderBy(q => q.Id).FirstAsync(Cancel);
            question.Text = $"Finns{Stored} en plan?\u0001";
            question.HelpText = "Hjälp\uFFFF";
            await db.SaveChangesAsync(Cancel);
            return question.Id;
        });
        var templateId = await app.WithDbAsync(db => db.TemplateQuestions.Where(q => q.Id == questionId).Select(q => q.TemplateId).SingleAsync(Cancel));
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await api.GetAsync($"/api/v1/quality-report-templates/{templateId}/xlsx", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), isEditable: false);
        var text = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet!.InnerText;
        Assert.Contains("Finns en plan?", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Stored, text);
    }

    [Fact]
    public async Task TheCouncilMemoDownloadsWhenAStoredNameHoldsAControlCharacter()
    {
        await app.WithDbAsync(async db =>
        {
            var committee = await db.Committees.OrderBy(c => c.Name).FirstAsync(c => c.ChoiceSystems.Any(), Cancel);
            committee.Name += $"{Stored}\u202E";
            return await db.SaveChangesAsync(Cancel);
        });
        using var browser = await app.CreateClientAs(Demo.CouncilReviewer);

        using var response = await browser.GetAsync($"/Plans/CouncilReview?handler=Docx&Year={DateTime.UtcNow.Year}&CaseNumber=KFKS-{DateTime.UtcNow.Year}-00012", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), isEditable: false);
        Assert.DoesNotContain(Stored, document.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public async Task ASanctionMemoDownloadsWhenTheStoredUnitNameAndMotivationHoldAControlCharacter()
    {
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Final, "(tecken)") { Worst = Assessment.SeriousDeficiency });
        var planId = await app.WithDbAsync(async db =>
        {
            var plan = await db.ActionPlans.SingleAsync(p => p.OriginId == reviewId, Cancel);
            var unit = await db.Units.SingleAsync(u => u.Id == plan.UnitId, Cancel);
            unit.Name += Stored;
            await db.SaveChangesAsync(Cancel);
            return plan.Id;
        });
        var sanctionId = await TestSanctions.SeedAsync(app, planId, SanctionState.Proposed, motivation: $"Motivering{Stored} med NUL\u001B");
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await api.GetAsync($"/api/v1/sanctions/{sanctionId}/memo", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), isEditable: false);
        Assert.Contains("Motivering med NUL", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }
}
