using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Uppsikt.Browser.Tests;

/// <summary>Base for browser tests: a fresh page per call, closed with the test, and the accessibility check.</summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncDisposable
{
    /// <summary>WCAG 2.1 level A and AA: what the law on accessibility of digital public services asks for.</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private readonly List<IBrowserContext> _contexts = [];

    protected async Task<IPage> NewPageAsync()
    {
        var page = await fixture.NewPageAsync();
        _contexts.Add(page.Context);
        return page;
    }

    /// <summary>A fresh page signed in as a demo user.</summary>
    protected async Task<IPage> SignedInAsync(string email, string password = "Uppsikt-demo-2026")
    {
        var page = await NewPageAsync();
        var login = new Pages.LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, password);
        return page;
    }

    /// <summary>Runs axe-core on the page as it is now and fails, listing every violation, if there is any.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        if (result.Violations.Length == 0)
        {
            return;
        }
        var report = new StringBuilder($"axe found {result.Violations.Length} accessibility violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine().Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ")
                .Append(violation.Help).Append(' ').Append(violation.HelpUrl);
            foreach (var node in violation.Nodes)
            {
                report.AppendLine().Append("    ").Append(node.Target).Append(": ").Append(node.Html);
            }
        }
        Assert.Fail(report.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
