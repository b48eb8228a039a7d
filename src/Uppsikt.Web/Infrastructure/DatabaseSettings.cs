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

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;

    public string FullDataFolder => Path.GetFullPath(DataFolder);

    /// <summary>The connection string: <c>ConnectionStrings:Uppsikt</c>, or for SQLite a file in the data folder.</summary>
    public string ConnectionString(IConfiguration configuration)
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
}
