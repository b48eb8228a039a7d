using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>A review's report and meeting notes as Word documents: what they say, who gets them, and that no stored text breaks them.</summary>
public sealed class ReviewDocumentTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string CaseNumber = "SOC-2026-00012";

    /// <summary>An opened DOCX answer: its text a line per paragraph, its header, and its headings by level.</summary>
    private sealed record Docx(string Text, string Header, IReadOnlyList<string> Heading2, IReadOnlyList<string> Heading3, IReadOnlyList<string> Errors, string? FileName);

    private static async Task<Docx> OpenAsync(HttpResponseMessage response)
    {
        await Expect.OkAsync(response);
        Assert.Equal(Expect.WordMediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document, Cancel).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;
        List<string> Headings(string style) =>
            [.. body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText)];
        var disposition = response.Content.Headers.ContentDisposition;
        return new Docx(
            string.Join('\n', body.Descendants<Paragraph>().Select(p => p.InnerText)),
            string.Join('\n', main.HeaderParts.Select(h => h.Header!.InnerText)),
            Headings("Heading2"), Headings("Heading3"), errors, disposition?.FileNameStar ?? disposition?.FileName);
    }

    private Task<List<string>> AreasOfAsync(Guid reviewId) =>
        app.WithDbAsync(db => db.ReviewFindings.Where(f => f.ReviewId == reviewId).Select(f => f.Area).Distinct().ToListAsync());

    [Fact]
    public async Task TheFinalReportHasTheCaseNumberTheSectionsEveryAreaTheResponseAndTheIndependentReviewersConclusion()
    {
        var seed = new ReviewSpec(Demo.Omsorgshuset, ReviewState.Final, "(slutlig testdata)") { Answered = true, Disputed = true };
        var id = await TestReviews.SeedAsync(app, seed);
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);

        var report = await OpenAsync(await client.GetAsync($"/Reviews/Documents/Report?id={id}", Cancel));

        Assert.True(report.Errors.Count == 0, string.Join('\n', report.Errors));
        Assert.Equal($"Granskningsrapport {CaseNumber} {Demo.OmsorgshusetSickla}.docx", report.FileName);
        Assert.Contains(CaseNumber, report.Header, StringComparison.Ordinal);
        Assert.DoesNotContain("UTKAST", report.Header, StringComparison.Ordinal);
        var firstPage = report.Text[..report.Text.IndexOf("Deltagare", StringComparison.Ordinal)];
        Assert.Contains("Granskningsrapport", firstPage, StringComparison.Ordinal);
        Assert.Contains($"Diarienummer: {CaseNumber}", firstPage, StringComparison.Ordinal);
        Assert.Contains("Slutlig rapport", firstPage, StringComparison.Ordinal);
        Assert.Contains($"Fastställd: {SwedishText.Date(TimeProvider.System.SwedishToday())}", firstPage, StringComparison.Ordinal);
        Assert.Contains(Demo.OmsorgshusetSickla, firstPage, StringComparison.Ordinal);
        Assert.Contains(Demo.Omsorgshuset, firstPage, StringComparison.Ordinal);
        Assert.Contains("Typ av granskning: Kvalitetsgranskning", firstPage, StringComparison.Ordinal);
        Assert.Contains("Besök: Besök på plats", firstPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Utkast", report.Text, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(
            ["Deltagare", "Metod", "Sammanfattning", "Samlad bedömning", "Iakttagelser och bedömningar per område", "Anordnarens svar", "Oberoende granskning", "Fastställande"],
            report.Heading2);
        var areas = await AreasOfAsync(id);
        Assert.True(areas.Count > 1);
        Assert.All(areas, area => Assert.Contains(area, report.Heading3));
        Assert.Contains("Från kommunen", report.Heading3);
        Assert.Contains("Vera Verksamhetschef (fiktiv), verksamhetschef", report.Text, StringComparison.Ordinal);
        Assert.Contains(seed.Method, report.Text, StringComparison.Ordinal);
        Assert.Contains(seed.Summary, report.Text, StringComparison.Ordinal);
        Assert.Contains("Resultat: Allvarlig brist", report.Text, StringComparison.Ordinal);
        Assert.Contains(OverallResult.Describe(Assessment.SeriousDeficiency), report.Text, StringComparison.Ordinal);
        Assert.Contains("1.1 Finns ett ledningssystem för systematiskt kvalitetsarbete som är känt av personalen?", report.Text, StringComparison.Ordinal);
        Assert.Contains($"Iakttagelse: {seed.Observation}", report.Text, StringComparison.Ordinal);
        Assert.Contains("Bedömning: Tillfredsställande men kan utvecklas", report.Text, StringComparison.Ordinal);
        var condition = await FirstConditionAsync(id);
        Assert.Contains($"{condition.Code} {condition.Title}", report.Text, StringComparison.Ordinal);
        Assert.Contains(seed.Correction, report.Text, StringComparison.Ordinal);
        Assert.Contains(seed.Comment, report.Text, StringComparison.Ordinal);
        Assert.Contains("Faktarättelser", report.Heading3);
        Assert.Contains(seed.DisputeReason, report.Text, StringComparison.Ordinal);
        Assert.Contains(seed.Conclusion, report.Text, StringComparison.Ordinal);
        Assert.Contains("Oberoende granskare: Alva Admin (fiktiv)", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Note, report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(seed.MeetingNotes, report.Text, StringComparison.Ordinal);
    }

    private Task<ConditionVersionRef> FirstConditionAsync(Guid reviewId) => app.WithDbAsync(async db =>
    {
        var versionId = (await db.ReviewFindings.Where(f => f.ReviewId == reviewId).Select(f => f.ConditionVersionIds).ToListAsync()).SelectMany(v => v).First();
        return await db.ConditionVersions.Where(v => v.Id == versionId)
            .Join(db.Conditions, v => v.ConditionId, c => c.Id, (v, c) => new ConditionVersionRef(v.Id, c.Id, c.ChoiceSystemId, c.Code, v.Number, v.Title, v.Text, v.ValidFrom)).SingleAsync();
    });

    [Theory]
    [InlineData(ReviewState.DraftReport)]
    [InlineData(ReviewState.Communicated)]
    public async Task ADraftIsMarkedUtkastOnEveryPageAndInItsName(ReviewState state)
    {
        var id = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, state, $"(utkast {state})") { Answered = true });
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);

        var report = await OpenAsync(await client.GetAsync($"/Reviews/Documents/Report?id={id}", Cancel));

        Assert.True(report.Errors.Count == 0, string.Join('\n', report.Errors));
        Assert.Contains("UTKAST", report.Header, StringComparison.Ordinal);
        Assert.Contains(CaseNumber, report.Header, StringComparison.Ordinal);
        Assert.Contains("UTKAST – rapporten är inte fastställd", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Slutlig rapport", report.Text, StringComparison.Ordinal);
        Assert.StartsWith("Granskningsrapport utkast SOC-2026-00012", report.FileName, StringComparison.Ordinal);
        Assert.Equal(state == ReviewState.Communicated, report.Heading2.Contains("Anordnarens svar"));
    }

    [Fact]
    public async Task AProviderGetsNoDraftAndNoOtherProvidersReport()
    {
        var draft = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.DraftReport, "(dolt utkast)"));
        var communicated = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Communicated, "(annans rapport)") { Answered = true });
        using var own = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var other = await app.CreateClientAs(Demo.TryggaHanderUser);
        using var otherApi = await app.ApiClientAs(Demo.TryggaHanderUser);
        using var ownApi = await app.ApiClientAs(Demo.OmsorgshusetUser);

        foreach (var (client, address) in new[]
        {
            (own, $"/Reviews/Documents/Report?id={draft}"), (ownApi, $"/api/v1/reviews/{draft}/report.docx"),
            (other, $"/Reviews/Documents/Report?id={communicated}"), (otherApi, $"/api/v1/reviews/{communicated}/report.docx"),
            (own, $"/Reviews/Documents/Report?id={Guid.CreateVersion7()}"), (own, "/Reviews/Documents/Report?id=inte-ett-id"), (own, "/Reviews/Documents/Report"),
        })
        {
            using var response = await client.GetAsync(address, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{address}: {(int)response.StatusCode}");
            Assert.DoesNotContain("dolt utkast", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AProviderReadsItsOwnCommunicatedReportWithoutInterviewNotesAndNeverTheMeetingNotes()
    {
        var seed = new ReviewSpec(Demo.Omsorgshuset, ReviewState.Communicated, "(anordnarens rapport)") { Answered = true };
        var id = await TestReviews.SeedAsync(app, seed);
        using var client = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);

        foreach (var response in new[] { await client.GetAsync($"/Reviews/Documents/Report?id={id}", Cancel), await api.GetAsync($"/api/v1/reviews/{id}/report.docx", Cancel) })
        {
            using (response)
            {
                var report = await OpenAsync(response);
                Assert.Contains(CaseNumber, report.Header, StringComparison.Ordinal);
                Assert.Contains(seed.Correction, report.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(seed.Note, report.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(seed.StaffNote, report.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("Intervjuanteckningar", report.Text, StringComparison.Ordinal);
            }
        }
        using (var meetingNotes = await client.GetAsync($"/Reviews/Documents/MeetingNotes?id={id}", Cancel))
        {
            Assert.DoesNotContain(seed.Note, await Expect.DeniedAsync(meetingNotes), StringComparison.Ordinal);
        }
        using (var meetingNotes = await api.GetAsync($"/api/v1/reviews/{id}/meeting-notes.docx", Cancel))
        {
            Assert.Equal(HttpStatusCode.Forbidden, meetingNotes.StatusCode);
        }
    }

    [Fact]
    public async Task TheMeetingNotesHaveTheInterviewNotesByGroupOnlyInTheMunicipalitysCopy()
    {
        var seed = new ReviewSpec(Demo.Omsorgshuset, ReviewState.VisitDone, "(minnesanteckningar)");
        var id = await TestReviews.SeedAsync(app, seed);
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        var own = await OpenAsync(await client.GetAsync($"/Reviews/Documents/MeetingNotes?id={id}", Cancel));

        Assert.True(own.Errors.Count == 0, string.Join('\n', own.Errors));
        Assert.Contains(CaseNumber, own.Header, StringComparison.Ordinal);
        Assert.Contains("Minnesanteckningar", own.Text, StringComparison.Ordinal);
        Assert.Contains($"Diarienummer: {CaseNumber}", own.Text, StringComparison.Ordinal);
        Assert.Contains($"Datum: {SwedishText.Date(TimeProvider.System.SwedishToday().AddDays(-5))}", own.Text, StringComparison.Ordinal); // the seed visits five days before communication
        Assert.Contains("Plats: Exempelvägen 1, Sickla", own.Text, StringComparison.Ordinal);
        Assert.Contains(seed.Method, own.Text, StringComparison.Ordinal);
        Assert.Contains(seed.MeetingNotes, own.Text, StringComparison.Ordinal);
        Assert.Contains("Från anordnaren (Omsorgshuset Exempel AB (fiktiv))", own.Heading3);
        Assert.Equal(["Deltagare", "Metod", "Anteckningar", "Intervjuanteckningar"], own.Heading2);
        Assert.Contains("Brukare", own.Heading3);
        Assert.Contains("Personal", own.Heading3);
        Assert.True(own.Text.IndexOf(seed.Note, StringComparison.Ordinal) is var note and > 0
            && note > own.Text.IndexOf("Brukare", StringComparison.Ordinal) && note < own.Text.IndexOf(seed.StaffNote, StringComparison.Ordinal));

        foreach (var address in new[] { $"/Reviews/Documents/MeetingNotes?id={id}&forProvider=true", $"/api/v1/reviews/{id}/meeting-notes.docx?forProvider=true" })
        {
            var copy = await OpenAsync(await (address.StartsWith("/api", StringComparison.Ordinal) ? api : client).GetAsync(address, Cancel));
            Assert.Contains(seed.MeetingNotes, copy.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(seed.Note, copy.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(seed.StaffNote, copy.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Intervjuanteckningar", copy.Heading2);
        }
    }

    [Fact]
    public async Task TheFinalReportIsStoredWithTheReviewOnceAndServedAsItWasKept()
    {
        var seed = new ReviewSpec(Demo.Omsorgshuset, ReviewState.Final, "(sparad slutlig)") { Answered = true };
        var id = await TestReviews.SeedAsync(app, seed);
        var draft = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Communicated, "(inte slutlig)") { Answered = true });

        SaveResult first = null!, again = null!, refused = null!, missing = null!;
        await app.WithServicesAsync(async services =>
        {
            var documents = services.GetRequiredService<ReviewDocuments>();
            first = await documents.StoreFinalAsync(id, Cancel);
            again = await documents.StoreFinalAsync(id, Cancel);
            refused = await documents.StoreFinalAsync(draft, Cancel);
            missing = await documents.StoreFinalAsync(Guid.CreateVersion7(), Cancel);
        });

        Assert.True(first.Succeeded);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(SaveOutcome.WrongState, refused.Outcome);
        Assert.True(missing.NotFound);
        var stored = await app.WithDbAsync(db => db.StoredFiles.AsNoTracking().Where(f => f.OwnerId == id || f.OwnerId == draft).ToListAsync());
        var file = Assert.Single(stored);
        Assert.Equal(FinalReportFiles.OwnerType, file.OwnerType);
        Assert.Equal(await app.GetProviderIdAsync(Demo.Omsorgshuset), file.ProviderId);
        Assert.Equal($"Granskningsrapport {CaseNumber} {Demo.OmsorgshusetSickla}.docx", file.FileName);

        // Whatever happens to the stored text afterwards, the kept report is what is served, to both sides.
        await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Summary, "Ändrad i efterhand"), Cancel));
        using var municipal = await app.CreateClientAs(Demo.QualityDeveloper);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        foreach (var (client, address) in new[] { (municipal, $"/Reviews/Documents/Report?id={id}"), (provider, $"/Reviews/Documents/Report?id={id}"), (provider, $"/files/{file.Id}") })
        {
            var report = await OpenAsync(await client.GetAsync(address, Cancel));
            Assert.Contains(seed.Summary, report.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ändrad i efterhand", report.Text, StringComparison.Ordinal);
        }
        using var other = await app.CreateClientAs(Demo.TryggaHanderUser);
        using var hidden = await other.GetAsync($"/files/{file.Id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task ControlAndBidiCharactersInStoredTextDoNotBreakTheDocuments()
    {
        // PostgreSQL stores no NUL in text, so NUL goes through the writer directly (below); every other control goes through the database.
        const string Hostile = "\u0001\u0008\u000B\u001B[31m\u007F\u0085\u009B\u202Egnidaer\u202C\u2066isolerad\u2069\uFFFF slut";
        var seed = new ReviewSpec(Demo.Omsorgshuset, ReviewState.Final, "(styrtecken)") { Answered = true, Disputed = true, Extra = Hostile };
        var id = await TestReviews.SeedAsync(app, seed);
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);

        foreach (var address in new[] { $"/Reviews/Documents/Report?id={id}", $"/Reviews/Documents/MeetingNotes?id={id}" })
        {
            var document = await OpenAsync(await client.GetAsync(address, Cancel));
            Assert.True(document.Errors.Count == 0, string.Join('\n', document.Errors));
            Assert.Contains("[31m", document.Text, StringComparison.Ordinal);
            Assert.Contains("gnidaerisolerad slut", document.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(document.Text, c => c is '\u202E' or '\u2066' or '\u001B' or '\u0001' or '\uFFFF' or '\u009B');
            Assert.Contains(CaseNumber, document.Header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NulAndUnpairedSurrogatesInAReviewDoNotBreakTheReportOrItsName()
    {
        var choiceSystem = new ChoiceSystem { Name = "Hemtjänst", CommitteeId = Guid.CreateVersion7() };
        var provider = new Provider { Name = "Nollställda AB\0 (fiktiv)", OrganisationNumber = "556000-0000" };
        var unit = new Unit { Name = "Enhet\0 Syd/Nord \u202E(fiktiv)", ProviderId = provider.Id, Provider = provider };
        unit.ChoiceSystems.Add(choiceSystem);
        var lead = new WorkflowActor("u-1", "Klara Kvalitet (fiktiv)", [Roles.QualityDeveloper]);
        var checklistId = Guid.CreateVersion7();
        var question = new TemplateQuestion { TemplateId = checklistId, Position = 1, Section = "Dokumentation\0", Code = "2.1", Text = "Finns\uD800 planer?" };
        var now = DateTimeOffset.UtcNow;
        var (review, refusal) = Review.Plan(
            new Review.PlanInput(ReviewType.QualityReview, "Granskning\0 med NUL", choiceSystem.Id, [unit], DateOnly.FromDateTime(now.UtcDateTime), null,
                "KFKS 2020/864", checklistId, null, VisitMode.Digital),
            lead, now, DateOnly.FromDateTime(now.UtcDateTime));
        Assert.Null(refusal);
        review!.Provider = provider;
        review.ChoiceSystem = choiceSystem;
        review.Units[0].Unit = unit;
        Assert.Null(review.WriteMeetingNotes(lead, "Metod\0 med NUL\uDC00", "Anteckningar\0"));
        Assert.Null(review.RecordFinding(lead, unit.Id, new FindingQuestion(question.Id, checklistId, "2.1", question.Section), null, "Iakttagelse\0 med NUL", Assessment.MinorDeficiency, [], now).Refusal);
        var source = new ReviewDocumentSource(review, "Exempelkommunen\0 (fiktiv)", new Dictionary<Guid, TemplateQuestion> { [question.Id] = question },
            new Dictionary<Guid, ConditionVersionRef>());

        foreach (var bytes in new[] { ReviewReport.Write(source), ReviewMeetingNotes.Write(source, withInterviewNotes: true) })
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
            Assert.Empty(new OpenXmlValidator().Validate(document, Cancel));
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Metod med NUL", text, StringComparison.Ordinal);
            Assert.DoesNotContain(text, c => c == '\0' || char.IsSurrogate(c));
        }
        Assert.Contains("Iakttagelse med NUL", Expect.WordText(ReviewReport.Write(source)), StringComparison.Ordinal);
        Assert.Contains("2.1 Finns planer?", Expect.WordText(ReviewReport.Write(source)), StringComparison.Ordinal);
        Assert.Equal("Granskningsrapport utkast KFKS 2020-864 Enhet Syd-Nord (fiktiv).docx", ReviewReport.FileName(source));
    }

    [Fact]
    public async Task TheApiGivesTheMunicipalityBothDocuments()
    {
        var id = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Communicated, "(api)") { Answered = true });
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        var report = await OpenAsync(await api.GetAsync($"/api/v1/reviews/{id}/report.docx", Cancel));
        var meetingNotes = await OpenAsync(await api.GetAsync($"/api/v1/reviews/{id}/meeting-notes.docx", Cancel));

        Assert.Contains("Granskningsrapport", report.Text, StringComparison.Ordinal);
        Assert.StartsWith("Minnesanteckningar kommunens exemplar SOC-2026-00012", meetingNotes.FileName, StringComparison.Ordinal);
        using var missing = await api.GetAsync($"/api/v1/reviews/{Guid.CreateVersion7()}/report.docx", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
