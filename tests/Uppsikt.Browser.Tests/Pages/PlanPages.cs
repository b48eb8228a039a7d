using System.Globalization;
using System.Text.RegularExpressions;

namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Plans, /Plans/New, /Plans/Details/{id} and /Plans/Adopt/{id}: a follow-up plan from draft to adoption.</summary>
public sealed class PlanPages(IPage page)
{
    public ILocator Notice => page.Locator("main .notice[role=status]");

    /// <summary>The value beside a term in the plan's facts, such as "Läge".</summary>
    public ILocator Fact(string term) => page.Locator("dl.facts").Locator($"dt:text-is(\"{term}\") + dd");

    public async Task OpenListFromMenuAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Uppföljningsplaner", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uppföljningsplaner", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task OpenNewPlanAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny uppföljningsplan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny uppföljningsplan", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Starts this year's plan for the choice system from last year's; returns the new plan's address.</summary>
    public async Task<string> StartFromLastYearAsync(string choiceSystem)
    {
        await page.GetByLabel("Kundval").SelectOptionAsync(new SelectOptionValue { Label = choiceSystem });
        await page.GetByRole(AriaRole.Button, new() { Name = "Starta från fjolårets plan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Plans/Details/"));
        return new Uri(page.Url).AbsolutePath;
    }

    public async Task OpenAsync(string path, string choiceSystem)
    {
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(choiceSystem);
    }

    public async Task ApproveAsync(string comment)
    {
        await page.GetByLabel("Kommentar (valfri)").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkänn planen" }).ClickAsync();
        await Expect(Notice).ToContainTextAsync("Planen är godkänd");
    }

    public async Task OpenAdoptionAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera nämndens beslut" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrera nämndens beslut", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task AdoptAsync(DateOnly decidedOn, string paragraph, string caseNumber)
    {
        await page.GetByLabel("Beslutsdatum").FillAsync(decidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Paragraf i protokollet").FillAsync(paragraph);
        await page.GetByLabel("Diarienummer").FillAsync(caseNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera beslutet" }).ClickAsync();
        await Expect(Notice).ToContainTextAsync("Nämndens beslut är registrerat");
    }
}
