using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Kommunstyrelsens samlade uppföljning over HTTP: the page, the decision memo and the API, on the demo's plans.</summary>
public sealed class CouncilReviewTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int ThisYear => DateTime.UtcNow.Year;

    private static readonly string[] Committees =
        ["Kulturnämnden", "Nämnden för arbete och försörjning", "Socialnämnden", "Utbildningsnämnden", "Äldrenämnden"];

    [Fact]
    public async Task ThePageListsTheFiveCommitteesAndACommitteeWithoutAnAdoptedPlanStandsOut()
    {
        using var client = await app.CreateClientAs(Demo.CouncilReviewer);
        using var response = await client.GetAsync($"/Plans/CouncilReview?Year={ThisYear}", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(response));

        foreach (var committee in Committees)
        {
            Assert.Contains($">{committee}", html, StringComparison.Ordinal);
        }
        var standingOut = html[html.IndexOf("Saknar antagen uppföljningsplan", StringComparison.Ordinal)..html.IndexOf("id=\"memo\"", StringComparison.Ordinal)];
        Assert.Contains("Kulturnämnden", standingOut, StringComparison.Ordinal);
        Assert.Contains(Demo.CultureSchool, standingOut, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.NursingHome, standingOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiSaysWhichCommitteesStandOutAndWhy()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        using var response = await client.GetAsync($"/api/v1/council-review/{ThisYear}", Cancel);
        var review = JsonDocument.Parse(await Expect.OkAsync(response)).RootElement;

        var committees = review.GetProperty("committees").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(Committees, committees.Keys.Order(StringComparer.Ordinal));
        Assert.True(committees["Kulturnämnden"].GetProperty("standsOut").GetBoolean());
        var culture = committees["Kulturnämnden"].GetProperty("choiceSystems").EnumerateArray().Single(c => c.GetProperty("name").GetString() == Demo.CultureSchool);
        var predictable = culture.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("requirement").GetString() == "PredictableFollowUp");
        Assert.NotEqual("Met", predictable.GetProperty("verdict").GetString());
        Assert.Contains(predictable.GetProperty("gaps").EnumerateArray(), g => g.GetString()!.Contains("inte antagen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheReviewJudgesByThePlansOwnCompletenessRuleAndEachServicesQualityFramework()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        using var response = await client.GetAsync($"/api/v1/council-review/{ThisYear}", Cancel);
        var review = JsonDocument.Parse(await Expect.OkAsync(response)).RootElement;
        var choiceSystems = review.GetProperty("committees").EnumerateArray()
            .SelectMany(c => c.GetProperty("choiceSystems").EnumerateArray().Select(s => (Committee: c.GetProperty("name").GetString()!, System: s)))
            .ToList();
        string[] Gaps(JsonElement system, string requirement) =>
            [.. system.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("requirement").GetString() == requirement)
                .GetProperty("gaps").EnumerateArray().Select(g => g.GetString()!)];

        // The adopted plans' activities are complete by the plan's own rule (continuous and monthly ones need no tertial), so the
        // review finds none of them lacking and, for some, predictability met.
        Assert.All(choiceSystems.Where(c => c.System.GetProperty("hasAdoptedPlan").GetBoolean()), c => Assert.DoesNotContain(Gaps(c.System, "PredictableFollowUp"), g => g.Contains("saknar vad", StringComparison.Ordinal)));
        Assert.Contains(choiceSystems, c => Gaps(c.System, "PredictableFollowUp").Length == 0);
        // Services outside social services, LSS and health care are not judged on Socialstyrelsen's quality areas.
        foreach (var (committee, system) in choiceSystems.Where(c => c.Committee is "Kulturnämnden" or "Utbildningsnämnden" or "Nämnden för arbete och försörjning"))
        {
            Assert.DoesNotContain(Gaps(system, "GoodQuality"), g => g.Contains("kvalitetsområde", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheMemoIsAWordDocumentWithTheSectionsOfADecisionMemoAndTheCaseNumber()
    {
        using var client = await app.CreateClientAs(Demo.CouncilReviewer);
        using var response = await client.GetAsync($"/Plans/CouncilReview?handler=Docx&Year={ThisYear}&CaseNumber=kfks-{ThisYear}-00012", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"KFKS-{ThisYear}-00012", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);

        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading2")
            .Select(p => p.InnerText).ToList();
        Assert.Equal(
            ["Förslag till beslut", "Sammanfattning av ärendet", "Ärendet", "Nämndernas uppföljningsplaner", "Samlad bedömning",
             "Ekonomiska konsekvenser", "Konsekvenser för barn", "Handlingar i ärendet"],
            headings);
        var committeeHeadings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading3").Select(p => p.InnerText).ToList();
        Assert.All(Committees, c => Assert.Contains(c, committeeHeadings));
        Assert.Contains($"KFKS-{ThisYear}-00012", body.InnerText, StringComparison.Ordinal);
        var secondProposal = body.Elements<Paragraph>().Select(p => p.InnerText).First(t => t.StartsWith("2. ", StringComparison.Ordinal));
        Assert.Contains("Kulturnämnden", secondProposal, StringComparison.Ordinal);
        Assert.Contains("uppmanas att anta", secondProposal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemoWithoutAValidCaseNumberIsRefusedWithAMessage()
    {
        using var client = await app.CreateClientAs(Demo.CouncilReviewer);
        using var response = await client.GetAsync($"/Plans/CouncilReview?handler=Docx&Year={ThisYear}&CaseNumber=12345", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.StatusAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains("är inte ett diarienummer", html, StringComparison.Ordinal);

        using var api = await app.ApiClientAs(Demo.CouncilReviewer);
        using var refused = await api.GetAsync($"/api/v1/council-review/{ThisYear}/memo", Cancel);
        await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AProviderUserCannotReadTheReview()
    {
        using var client = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var page = await client.GetAsync($"/Plans/CouncilReview?Year={ThisYear}", Cancel);
        await Expect.DeniedAsync(page);

        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var json = await api.GetAsync($"/api/v1/council-review/{ThisYear}", Cancel);
        await Expect.DeniedAsync(json);
    }
}
