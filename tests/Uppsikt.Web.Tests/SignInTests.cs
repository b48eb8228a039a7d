using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Web.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

public sealed class SignInTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string Failed = "Inloggningen misslyckades. Kontrollera e-postadress och lösenord.";
    private const string NotAllowed = "Kontot får inte logga in (behörigheten kan ha upphört).";

    [Fact]
    public async Task TheRightPasswordSignsInAndOpensTheRegister()
    {
        using var client = await app.CreateClientAs("gruppchef@uppsikt.example");

        using var units = await client.GetAsync("/Register/Units", TestContext.Current.CancellationToken);

        Assert.Contains("Gustav Gruppchef (fiktiv)", await Expect.OkAsync(units), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryGeneratedTemporaryPasswordMeetsThePasswordPolicy()
    {
        await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var someone = new AppUser { UserName = "x@uppsikt.example", Email = "x@uppsikt.example", DisplayName = "X (fiktiv)" };
            for (var draw = 0; draw < 2000; draw++)
            {
                var password = Features.Admin.UserAdministration.GeneratePassword();
                foreach (var validator in users.PasswordValidators)
                {
                    var result = await validator.ValidateAsync(users, someone, password);
                    Assert.True(result.Succeeded, $"{password}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
                }
            }
        });
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithASwedishMessage()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await UppsiktApp.PostLoginAsync(client, "ks@uppsikt.example", "fel-losenord-123");

        var html = await Expect.OkAsync(response);
        Assert.Contains(Failed, html, StringComparison.Ordinal);
        // Signing in saves nothing: the summary names what failed.
        Assert.Contains("<h2>Inloggningen misslyckades</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sparades inte", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoTheRightOneIsRefusedToo()
    {
        const string email = "handlaggare@uppsikt.example";
        using var client = app.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await UppsiktApp.PostLoginAsync(client, email, $"fel-losenord-{attempt}");
            Assert.Contains(Failed, await Expect.OkAsync(wrong), StringComparison.Ordinal);
        }

        // The page does not say the account is locked (that would tell that it exists), but the right password is refused.
        using var right = await UppsiktApp.PostLoginAsync(client, email, DemoData.Password);
        Assert.Contains(Failed, await Expect.OkAsync(right), StringComparison.Ordinal);
        using var afterwards = await client.GetAsync("/Register/Units", TestContext.Current.CancellationToken);
        await Expect.RedirectAsync(afterwards, "/Account/Login");
    }

    [Fact]
    public async Task AUserWhoseAccessExpiredYesterdayCannotSignIn()
    {
        const string email = "ledamot@uppsikt.example";
        await SetAccessExpiryAsync(email, TimeProvider.System.SwedishToday().AddDays(-1));
        using var client = app.CreateAnonymousClient();

        using var response = await UppsiktApp.PostLoginAsync(client, email, DemoData.Password);

        Assert.Contains(NotAllowed, await Expect.OkAsync(response), StringComparison.Ordinal);
        using var afterwards = await client.GetAsync("/Register/Units", TestContext.Current.CancellationToken);
        await Expect.RedirectAsync(afterwards, "/Account/Login");
    }

    [Fact]
    public async Task AUserWhoseAccessExpiresTodayMayStillSignIn()
    {
        const string email = "sekreterare@uppsikt.example";
        await SetAccessExpiryAsync(email, TimeProvider.System.SwedishToday());

        using var client = await app.CreateClientAs(email);

        using var start = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("Sara Sekreterare (fiktiv)", await Expect.OkAsync(start), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOutThroughTheMenuFormEndsTheSession()
    {
        using var client = await app.CreateClientAs("admin@uppsikt.example");
        using var start = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(start));

        using var signOut = await Forms.PostAsync(client, "/Account/Logout", token, []);

        await Expect.RedirectAsync(signOut, "/Public");
        using var afterwards = await client.GetAsync("/Register/Units", TestContext.Current.CancellationToken);
        await Expect.RedirectAsync(afterwards, "/Account/Login");
    }

    [Fact]
    public async Task SignedOutVisitorsAreSentToTheSignInPage()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/Register/Units", TestContext.Current.CancellationToken);

        await Expect.RedirectAsync(response, "/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task SetAccessExpiryAsync(string email, DateOnly lastDay) =>
        app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            user.AccessExpiresOn = lastDay;
            var result = await users.UpdateAsync(user);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        });
}
