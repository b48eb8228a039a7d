using Microsoft.EntityFrameworkCore;

namespace Uppsikt.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the provider and its migrations assembly: one place for the app, the verbs and the tools. A list in a query
/// (<c>ids.Contains(x.Id)</c>) is sent as one parameter (SQLite's <c>json_each</c>, PostgreSQL's array) rather than one
/// parameter per element: with a committee's 600 unit ids the per-element form cost about 5 ms a query to send and plan,
/// the single parameter under 1 ms (decision 0032).
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Uppsikt.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Uppsikt.Migrations.Postgres";

    public static DbContextOptionsBuilder UseUppsiktDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
}
