namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Evidence/Indicators/Imports: the upload form, and the report page it leads to.</summary>
public sealed class IndicatorImportPage(IPage page)
{
    public ILocator Problems => page.Locator("main table tbody tr");

    public ILocator Status => page.Locator("main [role=status], main [role=alert]").First;

    public async Task OpenFromIndicatorsAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Indikatorer" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Läs in resultat" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Läs in indikatorresultat", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Uploads the file and waits until its report says it is done (the page refreshes itself while it runs).</summary>
    public async Task UploadAsync(string fileName, string content)
    {
        await page.GetByLabel("Fil").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(content) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Läs in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Inläsning av {fileName}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main dl.facts dt:text-is(\"Status\") + dd")).Not.ToHaveTextAsync("Pågår", new() { Timeout = 30_000 });
    }
}
