using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>Next year's home-care template is a draft in the demo: the quality developer adds a question to it in the browser.</summary>
public sealed class QualityTemplateJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_quality_developer_adds_a_question_to_a_draft_template_and_moves_it_up()
    {
        var developer = await SignedInAsync("kvalitet@uppsikt.example");
        var templates = new QualityTemplatePages(developer);
        await templates.OpenTemplatesAsync();
        await AssertAccessibleAsync(developer);
        await templates.OpenTemplateAsync($"Kvalitetsrapport hemtjänst {DateTime.Now.Year + 1}");
        await AssertAccessibleAsync(developer);

        await templates.StartNewQuestionAsync();
        await AssertAccessibleAsync(developer);
        await templates.SaveQuestionAsync();
        await Expect(templates.ErrorSummary).ToBeVisibleAsync();
        await Expect(templates.ErrorSummary).ToContainTextAsync("Ange en kod");
        await AssertAccessibleAsync(developer);

        await templates.FillQuestionAsync("Volym", "1.3", "Hur snabbt kan ni ta emot en ny brukare?", "Ett val", "Samma dag\nInom en vecka\nSenare");
        await templates.SaveQuestionAsync();
        await Expect(templates.Notice).ToContainTextAsync("Fråga 1.3 är sparad.");
        await Expect(templates.Row("1.3")).ToContainTextAsync("Hur snabbt kan ni ta emot en ny brukare?");
        await AssertAccessibleAsync(developer);

        await templates.MoveUpAsync("1.3");
        await Expect(templates.Notice).ToContainTextAsync("Frågan är flyttad.");
        await Expect(developer.Locator("tbody").First.Locator("tr").Nth(1)).ToContainTextAsync("1.3");
        await AssertAccessibleAsync(developer);

        // Activating asks first: the confirmation names the deadline and can be cancelled; the demo's draft stays a draft.
        await developer.GetByRole(AriaRole.Button, new() { Name = "Aktivera: skicka till anordnarna" }).ClickAsync();
        var confirmation = developer.GetByRole(AriaRole.Region, new() { Name = "Bekräfta aktivering" });
        await Expect(confirmation).ToContainTextAsync("Det går inte att ångra");
        await AssertAccessibleAsync(developer);
        await confirmation.GetByRole(AriaRole.Link, new() { Name = "Avbryt" }).ClickAsync();
        await Expect(developer.GetByRole(AriaRole.Button, new() { Name = "Aktivera: skicka till anordnarna" })).ToBeVisibleAsync();
    }
}
