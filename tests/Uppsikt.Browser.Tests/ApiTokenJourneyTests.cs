namespace Uppsikt.Browser.Tests;

/// <summary>A user revokes one of their API tokens: the page asks first, naming the token.</summary>
public sealed class ApiTokenJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Revoking_an_api_token_asks_for_confirmation_naming_the_token()
    {
        var developer = await SignedInAsync("kvalitet@uppsikt.example");
        await developer.GotoAsync("/Account/Tokens");
        await developer.GetByLabel("Vad ska nyckeln användas till?").FillAsync("Webbläsartestets nyckel");
        await developer.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckel" }).ClickAsync();
        await developer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Webbläsartestets nyckel" }).GetByRole(AriaRole.Button).ClickAsync();

        var confirmation = developer.GetByRole(AriaRole.Region, new() { Name = "Bekräfta återkallelse" });
        await Expect(confirmation).ToContainTextAsync("Webbläsartestets nyckel");
        await Expect(confirmation).ToContainTextAsync("slutar fungera direkt");
        await AssertAccessibleAsync(developer);
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Bekräfta" }).ClickAsync();

        await Expect(developer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Webbläsartestets nyckel" })).ToContainTextAsync("Återkallad");
        await AssertAccessibleAsync(developer);
    }
}
