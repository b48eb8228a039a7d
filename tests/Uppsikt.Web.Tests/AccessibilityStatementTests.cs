using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The accessibility statement names the municipality and the contact details set in the <c>Accessibility</c> section.</summary>
public sealed class AccessibilityStatementTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheStatementShowsTheConfiguredContactDetails()
    {
        using var configured = app.WithWebHostBuilder(builder => builder
            .UseSetting("Accessibility:Municipality", "Testby kommun (fiktiv)")
            .UseSetting("Accessibility:Email", "tillganglighet@testby.example")
            .UseSetting("Accessibility:Phone", "08-465 004 00"));
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/Public/Accessibility", Cancel);

        var page = await Expect.OkAsync(response);
        Assert.Contains("Testby kommun (fiktiv) står bakom den här tjänsten", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:tillganglighet@testby.example\">tillganglighet@testby.example</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"tel:0846500400\">08-465 004 00</a>", page, StringComparison.Ordinal);
        Assert.Contains("uppdaterades senast i december 2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSettingsTheStatementShowsTheFictitiousDemoContactAndTheKnownProblems()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/Public/Accessibility", Cancel);

        var page = await Expect.OkAsync(response);
        Assert.Contains("mailto:tillganglighet@kommun.example", page, StringComparison.Ordinal);
        Assert.Contains("Exempelkommunen (fiktiv)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("inte till några brister", page, StringComparison.Ordinal);
        Assert.Contains("rullar i sidled inom sin egen ruta", page, StringComparison.Ordinal);
    }
}
