[assembly: AssemblyFixture(typeof(Uppsikt.Browser.Tests.BrowserFixture))]

namespace Uppsikt.Browser.Tests;

/// <summary>
/// Starts the application and one headless Chromium for the whole test run; each test gets its own browser context.
/// The tests share the app's database (the demo data), so a journey that changes data changes what no other test reads.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium. Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private AppServer? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => (_app ?? throw new InvalidOperationException("The fixture has not started.")).BaseAddress;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. The browser tests need Debian's Chromium: run `apt-get install chromium` (test.sh does this).");
        }
        _app = new AppServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
        // A shared two-core machine can be slow; a missing element still fails well within a test's time.
        SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A fresh page in a fresh context (no cookies), with relative URLs resolved against the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (_browser ?? throw new InvalidOperationException("The fixture has not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
