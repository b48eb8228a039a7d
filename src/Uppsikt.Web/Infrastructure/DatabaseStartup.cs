using Uppsikt.Web.Data;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>Migrates (SQLite by default, PostgreSQL when asked) and loads the demo data into an empty database, as the system.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (settings.ShouldMigrateOnStartup)
        {
            await DatabaseRegistration.MigrateAsync(app.Services);
        }
        if (settings.SeedDemoData)
        {
            await using var scope = app.Services.CreateSystemScope();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }
    }
}
