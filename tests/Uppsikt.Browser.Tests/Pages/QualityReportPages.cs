using System.Text.RegularExpressions;

namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/QualityReports/Reports/Mine, /QualityReports/Reports/Fill/{id} and /QualityReports/Reports/Details/{id}: a report filled in, submitted and reviewed.</summary>
public sealed class QualityReportPages(IPage page)
{
    public ILocator Notice => page.Locator("main .notice[role=status]");

    /// <summary>The value beside a term in the report's facts, such as "Läge".</summary>
    public ILocator Fact(string term) => page.Locator("dl.facts").Locator($"dt:text-is(\"{term}\") + dd");

    public async Task OpenMineFromMenuAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Våra kvalitetsrapporter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Våra kvalitetsrapporter", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task OpenFillAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Fyll i") }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/QualityReports/Reports/Fill/"));
    }

    public async Task StartFromLastYearAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hämta svar från förra årets rapport" }).ClickAsync();
        await Expect(Notice).ToContainTextAsync("kopierades");
    }

    public Task AnswerAsync(string label, string value) => page.GetByLabel(label, new() { Exact = false }).First.FillAsync(value);

    /// <summary>The question's text box, by the start of its label (such as "2.2 Beskriv").</summary>
    public ILocator TextQuestion(string label) => page.GetByLabel(label, new() { Exact = false }).First;

    /// <summary>Picks an answer of a yes/no or choice question, by the question's legend and the answer's label.</summary>
    public Task ChooseAsync(string legend, string answer) =>
        page.GetByRole(AriaRole.Group, new() { Name = legend })
            .GetByLabel(answer, new() { Exact = true }).CheckAsync();

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Skicka in rapporten" }).ClickAsync();

    public async Task OpenListAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Kvalitetsrapporter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kvalitetsrapporter", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task OpenReportOfAsync(string provider)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = provider, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/QualityReports/Reports/Details/"));
    }

    public async Task RequestCompletionAsync(string code, string comment)
    {
        await page.GetByLabel($"Begär komplettering av fråga {code}").CheckAsync();
        await page.GetByLabel($"Vad ska kompletteras i fråga {code}?").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Begär komplettering av markerade frågor" }).ClickAsync();
    }
}
