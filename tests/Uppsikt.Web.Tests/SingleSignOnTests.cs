using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Municipal single sign-on is off until configured, and configuration alone switches it on.</summary>
public sealed class SingleSignOnTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutConfigurationThereIsNoSsoSchemeAndNoButton()
    {
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/Account/Login", Cancel);
        var page = await Expect.OkAsync(response);

        Assert.Null(await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme));
        Assert.DoesNotContain("Logga in med", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorityAndClientIdSwitchOnOpenIdConnectAndTheSignInButton()
    {
        using var configured = app.WithWebHostBuilder(builder => builder
            .UseSetting("Authentication:Oidc:Authority", "https://login.kommun.example/realms/kommun")
            .UseSetting("Authentication:Oidc:ClientId", "uppsikt")
            .UseSetting("Authentication:Oidc:DisplayName", "Nacka-inloggning (fiktiv)"));
        var schemes = configured.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/Account/Login", Cancel);
        var page = await Expect.OkAsync(response);

        var scheme = await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme);
        Assert.NotNull(scheme);
        Assert.Equal("Nacka-inloggning (fiktiv)", scheme.DisplayName);
        Assert.Contains("Logga in med Nacka-inloggning (fiktiv)", page, StringComparison.Ordinal);
    }
}
