namespace Uppsikt.Browser.Tests;

/// <summary>The pages anyone can read without signing in.</summary>
public sealed class PublicPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("/Public", "Kommunens kundval och auktoriserade utförare")]
    [InlineData("/Public/Accessibility", "Tillgänglighetsredogörelse för Uppsikt")]
    [InlineData("/Public/Conditions", "Generella villkor för kundval")]
    public async Task Public_page_is_open_to_anyone_and_accessible(string path, string heading)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
