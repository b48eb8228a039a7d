namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Portal: the provider's start page with its requests and message threads, a thread, and the attestation form.</summary>
public sealed class PortalPages(IPage page)
{
    public ILocator Notice => page.Locator("main .notice[role=status]");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Requests => page.Locator("section[aria-labelledby=requests-heading] tbody tr");

    /// <summary>The portal's thread list: the general thread first, then the threads per matter.</summary>
    public ILocator Threads => page.Locator("section[aria-labelledby=messages-heading] tbody tr");

    /// <summary>The messages of the open thread, oldest first.</summary>
    public ILocator Messages => page.Locator("section[aria-labelledby=thread-heading] ol.thread li");

    /// <summary>Opens the first attestation the provider still has to give.</summary>
    public async Task OpenFirstAttestationAsync()
    {
        await Requests.Filter(new() { HasText = "Egenintygande att lämna" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Heading).ToContainTextAsync("Egenintygande");
    }

    /// <summary>Answers every condition as met except the first, which is explained, then signs.</summary>
    public async Task AttestAsync(string explanation, string name, string role)
    {
        var conditions = page.Locator("main form fieldset:has(input[type=radio])");
        var count = await conditions.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var condition = conditions.Nth(i);
            if (i == 0)
            {
                await condition.GetByLabel("Inte uppfyllt").CheckAsync();
                await condition.GetByLabel("Förklaring").FillAsync(explanation);
            }
            else
            {
                await condition.GetByLabel("Uppfyllt", new() { Exact = true }).CheckAsync();
            }
        }
        await page.GetByLabel("Namn").FillAsync(name);
        await page.GetByLabel("Roll").FillAsync(role);
        await SignAsync();
    }

    public Task SignAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Underteckna och lämna" }).ClickAsync();

    public async Task WriteAsync(string text)
    {
        await page.GetByLabel("Skriv till kommunen").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka meddelandet" }).ClickAsync();
    }
}
