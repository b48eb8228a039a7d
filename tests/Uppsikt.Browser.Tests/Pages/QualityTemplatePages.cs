using System.Text.RegularExpressions;

namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/QualityReports/Templates, a template's details and its question form: a draft template's questions edited in the browser.</summary>
public sealed class QualityTemplatePages(IPage page)
{
    public ILocator Notice => page.Locator("main .notice[role=status]");

    public ILocator ErrorSummary => page.Locator("#error-summary");

    /// <summary>The row of a question in the template's tables, by its code.</summary>
    public ILocator Row(string code) => page.Locator("tbody tr").Filter(new() { Has = page.Locator($"td:first-child:text-is(\"{code}\")") });

    public async Task OpenTemplatesAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Kvalitetsrapporter", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mallar", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mallar för kvalitetsrapporter", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task OpenTemplateAsync(string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/QualityReports/Templates/Details/"));
    }

    public async Task StartNewQuestionAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Lägg till fråga", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny fråga", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task FillQuestionAsync(string section, string code, string text, string kind, string choices)
    {
        await page.GetByLabel("Avsnitt").FillAsync(section);
        await page.GetByLabel("Kod", new() { Exact = false }).First.FillAsync(code);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Fråga (obligatorisk)", Exact = true }).FillAsync(text);
        await page.GetByLabel("Frågetyp").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("Alternativ (för Ett val och Flera val)").FillAsync(choices);
    }

    public Task SaveQuestionAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Spara frågan" }).ClickAsync();

    public Task MoveUpAsync(string code) => page.GetByRole(AriaRole.Button, new() { Name = $"Flytta upp fråga {code}" }).ClickAsync();
}
