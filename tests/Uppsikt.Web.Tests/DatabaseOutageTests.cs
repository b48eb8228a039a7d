using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The database unavailable for a while (issue 11, deliverable 8): another writer holding it, or the server gone. Each request
/// meanwhile answers 503 with a Swedish page or ProblemDetails and saves nothing; once the database is back the same
/// requests succeed, without a restart of the app.
/// </summary>
public sealed class DatabaseOutageTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string UnitName = "Exempelgårdens dagverksamhet (fiktiv)";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWriteHeldUpByAnotherWriterAnswers503AfterTheWaitAndSavesNothingThenGoesThrough()
    {
        var id = await app.GetUnitIdAsync(UnitName);
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var html = await Expect.OkAsync(await browser.GetAsync($"/Register/Units/Edit/{id}", Cancel));
        var form = UnitEditForm.From(html) with { Name = "Exempelgårdens dagverksamhet, nytt namn (fiktiv)" };
        var unit = await Api.GetUnitAsync(api, id);

        // Held as a long import's final step would: SQLite's single writer, PostgreSQL's lock that every audited save takes.
        await using (await app.Database.HoldAsync(TestDatabase.AuditLock, Cancel))
        {
            using var page = await Forms.PostAsync(browser, $"/Register/Units/Edit/{id}", Forms.AntiforgeryToken(html), form);
            using var put = await Api.PutUnitAsync(api, id, unit.ToChange() with { Capacity = 99 });
            // Readers are not held up by a writer.
            using var read = await browser.GetAsync($"/Register/Units/Details/{id}", Cancel);

            AssertUnavailablePage(page, await Expect.StatusAsync(page, HttpStatusCode.ServiceUnavailable));
            var problem = await Expect.StatusAsync(put, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
            Assert.Contains(DatabaseUnavailable.Heading, problem, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailable.RetryAfterSeconds), put.Headers.RetryAfter?.Delta);
            Assert.Contains(UnitName, await Expect.OkAsync(read), StringComparison.Ordinal);
        }
        var unchanged = await Api.GetUnitAsync(api, id);
        Assert.Equal((UnitName, unit.Capacity), (unchanged.Name, unchanged.Capacity));
        Assert.DoesNotContain(app.Log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("Unhandled", StringComparison.Ordinal));

        using var again = await Forms.PostAsync(browser, $"/Register/Units/Edit/{id}", Forms.AntiforgeryToken(html), form);
        await Expect.RedirectAsync(again, $"/Register/Units/Details/{id}");
        Assert.Equal(form.Name, (await Api.GetUnitAsync(api, id)).Name);
    }

    [Fact]
    public async Task TheDatabaseGoneAnswers503OnEveryPageAndTheAppRecoversWithoutARestart()
    {
        await using var outage = await Outage.StartAsync(app);
        using var browser = outage.App.CreateDefaultClient(new CookieContainerHandler());
        await Expect.RedirectAsync(await UppsiktApp.PostLoginAsync(browser, Demo.QualityDeveloper, Uppsikt.Web.Data.DemoData.Password), "/");
        var (_, secret) = await app.CreateApiTokenAsync(Demo.QualityDeveloper);
        using var api = outage.App.CreateDefaultClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        await Expect.OkAsync(await browser.GetAsync("/Register/Units", Cancel));

        outage.CutOff();
        using (var page = await browser.GetAsync("/Register/Units", Cancel))
        using (var list = await api.GetAsync("/api/v1/units", Cancel))
        {
            AssertUnavailablePage(page, await Expect.StatusAsync(page, HttpStatusCode.ServiceUnavailable));
            Assert.Contains(DatabaseUnavailable.Heading, await Expect.StatusAsync(list, HttpStatusCode.ServiceUnavailable), StringComparison.Ordinal);
        }

        outage.Restore();
        // The other test of the class renames the unit; both names begin the same.
        Assert.Contains("Exempelgårdens dagverksamhet", await Expect.OkAsync(await browser.GetAsync("/Register/Units?search=Exempelg%C3%A5rden", Cancel)), StringComparison.Ordinal);
        await Expect.OkAsync(await api.GetAsync("/api/v1/units", Cancel));
    }

    private static void AssertUnavailablePage(HttpResponseMessage response, string html)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{DatabaseUnavailable.Heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("ingenting har sparats", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailable.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    /// <summary>
    /// The database made unreachable behind a running app. PostgreSQL: the app reaches the server through a relay, which
    /// is cut off. SQLite: the file is moved away and a folder put in its place, as when the disk it lives on is gone.
    /// </summary>
    private sealed class Outage : IAsyncDisposable
    {
        private readonly TcpRelay? _relay;
        private readonly string? _file;

        private Outage(WebApplicationFactory<Program> app, TcpRelay? relay, string? file)
        {
            App = app;
            _relay = relay;
            _file = file;
        }

        public WebApplicationFactory<Program> App { get; }

        public static Task<Outage> StartAsync(UppsiktApp app)
        {
            if (app.Database.Provider == DatabaseProvider.Sqlite)
            {
                return Task.FromResult(new Outage(app, null, Path.Combine(app.Database.DataFolder, "uppsikt.db")));
            }
            var server = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
            var relay = new TcpRelay(server.Host!, server.Port);
            var relayed = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
            var variant = app.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Uppsikt", relayed));
            return Task.FromResult(new Outage(variant, relay, null));
        }

        public void CutOff()
        {
            if (_relay is not null)
            {
                _relay.CutOff();
                return;
            }
            SqliteConnection.ClearAllPools();
            foreach (var suffix in Suffixes)
            {
                if (File.Exists(_file + suffix))
                {
                    File.Move(_file + suffix, _file + suffix + ".away");
                }
            }
            Directory.CreateDirectory(_file!);
        }

        public void Restore()
        {
            if (_relay is not null)
            {
                _relay.Connect();
                return;
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(_file!);
            foreach (var suffix in Suffixes)
            {
                if (File.Exists(_file + suffix + ".away"))
                {
                    File.Move(_file + suffix + ".away", _file + suffix);
                }
            }
        }

        private static readonly string[] Suffixes = ["", "-wal", "-shm"];

        public async ValueTask DisposeAsync()
        {
            if (_relay is not null)
            {
                await App.DisposeAsync();
                await _relay.DisposeAsync();
            }
        }
    }
}
