using Microsoft.EntityFrameworkCore;

namespace Uppsikt.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider and its migrations assembly: one place for the app, the verbs and the tools.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Uppsikt.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Uppsikt.Migrations.Postgres";

    public static DbContextOptionsBuilder UseUppsiktDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
}
