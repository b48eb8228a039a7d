namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Register/Units/Details/{id}: one unit's facts, the saved message and the links to edit and history.</summary>
public sealed class UnitDetailsPage(IPage page)
{
    public ILocator Notice => page.Locator("main .notice[role=status]");

    /// <summary>The value beside a term in the facts list, such as "Kapacitet".</summary>
    public ILocator Fact(string term) => page.Locator("dl.facts").Locator($"dt:text-is(\"{term}\") + dd");

    public async Task EditAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra enheten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ändra enhet", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task OpenHistoryAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Visa ändringshistorik" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ändringslogg", Level = 1 })).ToBeVisibleAsync();
    }
}
