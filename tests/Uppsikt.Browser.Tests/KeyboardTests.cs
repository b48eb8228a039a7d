using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task First_tab_reaches_the_skip_link_and_it_moves_focus_to_the_main_content()
    {
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(login.SkipLink).ToBeFocusedAsync();
        await Expect(login.SkipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(login.Main).ToBeFocusedAsync();
    }
}
