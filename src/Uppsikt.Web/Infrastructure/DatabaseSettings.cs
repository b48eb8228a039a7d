using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure;

/// <summary>The <c>Database</c> section: which provider, where its data lives and whether to migrate at start.</summary>
public sealed class DatabaseSettings
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file, uploaded files and the development mail folder. Relative to the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Migrate at start-up; defaults to on for SQLite and off for PostgreSQL (use the <c>migrate</c> verb).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Load the demo data into an empty database at start-up.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// How long a write waits for another writer before it gives up with "försök igen" (HTTP 503): SQLite's busy timeout,
    /// PostgreSQL's <c>lock_timeout</c>. An import waits as long as it needs for its own short final step.
    /// </summary>
    [Range(1, 300, ErrorMessage = "Database:WriteWaitSeconds ska vara mellan 1 och 300 sekunder.")]
    public int WriteWaitSeconds { get; set; } = 3;

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;

    public string FullDataFolder => Path.GetFullPath(DataFolder);

    /// <summary>The connection string: <c>ConnectionStrings:Uppsikt</c>, or for SQLite a file in the data folder.</summary>
    public string ConnectionString(IConfiguration configuration) => WithWriteWait(GivenConnectionString(configuration));

    private string GivenConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Uppsikt");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider är Postgres men ConnectionStrings:Uppsikt saknas.");
        }
        Directory.CreateDirectory(FullDataFolder);
        return $"Data Source={Path.Combine(FullDataFolder, "uppsikt.db")}";
    }

    /// <summary>The connection string with <see cref="WriteWaitSeconds"/> as its wait for locks, unless it sets its own.</summary>
    private string WithWriteWait(string connectionString)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            return new[] { "Default Timeout", "DefaultTimeout", "Command Timeout", "CommandTimeout" }.Any(given.ContainsKey) ? connectionString
                : new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = WriteWaitSeconds }.ConnectionString;
        }
        var postgres = new NpgsqlConnectionStringBuilder(connectionString);
        if (postgres.Options?.Contains("lock_timeout", StringComparison.Ordinal) == true)
        {
            return connectionString;
        }
        var wait = "-c lock_timeout=" + (WriteWaitSeconds * 1000).ToString(CultureInfo.InvariantCulture);
        postgres.Options = string.IsNullOrWhiteSpace(postgres.Options) ? wait : postgres.Options + " " + wait;
        return postgres.ConnectionString;
    }
}
