using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Audit;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database of its own (or a copy of a seeded one, <see cref="CopyOfAsync"/>): by default a SQLite file in a new temporary folder; when
/// <c>UPPSIKT_TEST_POSTGRES</c> holds a connection string, a uniquely named database on that server,
/// dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "UPPSIKT_TEST_POSTGRES";

    private readonly string? _server;

    private TestDatabase(DatabaseProvider provider, string dataFolder, string? server, string? databaseName)
    {
        Provider = provider;
        DataFolder = dataFolder;
        _server = server;
        DatabaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The app's data folder: the SQLite file lives here, and any files the app writes.</summary>
    public string DataFolder { get; }

    /// <summary>The PostgreSQL database's name; null on SQLite.</summary>
    public string? DatabaseName { get; }

    public string ConnectionString => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(_server) { Database = DatabaseName }.ConnectionString
        : $"Data Source={Path.Combine(DataFolder, "uppsikt.db")}";

    /// <summary>The app's settings that point it at this database, as configuration keys (Database:DataFolder, …).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:DataFolder"] = DataFolder,
        ["Database:MigrateOnStartup"] = "true",
        ["ConnectionStrings:Uppsikt"] = Provider == DatabaseProvider.Postgres ? ConnectionString : "",
    };

    public static Task<TestDatabase> CreateAsync() => CreateAsync(template: null);

    /// <param name="template">On PostgreSQL, the database the new one is created from; null for an empty one.</param>
    private static async Task<TestDatabase> CreateAsync(string? template)
    {
        var folder = Directory.CreateTempSubdirectory("uppsikt-test-").FullName;
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return new TestDatabase(DatabaseProvider.Sqlite, folder, null, null);
        }
        var name = "uppsikt_test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{(template is null ? "" : $" TEMPLATE \"{template}\"")}", connection);
        await create.ExecuteNonQueryAsync();
        return new TestDatabase(DatabaseProvider.Postgres, folder, server, name);
    }

    /// <summary>
    /// A database of its own with what <paramref name="template"/> holds, and a data folder with a copy of its files (the
    /// audit key, stored files). The template must have no open connection: see <see cref="ReleaseConnections"/>.
    /// </summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase template)
    {
        var copy = await CreateAsync(template.Provider == DatabaseProvider.Postgres ? template.DatabaseName : null);
        foreach (var file in Directory.EnumerateFiles(template.DataFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.DataFolder, Path.GetRelativePath(template.DataFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>Closes the pooled connections, so that a database just seeded can be copied.</summary>
    public static void ReleaseConnections()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// A context on this database with the system as actor: unrestricted, and its writes audited like any other, at
    /// the time <paramref name="clock"/> gives (by default the system clock).
    /// </summary>
    public AppDbContext OpenContext(TimeProvider? clock = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseUppsiktDatabase(Provider, ConnectionString);
        // The key the app generates into the data folder when none is configured, as the tests' apps run.
        return new AppDbContext(options.Options, new SystemActor("test"), clock ?? TimeProvider.System, AuditKeys.LoadOrCreate(DataFolder).Ring);
    }

    /// <summary>PostgreSQL's lock that every audited save takes first (<c>AppDbContext</c>), as a statement that takes it.</summary>
    public const string AuditLock = "SELECT pg_advisory_xact_lock(4242001)";

    /// <summary>
    /// Holds a lock from a connection of its own until disposed, as another writer would: on SQLite the database's single write
    /// lock (<c>BEGIN IMMEDIATE</c>), on PostgreSQL whatever <paramref name="postgresStatement"/> takes in an open transaction.
    /// </summary>
    public async Task<IAsyncDisposable> HoldAsync(string postgresStatement, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync(cancellationToken);
            return new Held(sqlite.BeginTransaction(deferred: false), sqlite);
        }
        var postgres = new NpgsqlConnection(ConnectionString);
        await postgres.OpenAsync(cancellationToken);
        var transaction = await postgres.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(postgresStatement, postgres, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new Held(transaction, postgres);
    }

    /// <summary>
    /// PostgreSQL only: whether another session on this database waits for a lock that <paramref name="lockCondition"/>
    /// picks out of <c>pg_locks</c> as <c>l</c> (for example <c>l.locktype = 'advisory'</c>).
    /// </summary>
    public async Task<bool> SomeoneWaitsForAsync(string lockCondition, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            + $"WHERE NOT l.granted AND a.datname = current_database() AND ({lockCondition})", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>A held lock; let go on the first dispose, so that a test may let go early and again in its <c>finally</c>.</summary>
    private sealed class Held(System.Data.Common.DbTransaction transaction, System.Data.Common.DbConnection connection) : IAsyncDisposable
    {
        private bool _released;

        public async ValueTask DisposeAsync()
        {
            if (_released)
            {
                return;
            }
            _released = true;
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        Directory.Delete(DataFolder, recursive: true);
    }
}
