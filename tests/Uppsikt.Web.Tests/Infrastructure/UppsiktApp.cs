using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uppsikt.Data;
using Uppsikt.Web.Data;
using Uppsikt.Web.Features.Admin;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// The application over real HTTP (in memory) with a database of its own, migrated and loaded with the demo data: a copy
/// of the run's <see cref="SeededDatabase"/>. One instance per test class (<c>IClassFixture&lt;UppsiktApp&gt;</c>), so
/// classes never see each other's changes.
/// </summary>
public sealed class UppsiktApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Where the app says it is in e-mail (<c>Mail:AppUrl</c>).</summary>
    public const string AppUrl = "https://uppsikt.kommun.example";

    private readonly ServerLog _log = new();

    private readonly SeededDatabase? _seeded;

    private TestDatabase? _database;

    public UppsiktApp(SeededDatabase seeded) => _seeded = seeded;

    /// <summary>The app that seeds <paramref name="database"/>, for <see cref="SeededDatabase"/>; it leaves the database be.</summary>
    internal UppsiktApp(TestDatabase database) => _database = database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app is not initialised yet.");

    /// <summary>The app's warnings and errors, also those of a variant made with <c>WithWebHostBuilder</c>.</summary>
    public ServerLog Log => _log;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CopyOfAsync(_seeded!.Template);
        // Starting the server checks the migrations: a broken start fails here, not in the middle of a test.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Database:SeedDemoData", "true");
        // Background jobs stay off; a test that needs one calls its logic directly.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Mail:AppUrl", AppUrl);
        // The tests sign in many times a minute from one address; SignInHardeningTests sets small limits where it tests them.
        builder.UseSetting("SignIn:AttemptsPerClient", "100000");
        builder.UseSetting("SignIn:AttemptsPerAccount", "100000");
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(_log));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<QueryCounter>();
            services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<QueryCounter>()),
                ServiceLifetime.Singleton);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_seeded is not null && _database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see what the server answered.</summary>
    public HttpClient CreateAnonymousClient() => CreateDefaultClient(new ServerLogHandler(_log), new CookieContainerHandler());

    /// <summary>
    /// Signs in through the real sign-in form and returns the client holding the session cookie, which sends the session's
    /// antiforgery token with its API writes as the app's pages do (<see cref="ApiAntiforgeryHandler"/>).
    /// </summary>
    public async Task<HttpClient> CreateClientAs(string email, string password = DemoData.Password)
    {
        var client = CreateDefaultClient(new ServerLogHandler(_log), new ApiAntiforgeryHandler(), new CookieContainerHandler());
        using var response = await PostLoginAsync(client, email, password);
        await Expect.RedirectAsync(response, "/");
        return client;
    }

    /// <summary>Posts the sign-in form the way a browser does: fetch the form for its antiforgery token, then submit.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        await Forms.SubmitAsync(client, "/Account/Login", [new("Email", email), new("Password", password)]);

    /// <summary>A client that authenticates with a new API token of the user, as an integration would.</summary>
    public async Task<HttpClient> ApiClientAs(string email)
    {
        var (_, secret) = await CreateApiTokenAsync(email);
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Creates an API token through the real <see cref="ApiTokenService"/>, as the system.</summary>
    public async Task<(Guid Id, string Secret)> CreateApiTokenAsync(string email, string name = "Testnyckel")
    {
        await using var scope = Services.CreateSystemScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var (token, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user, name);
        return (token.Id, secret);
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a context outside any request in a system scope: the actor is the system, so
    /// nothing is filtered by scope. For looking things up and for arranging data, never for what a user would see.
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> in a system scope, as a job or a verb does.</summary>
    public async Task WithServicesAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateSystemScope();
        await work(scope.ServiceProvider);
    }

    public Task<Guid> GetProviderIdAsync(string name) =>
        WithDbAsync(db => db.Providers.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    public Task<Guid> GetUnitIdAsync(string name) =>
        WithDbAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public Task<Guid> GetAdministrationIdAsync(string name) =>
        WithDbAsync(db => db.Administrations.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    public Task<Guid> GetChoiceSystemIdAsync(string name) =>
        WithDbAsync(db => db.ChoiceSystems.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    public Task<string> GetUserIdAsync(string email) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Counts the database commands of requests to one path (<see cref="QueryCounter.Watch"/>).</summary>
    public QueryCounter Queries => Services.GetRequiredService<QueryCounter>();

    public Task<long> LastAuditIdAsync() =>
        WithDbAsync(async db => await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0);

    /// <summary>Verifies the audit trail and its checkpoints as the admin page does.</summary>
    public async Task<ChainVerdict> VerifyAuditAsync()
    {
        await using var scope = Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync(TestContext.Current.CancellationToken);
    }

}
