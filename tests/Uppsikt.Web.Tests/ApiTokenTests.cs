using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

public sealed partial class ApiTokenTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATokenMadeByApiTokenServiceReadsTheUnits()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.GetAsync("/api/v1/units", Cancel);

        var page = await Api.ReadAsync<Api.UnitPage>(response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var units = await app.WithDbAsync(db => db.Units.CountAsync(Cancel));
        Assert.Equal(units, page.Total);
        Assert.Contains(page.Items, u => u.Name == Demo.TryggaSaltsjobaden && u.ProviderName == Demo.TryggaHander);
    }

    [Fact]
    public async Task WithoutATokenTheApiAnswers401AndDoesNotRedirect()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/api/v1/units", Cancel);

        await Expect.StatusAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AnUnknownTokenGets401()
    {
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "upk_" + new string('A', 43));

        using var response = await client.GetAsync("/api/v1/units", Cancel);

        await Expect.StatusAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARevokedTokenGets401()
    {
        var (id, secret) = await app.CreateApiTokenAsync(Demo.QualityDeveloper);
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var before = await client.GetAsync("/api/v1/units", Cancel))
        {
            await Expect.OkAsync(before);
        }

        await app.WithServicesAsync(async services => Assert.True(await services.GetRequiredService<ApiTokenService>().RevokeAsync(id, Cancel)));

        using var after = await client.GetAsync("/api/v1/units", Cancel);
        await Expect.StatusAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenCreatedAndRevokedOnTheTokensPageWorksUntilRevoked()
    {
        using var browser = await app.CreateClientAs(Demo.Admin);
        using var created = await Forms.SubmitAsync(browser, "/Account/Tokens", [new("Name", "BI-rapporten")], "/Account/Tokens?handler=Create");
        var page = await Expect.OkAsync(created);
        var secret = Secret().Match(page) is { Success: true } match ? match.Groups["secret"].Value : throw new InvalidOperationException(page);
        using var integration = app.CreateAnonymousClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var before = await integration.GetAsync("/api/v1/units", Cancel))
        {
            await Expect.OkAsync(before);
        }
        var tokenId = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "BI-rapporten").Select(t => t.Id).SingleAsync(Cancel));

        using var revoked = await Forms.PostAsync(browser, "/Account/Tokens?handler=Revoke", Forms.AntiforgeryToken(page), [new("tokenId", tokenId.ToString()), new("confirmed", "true")]);

        await Expect.RedirectAsync(revoked, "/Account/Tokens");
        using var after = await integration.GetAsync("/api/v1/units", Cancel);
        await Expect.StatusAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokingOnTheTokensPageFirstNamesTheTokenAndOnlyTheConfirmedPostRevokes()
    {
        using var browser = await app.CreateClientAs(Demo.Admin);
        using var created = await Forms.SubmitAsync(browser, "/Account/Tokens", [new("Name", "Ekonomisystemets export")], "/Account/Tokens?handler=Create");
        var page = await Expect.OkAsync(created);
        var tokenId = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "Ekonomisystemets export").Select(t => t.Id).SingleAsync(Cancel));
        Task<bool> RevokedAsync() => app.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.RevokedAt != null).SingleAsync(Cancel));

        using var asked = await Forms.PostAsync(browser, "/Account/Tokens?handler=Revoke", Forms.AntiforgeryToken(page), [new("tokenId", tokenId.ToString())]);

        var confirmation = await Expect.OkAsync(asked);
        Assert.Contains("Bekräfta återkallelse", confirmation, StringComparison.Ordinal);
        Assert.Contains("<strong>Ekonomisystemets export</strong>", confirmation, StringComparison.Ordinal);
        Assert.Contains("slutar fungera direkt", confirmation, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/Tokens\">Avbryt</a>", confirmation, StringComparison.Ordinal);
        Assert.False(await RevokedAsync());

        // Cancelling is the link back to the list: nothing is posted and the token stays valid.
        using var cancelled = await browser.GetAsync("/Account/Tokens", Cancel);
        Assert.DoesNotContain("Bekräfta återkallelse", await Expect.OkAsync(cancelled), StringComparison.Ordinal);
        Assert.False(await RevokedAsync());

        using var confirmed = await Forms.PostAsync(browser, "/Account/Tokens?handler=Revoke", Forms.AntiforgeryToken(confirmation),
            [new("tokenId", Forms.InputValue(confirmation, "tokenId")!), new("confirmed", Forms.InputValue(confirmation, "confirmed")!)]);

        await Expect.RedirectAsync(confirmed, "/Account/Tokens");
        Assert.True(await RevokedAsync());
    }

    [Fact]
    public async Task TheTokenIsStoredOnlyAsItsHash()
    {
        var (id, secret) = await app.CreateApiTokenAsync(Demo.QualityDeveloper);

        var stored = await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id, Cancel));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(ApiToken) && a.EntityId == id.ToString(), Cancel));

        Assert.StartsWith("upk_", secret, StringComparison.Ordinal);
        Assert.NotEqual(secret, stored.TokenHash);
        Assert.DoesNotContain(secret[4..], stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.TokenHash);
        Assert.Equal(secret[..10], stored.Prefix);
        Assert.DoesNotContain(stored.TokenHash, audit.After, StringComparison.Ordinal);
        Assert.Contains("\"TokenHash\":\"***\"", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTokenOfAUserWhoseAccessHasExpiredGets401()
    {
        const string email = "gruppchef@uppsikt.example";
        using var client = await app.ApiClientAs(email);
        using (var before = await client.GetAsync("/api/v1/units", Cancel))
        {
            await Expect.OkAsync(before);
        }

        await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            user.AccessExpiresOn = TimeProvider.System.SwedishToday().AddDays(-1);
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });

        using var after = await client.GetAsync("/api/v1/units", Cancel);
        await Expect.StatusAsync(after, HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex("<code class=\"secret\">(?<secret>upk_[^<]+)</code>")]
    private static partial Regex Secret();
}
