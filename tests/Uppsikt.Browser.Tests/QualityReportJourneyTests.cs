using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>
/// This year's home-care quality report: the provider fills in its draft from last year's answers (a question that depends on
/// an earlier answer shows only when it applies) and submits it, and the quality developer asks another provider to complete a
/// submitted report.
/// </summary>
public sealed class QualityReportJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_provider_user_starts_from_last_years_answers_and_submits_its_report()
    {
        var provider = await SignedInAsync("anordnare.omsorgshuset@uppsikt.example");
        var reports = new QualityReportPages(provider);
        await reports.OpenMineFromMenuAsync();
        await AssertAccessibleAsync(provider);
        await reports.OpenFillAsync();
        await AssertAccessibleAsync(provider);

        await reports.SubmitAsync();
        await Expect(provider.Locator("#error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(provider);

        await reports.StartFromLastYearAsync();
        // 2.2 is answered only when 2.1 is "Nej": the page shows it only then.
        await reports.ChooseAsync("2.1 Har varje brukare", "Ja");
        await Expect(reports.TextQuestion("2.2 Beskriv")).ToBeHiddenAsync();
        await reports.ChooseAsync("2.1 Har varje brukare", "Nej");
        await Expect(reports.TextQuestion("2.2 Beskriv")).ToBeVisibleAsync();
        await reports.TextQuestion("2.2 Beskriv").FillAsync("Två brukare saknar plan; de upprättas i januari (fiktiv).");
        await reports.AnswerAsync("1.1 Hur många brukare", "72");
        await reports.SubmitAsync();
        await Expect(reports.Notice).ToContainTextAsync("Rapporten är inskickad");
        await Expect(reports.Fact("Läge")).ToContainTextAsync("Inskickad");
        await AssertAccessibleAsync(provider);
    }

    [Fact]
    public async Task A_quality_developer_requests_completion_of_a_submitted_report()
    {
        var developer = await SignedInAsync("kvalitet@uppsikt.example");
        var reports = new QualityReportPages(developer);
        await reports.OpenListAsync();
        await AssertAccessibleAsync(developer);
        await reports.OpenReportOfAsync("Trygga Händer Exempel AB (fiktiv)");
        await AssertAccessibleAsync(developer);

        await reports.RequestCompletionAsync("4.3", "Beskriv vad ni lärde er av klagomålen (fiktiv).");
        await Expect(reports.Notice).ToContainTextAsync("Kompletteringen är begärd");
        await Expect(reports.Fact("Läge")).ToContainTextAsync("Komplettering begärd");
        await AssertAccessibleAsync(developer);
    }
}
