namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Evidence/Complaints: the list, the registration form and a complaint's page with its next step.</summary>
public sealed class ComplaintPages(IPage page)
{
    public ILocator Notice => page.Locator(".notice");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Fact(string term) => page.Locator($"dl.facts dt:text-is(\"{term}\") + dd");

    public async Task OpenFromMenuAsync(string link)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task RegisterAsync(string unit, string summary)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera klagomål" }).ClickAsync();
        await page.GetByLabel("Kanal").SelectOptionAsync(new SelectOptionValue { Label = "E-post" });
        await page.GetByLabel("Enhet").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await page.GetByLabel("Kategori").SelectOptionAsync(new SelectOptionValue { Label = "Bemötande" });
        await page.GetByLabel("Allvarlighetsgrad").SelectOptionAsync(new SelectOptionValue { Label = "Måttlig" });
        await page.GetByLabel("Sammanfattning").FillAsync(summary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
    }

    public async Task ForwardAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Lämna över" }).ClickAsync();

    public async Task AnswerAsync(string response)
    {
        await page.GetByLabel("Svar och vidtagna åtgärder").FillAsync(response);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
    }

    public async Task CloseAsync(string note)
    {
        await page.GetByLabel("Avslutande kommentar").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta" }).ClickAsync();
    }

    /// <summary>Opens the complaint in the list by its received-date link in the row of <paramref name="unit"/>.</summary>
    public async Task OpenAsync(string unit, string status)
    {
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = unit }).Filter(new() { HasText = status }).First;
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Heading).ToContainTextAsync(unit);
    }
}
