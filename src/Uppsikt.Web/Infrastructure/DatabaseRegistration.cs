using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Infrastructure;

public static class DatabaseRegistration
{
    /// <summary>Registers <see cref="AppDbContext"/> on the configured provider; the same for the web app and the verbs.</summary>
    public static IServiceCollection AddUppsiktDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DatabaseSettings.Section).Get<DatabaseSettings>() ?? new DatabaseSettings();
        services.AddSingleton(settings);
        var connectionString = settings.ConnectionString(configuration);
        services.AddDbContext<AppDbContext>(options => options.UseUppsiktDatabase(settings.Provider, connectionString));
        return services;
    }

    /// <summary>Brings the schema up to date, as the system. On SQLite also sets WAL so readers do not wait for writers.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
