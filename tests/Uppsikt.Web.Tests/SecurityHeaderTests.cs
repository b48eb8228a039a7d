using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The headers every answer carries: browser features switched off, API answers never stored, no server name.</summary>
public sealed class SecurityHeaderTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APageSwitchesOffTheBrowserFeaturesTheAppDoesNotUse()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/Account/Login", Cancel);

        await Expect.OkAsync(response);
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Assert.Single(response.Headers.GetValues("Permissions-Policy")));
    }

    [Fact]
    public async Task AnApiAnswerIsNeverStoredByABrowserOrAProxy()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.GetAsync("/api/v1/units", Cancel);

        await Expect.OkAsync(response);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control was '{response.Headers.CacheControl}'.");
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Assert.Single(response.Headers.GetValues("Permissions-Policy")));
    }

    [Fact]
    public void TheServerDoesNotNameItself() =>
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
}
