using System.Text.RegularExpressions;

namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Register/Units: the searchable, sortable list of units, reached from the main menu.</summary>
public sealed class UnitListPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Enheter", Level = 1 });

    public ILocator Rows => page.Locator("table tbody tr");

    public async Task OpenFromMenuAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Enheter", Exact = true }).ClickAsync();
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task SearchAsync(string term)
    {
        var search = page.GetByRole(AriaRole.Search);
        await search.GetByRole(AriaRole.Searchbox, new() { Name = "Sök" }).FillAsync(term);
        await search.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("Search=" + Regex.Escape(Uri.EscapeDataString(term))));
    }

    public async Task OpenUnitAsync(string name)
    {
        await Rows.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }
}
