using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Uppsikt.Data;
using Uppsikt.Domain;

namespace Uppsikt.Web.Features.Admin;

/// <summary>What a file holds, told by its first bytes: a SQLite database (<c>backup</c> on SQLite), a <c>pg_dump</c> archive, or neither.</summary>
public enum BackupKind
{
    Unknown = 0,
    Sqlite = 1,
    Postgres = 2,
}

/// <summary>
/// Puts a backup written by the <c>backup</c> verb back into the configured database (decision 0037), replacing whatever it held:
/// on SQLite through SQLite's online backup API, on PostgreSQL by emptying the schema and running <c>pg_restore</c>.
/// </summary>
public static class DatabaseRestore
{
    /// <summary>The table of applied migrations: every Uppsikt database has it, so a backup without it is no backup of Uppsikt.</summary>
    private const string MigrationsTable = "__EFMigrationsHistory";

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private static readonly byte[] PostgresHeader = "PGDMP"u8.ToArray();

    public static async Task<BackupKind> KindOfAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var start = new byte[SqliteHeader.Length];
        await using var stream = file.OpenRead();
        var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        return start.AsSpan(0, read) switch
        {
            var s when s.SequenceEqual(SqliteHeader) => BackupKind.Sqlite,
            var s when s.StartsWith(PostgresHeader) => BackupKind.Postgres,
            _ => BackupKind.Unknown,
        };
    }

    /// <summary>Why <paramref name="file"/> cannot be restored into <paramref name="db"/>'s kind of database; null when it can.</summary>
    public static async Task<Refusal?> CheckFileAsync(AppDbContext db, FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return Refusal.Invalid($"Filen {file.FullName} finns inte. Ange en absolut sökväg till en säkerhetskopia från kommandot backup.");
        }
        var expected = db.Database.IsSqlite() ? BackupKind.Sqlite : BackupKind.Postgres;
        var kind = await KindOfAsync(file, cancellationToken);
        if (kind == BackupKind.Unknown)
        {
            return Refusal.Invalid($"Filen {file.FullName} är ingen säkerhetskopia från kommandot backup: den är varken en SQLite-databas " +
                "eller ett arkiv från pg_dump i custom-format. Inget ändrades.");
        }
        if (kind != expected)
        {
            return Refusal.Invalid($"Filen {file.FullName} är en säkerhetskopia av en {Name(kind)}-databas, men den inställda databasen är " +
                $"{Name(expected)} (Database:Provider). En säkerhetskopia kan bara återställas till samma slags databas. Inget ändrades.");
        }
        var hasMigrations = kind == BackupKind.Sqlite
            ? await SqliteHasMigrationsAsync(file, cancellationToken)
            : await PostgresHasMigrationsAsync(db, file, cancellationToken);
        return hasMigrations
            ? null
            : Refusal.Invalid($"Filen {file.FullName} är en {Name(kind)}-säkerhetskopia men inte av Uppsikt: tabellen {MigrationsTable} saknas. Inget ändrades.");
    }

    /// <summary>Why the database must not be overwritten: it holds data beyond the rows its migrations put there. Null when it is empty.</summary>
    public static async Task<Refusal?> CheckEmptyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Reference data that the migrations insert (HasData) is in every database, so it does not count as data.
        // Seed data is kept only in the design-time model.
        var seeded = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => (long)e.GetSeedData().Count()), StringComparer.Ordinal);
        foreach (var table in await TablesAsync(db, cancellationToken))
        {
            if (table != MigrationsTable && await CountAsync(db, table, cancellationToken) > seeded.GetValueOrDefault(table))
            {
                return Refusal.WrongState($"Databasen innehåller redan data (bland annat i tabellen {table}). En återställning ersätter allt i den. " +
                    "Ange --force för att ersätta den ändå, helst efter en säkerhetskopia av det som finns nu. Inget ändrades.");
            }
        }
        return null;
    }

    /// <summary>Replaces everything in the configured database with the backup's content; the file must have passed <see cref="CheckFileAsync"/>.</summary>
    public static async Task RestoreAsync(AppDbContext db, FileInfo file, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (db.Database.IsSqlite())
        {
            await using var source = new SqliteConnection(ReadOnly(file));
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            return;
        }
        // The archive recreates every table, so the schema is emptied first: nothing of the old database is left beside it.
        await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", cancellationToken);
        var run = await PostgresTools.RunAsync("pg_restore",
            ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", .. PostgresTools.ConnectionArguments(connectionString), file.FullName],
            connectionString, cancellationToken);
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(run.FailureText("pg_restore"));
        }
    }

    /// <summary>Every table of the database's schema, by name in ordinal order.</summary>
    public static async Task<List<string>> TablesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<string>(db.Database.IsSqlite()
                ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
            .ToListAsync(cancellationToken))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>A table's name as an identifier in SQL: in double quotes, any quote in it doubled.</summary>
    public static string Quoted(string table) => "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A table's rows; the name comes from the schema and is quoted, never from input.</summary>
    private static async Task<long> CountAsync(AppDbContext db, string table, CancellationToken cancellationToken)
    {
        var sql = "SELECT COUNT(*) AS \"Value\" FROM " + Quoted(table);
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync(cancellationToken);
    }

    private static string Name(BackupKind kind) => kind == BackupKind.Sqlite ? "SQLite" : "PostgreSQL";

    private static string ReadOnly(FileInfo file) =>
        new SqliteConnectionStringBuilder { DataSource = file.FullName, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;

    private static async Task<bool> SqliteHasMigrationsAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ReadOnly(file));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", MigrationsTable);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>Reads the archive's table of contents (without connecting) and looks for the migrations table among its tables.</summary>
    private static async Task<bool> PostgresHasMigrationsAsync(AppDbContext db, FileInfo file, CancellationToken cancellationToken)
    {
        var run = await PostgresTools.RunAsync("pg_restore", ["--list", file.FullName], db.Database.GetConnectionString()!, cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(run.FailureText("pg_restore"));
        }
        return run.Output.Split('\n').Any(line => line.Contains(" TABLE ", StringComparison.Ordinal) && line.Contains(" " + MigrationsTable + " ", StringComparison.Ordinal));
    }
}
