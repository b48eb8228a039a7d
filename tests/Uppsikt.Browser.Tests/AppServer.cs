using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Uppsikt.Browser.Tests;

/// <summary>
/// The real application on Kestrel at a free loopback port, on its own SQLite database in a temporary folder,
/// with the demo data loaded. The browser talks to it over HTTP like any other client.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("uppsikt-browser-").FullName;

    public AppServer()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>Where the server listens, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", _dataFolder);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Jobs:Enabled", "false");
        // Every journey signs in from the same loopback address, many times a minute.
        builder.UseSetting("SignIn:AttemptsPerClient", "100000");
        builder.UseSetting("SignIn:AttemptsPerAccount", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
