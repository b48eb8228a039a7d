using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Audit;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Infrastructure;

public static class DatabaseRegistration
{
    /// <summary>Registers <see cref="AppDbContext"/> on the configured provider; the same for the web app and the verbs.</summary>
    public static IServiceCollection AddUppsiktDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DatabaseSettings>(DatabaseSettings.Section);
        // The options are built once, from the bound settings: the provider and connection do not change while the app runs.
        services.AddDbContext<AppDbContext>(
            (provider, options) =>
            {
                var settings = provider.GetRequiredService<DatabaseSettings>();
                options.UseUppsiktDatabase(settings.Provider, settings.ConnectionString(configuration));
            },
            optionsLifetime: ServiceLifetime.Singleton);
        // Every save seals its audit rows with the key ring, so wherever the context is, the ring is.
        services.AddUppsiktAuditKeys();
        return services;
    }

    /// <summary>
    /// Brings the schema up to date, as the system. On SQLite also sets WAL so readers do not wait for writers. Then builds the
    /// units' stored timelines if there are none yet (decision 0027): after the upgrade that began storing them.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        if (scope.ServiceProvider.GetService<UnitTimelineProjection>() is { } timeline)
        {
            await timeline.EnsureBuiltAsync(db, cancellationToken);
        }
    }
}
