using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
            DatabaseProvider.Postgres => options.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>
    /// Npgsql prepares the statements a connection repeats (<c>Max Auto Prepare</c>), so PostgreSQL plans each of the app's
    /// queries once per connection rather than at every execution: the app sends the same few hundred queries all day. Unless
    /// the connection string sets its own figure (0 turns it off), 100 statements per connection, prepared from their second use.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 100, AutoPrepareMinUsages = 2 }.ConnectionString;
    }
}
