using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Web.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Sign-in under abuse (decision 0034): attempts are limited per client and per account; an unknown account, a wrong password
/// and a locked account look and cost the same; lockout does not stop API tokens; sign-out ends the session on the server;
/// behind the configured TLS proxy the app knows it serves HTTPS.
/// </summary>
public sealed class SignInHardeningTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string Failed = "Inloggningen misslyckades. Kontrollera e-postadress och lösenord. Efter flera misslyckade försök spärras inloggningen en stund.";
    private const string TooMany = "För många inloggningsförsök. Vänta";
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AttemptsAtOneAccountBeyondItsLimitAreAnswered429WithRetryAfterAndAMessage()
    {
        await using var limited = Variant(null, ("SignIn:AttemptsPerAccount", "2"), ("SignIn:WindowSeconds", "3600"));
        using var client = limited.CreateDefaultClient(new CookieContainerHandler());
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var wrong = await UppsiktApp.PostLoginAsync(client, Demo.CouncilReviewer, $"fel-losenord-{attempt}");
            Assert.Contains(Failed, await Expect.OkAsync(wrong), StringComparison.Ordinal);
        }

        // Even the right password is not checked once the account's attempts are used up.
        using var refused = await UppsiktApp.PostLoginAsync(client, Demo.CouncilReviewer, DemoData.Password);

        var page = await Expect.StatusAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains(TooMany, page, StringComparison.Ordinal);
        Assert.Contains("name=\"Password\"", page, StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("No Retry-After.");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        await Expect.RedirectAsync(await client.GetAsync("/Register/Units", Cancel), "/Account/Login");
        // The limit is the account's, not the client's: the same client signs in to another account.
        using var other = await UppsiktApp.PostLoginAsync(client, Demo.GroupManager, DemoData.Password);
        await Expect.RedirectAsync(other, "/");
    }

    [Fact]
    public async Task AttemptsFromOneClientBeyondItsLimitAreRefusedForThatClientOnlyAndNothingElseIsLimited()
    {
        await using var limited = Variant(Proxy,
            ("SignIn:AttemptsPerClient", "3"), ("SignIn:WindowSeconds", "3600"), ("ForwardedHeaders:KnownProxies:0", Proxy.ToString()));
        using var first = ForwardedClient(limited, "203.0.113.10");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var unknown = await UppsiktApp.PostLoginAsync(first, $"okand{attempt}@uppsikt.example", "fel-losenord-123");
            Assert.Contains(Failed, await Expect.OkAsync(unknown), StringComparison.Ordinal);
        }

        using var refused = await UppsiktApp.PostLoginAsync(first, Demo.Admin, DemoData.Password);

        Assert.Contains(TooMany, await Expect.StatusAsync(refused, HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        // Another client behind the same proxy is not refused.
        using var second = ForwardedClient(limited, "203.0.113.20");
        await Expect.RedirectAsync(await UppsiktApp.PostLoginAsync(second, Demo.Admin, DemoData.Password), "/");
        // The refused client still reads pages and the API.
        await Expect.OkAsync(await first.GetAsync("/Public", Cancel));
        await Expect.OkAsync(await first.GetAsync("/Account/Login", Cancel));
        var (_, secret) = await app.CreateApiTokenAsync(Demo.QualityDeveloper);
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units");
        api.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await Expect.OkAsync(await first.SendAsync(api, Cancel));
    }

    [Fact]
    public async Task AnUnknownAccountAWrongPasswordAndALockedAccountGetTheSameAnswer()
    {
        using var locker = app.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await UppsiktApp.PostLoginAsync(locker, Demo.CaseWorker, $"fel-losenord-{attempt}");
            await Expect.OkAsync(wrong);
        }

        var answers = new List<(HttpStatusCode Status, string Page)>();
        foreach (var (email, password) in new[]
        {
            ("finns-inte@uppsikt.example", DemoData.Password),
            (Demo.DistrictUser, "fel-losenord-123"),
            (Demo.CaseWorker, DemoData.Password),
        })
        {
            using var client = app.CreateAnonymousClient();
            using var response = await UppsiktApp.PostLoginAsync(client, email, password);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(Cancel)));
        }

        Assert.All(answers, answer =>
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains(Failed, answer.Page, StringComparison.Ordinal);
            Assert.DoesNotContain("låst", answer.Page, StringComparison.OrdinalIgnoreCase);
        });
        // The page does not tell them apart; the log does, for whoever investigates, and never holds a password.
        var signIns = app.Log.Entries.Where(e => e.Category.EndsWith("LoginModel", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Contains(signIns, m => m.StartsWith("Sign-in failed for finns-inte@uppsikt.example from ", StringComparison.Ordinal));
        Assert.Contains(signIns, m => m.StartsWith($"Sign-in failed for {Demo.DistrictUser} from ", StringComparison.Ordinal));
        Assert.Contains(signIns, m => m.StartsWith($"Sign-in refused, account locked for {Demo.CaseWorker} from ", StringComparison.Ordinal));
        Assert.DoesNotContain(signIns, m => m.Contains("fel-losenord", StringComparison.Ordinal) || m.Contains(DemoData.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownAccountCostsOnePasswordCheckAsAKnownAndALockedOneDo()
    {
        var hasher = new CountingPasswordHasher();
        await using var counted = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<AppUser>>(_ => hasher)));
        using var client = counted.CreateDefaultClient(new CookieContainerHandler());
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await UppsiktApp.PostLoginAsync(client, Demo.TryggaHanderUser, $"fel-losenord-{attempt}");
            await Expect.OkAsync(wrong);
        }

        async Task<int> ChecksAsync(string email, string password)
        {
            var before = hasher.Verifications;
            using var response = await UppsiktApp.PostLoginAsync(client, email, password);
            await Expect.OkAsync(response);
            return hasher.Verifications - before;
        }

        Assert.Equal(1, await ChecksAsync("finns-inte@uppsikt.example", "fel-losenord-123"));
        Assert.Equal(1, await ChecksAsync(Demo.OmsorgshusetUser, "fel-losenord-123"));
        Assert.Equal(1, await ChecksAsync(Demo.TryggaHanderUser, DemoData.Password));
    }

    [Fact]
    public async Task LockingAnAccountByWrongPasswordsLeavesItsApiTokenWorkingButEndedAccessStopsIt()
    {
        const string email = Demo.CommitteeSecretary;
        using var integration = await app.ApiClientAs(email);
        await Expect.OkAsync(await integration.GetAsync("/api/v1/units", Cancel));
        using var guesser = app.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await UppsiktApp.PostLoginAsync(guesser, email, $"fel-losenord-{attempt}");
            await Expect.OkAsync(wrong);
        }
        await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            Assert.True(await users.IsLockedOutAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email)));
        });

        await Expect.OkAsync(await integration.GetAsync("/api/v1/units", Cancel));

        await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            user.AccessExpiresOn = TimeProvider.System.SwedishToday().AddDays(-1);
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });
        await Expect.StatusAsync(await integration.GetAsync("/api/v1/units", Cancel), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ACookieCopiedBeforeSignOutIsRefusedAfterIt()
    {
        var jar = new CookieContainer();
        using var browser = app.CreateDefaultClient(new CookieContainerHandler(jar));
        await Expect.RedirectAsync(await UppsiktApp.PostLoginAsync(browser, Demo.QualityDeveloper, DemoData.Password), "/");
        var copy = jar.GetCookieHeader(app.Server.BaseAddress);
        using var thief = app.CreateDefaultClient();
        thief.DefaultRequestHeaders.Add("Cookie", copy);
        await Expect.OkAsync(await thief.GetAsync("/Register/Units", Cancel));
        await Expect.OkAsync(await thief.GetAsync("/api/v1/units", Cancel));

        var token = Forms.AntiforgeryToken(await Expect.OkAsync(await browser.GetAsync("/", Cancel)));
        await Expect.RedirectAsync(await Forms.PostAsync(browser, "/Account/Logout", token, []), "/Public");

        await Expect.RedirectAsync(await thief.GetAsync("/Register/Units", Cancel), "/Account/Login");
        await Expect.StatusAsync(await thief.GetAsync("/api/v1/units", Cancel), HttpStatusCode.Unauthorized);
        // Signing in again starts a new session, which works.
        await Expect.RedirectAsync(await UppsiktApp.PostLoginAsync(browser, Demo.QualityDeveloper, DemoData.Password), "/");
        await Expect.OkAsync(await browser.GetAsync("/Register/Units", Cancel));
    }

    [Fact]
    public async Task BehindTheConfiguredProxyHttpsGivesSecureCookiesAndHsts()
    {
        await using var proxied = Variant(Proxy, ("ForwardedHeaders:KnownProxies:0", Proxy.ToString()));

        var (form, signedIn) = await SignInOverForwardedHttpsAsync(proxied);

        Assert.NotEmpty(SetCookies(form));
        Assert.All(SetCookies(form), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(SetCookies(signedIn), cookie => cookie.StartsWith("uppsikt=", StringComparison.Ordinal)
            && cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(form.Headers.Contains("Strict-Transport-Security"));
        Assert.True(signedIn.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task FromAnAddressThatIsNotAConfiguredProxyTheForwardedHeadersAreIgnored()
    {
        await using var direct = Variant(IPAddress.Parse("10.0.0.9"), ("ForwardedHeaders:KnownProxies:0", Proxy.ToString()));

        var (form, signedIn) = await SignInOverForwardedHttpsAsync(direct);

        Assert.NotEmpty(SetCookies(form));
        Assert.All(SetCookies(form).Concat(SetCookies(signedIn)),
            cookie => Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(SetCookies(signedIn), cookie => cookie.StartsWith("uppsikt=", StringComparison.Ordinal));
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
        Assert.False(signedIn.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The app with <paramref name="settings"/>, each request coming from <paramref name="remote"/> when given.</summary>
    private WebApplicationFactory<Program> Variant(IPAddress? remote, params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            if (remote is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(remote)));
            }
        });

    /// <summary>A browser behind the proxy: every request says it came from <paramref name="client"/>.</summary>
    private static HttpClient ForwardedClient(WebApplicationFactory<Program> factory, string client)
    {
        var http = factory.CreateDefaultClient(new CookieContainerHandler());
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return http;
    }

    /// <summary>
    /// Opens the sign-in page and signs in, in production, with the headers a TLS proxy sends for an HTTPS request. Cookies
    /// are carried by hand: a cookie jar would not send a Secure cookie over the test server's plain HTTP.
    /// </summary>
    private static async Task<(HttpResponseMessage Form, HttpResponseMessage SignedIn)> SignInOverForwardedHttpsAsync(WebApplicationFactory<Program> app)
    {
        await using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = production.CreateDefaultClient(new Uri("http://uppsikt.kommun.example"));
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.30");
        var form = await client.GetAsync("/Account/Login", Cancel);
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(form));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(
            [
                new("Email", Demo.Admin), new("Password", DemoData.Password), new(Forms.AntiforgeryField, token),
            ]),
        };
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(form).Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(post, Cancel);
        await Expect.RedirectAsync(signedIn, "/");
        return (form, signedIn);
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    /// <summary>Stands in for the connection's address, which the test server leaves empty.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, rest) =>
            {
                context.Connection.RemoteIpAddress = address;
                return rest(context);
            });
            next(builder);
        };
    }

    /// <summary>Identity's own hasher, counting how often a password is checked.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
