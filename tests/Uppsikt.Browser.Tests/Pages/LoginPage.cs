namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Account/Login: e-mail and password.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/Account/Login";

    public ILocator SkipLink => page.GetByRole(AriaRole.Link, new() { Name = "Hoppa till huvudinnehållet" });

    public ILocator Main => page.Locator("main#main");

    public async Task OpenAsync()
    {
        await page.GotoAsync(Path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Signs in and waits until the app has left the sign-in page.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
    }
}
