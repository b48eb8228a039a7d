using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Uppsikt.Data;
using Uppsikt.Web.Features.Admin;
using Uppsikt.Web.Infrastructure.Audit;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The <c>restore</c> verb, on whichever database the suite runs on: a backup comes back whole into an empty database (every
/// table's rows and content), an older one is migrated, and it refuses to overwrite data or to read a file that is no backup.
/// </summary>
[Collection(nameof(AdminVerbs))]
public sealed class RestoreTests : IAsyncLifetime
{
    private TestDatabase? _source;
    private TestDatabase? _target;

    private TestDatabase Source => _source ?? throw new InvalidOperationException("Not initialised.");

    private TestDatabase Target => _target ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _source = await TestDatabase.CreateAsync();
        _target = await TestDatabase.CreateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in new[] { _source, _target })
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ABackupRestoredIntoAnEmptyDatabaseHasEveryTableAsItWasAndAnIntactAuditTrail()
    {
        await PrepareAsync(Source);
        var backup = await BackupAsync(Source);
        // The audit key lives outside the database (decision 0035) and is put back beside it, as the operations guide says.
        File.Copy(AuditKeys.KeyFile(Source.DataFolder), AuditKeys.KeyFile(Target.DataFolder));
        // A database the app has only migrated holds nothing but the migrations' reference data, so it counts as empty.
        Assert.Equal(0, (await AdminVerbRunner.RunAsync(Target, "migrate")).Exit);

        var restore = await AdminVerbRunner.RunAsync(Target, "restore", "--file", backup);

        Assert.True(restore.Exit == 0, restore.Error);
        var lines = restore.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Databasen är återställd från {backup} och var redan uppdaterad.", lines[0]);
        Assert.StartsWith("Ändringsloggen är intakt: ", lines[1], StringComparison.Ordinal);
        var expected = await SnapshotAsync(Source);
        Assert.Contains(expected, t => t.StartsWith("Units: 19 rows", StringComparison.Ordinal));
        Assert.Equal(expected, await SnapshotAsync(Target));
    }

    [Fact]
    public async Task AnOlderBackupIsMigratedToTheLatestSchemaAfterTheRestore()
    {
        await using (var db = Source.OpenContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2], TestContext.Current.CancellationToken);
        }
        var backup = await BackupAsync(Source);

        var restore = await AdminVerbRunner.RunAsync(Target, "restore", "--file", backup);

        Assert.True(restore.Exit == 0, restore.Out + restore.Error);
        Assert.StartsWith($"Databasen är återställd från {backup} och migrerad till senaste schemat: 1 migrering tillämpad.", restore.Out, StringComparison.Ordinal);
        await using var restored = Target.OpenContext();
        Assert.Empty(await restored.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ADatabaseWithDataIsReplacedOnlyWithForce()
    {
        await PrepareAsync(Source);
        var backup = await BackupAsync(Source);
        var created = await AdminVerbRunner.RunAsync(Source, "create-user", "--email", "efter@uppsikt.example", "--name", "Efter Säkerhetskopian (fiktiv)",
            "--role", "CaseWorker");
        Assert.Equal(0, created.Exit);

        var refused = await AdminVerbRunner.RunAsync(Source, "restore", "--file", backup);

        Assert.True(refused.Exit == 1 && refused.Out.Length == 0, refused.Out + refused.Error);
        Assert.Contains("Databasen innehåller redan data (bland annat i tabellen ", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Ange --force för att ersätta den ändå", refused.Error, StringComparison.Ordinal);
        Assert.True(await UserExistsAsync(Source, "efter@uppsikt.example"), "A refused restore changed the database.");

        var forced = await AdminVerbRunner.RunAsync(Source, "restore", "--file", backup, "--force");

        Assert.True(forced.Exit == 0, forced.Error);
        Assert.Contains("Ändringsloggen är intakt: ", forced.Out, StringComparison.Ordinal);
        Assert.False(await UserExistsAsync(Source, "efter@uppsikt.example"), "The forced restore left what was added after the backup.");
    }

    [Fact]
    public async Task AFileThatIsNotABackupOfThisKindOfDatabaseIsRefusedAndNothingChanges()
    {
        Assert.Equal(0, (await AdminVerbRunner.RunAsync(Target, "migrate")).Exit);
        var folder = Directory.CreateDirectory(Path.Combine(Target.DataFolder, "backup")).FullName;
        var text = Path.Combine(folder, "anteckningar.txt");
        await File.WriteAllTextAsync(text, "Det här är ingen säkerhetskopia.", TestContext.Current.CancellationToken);
        // The other provider's backup: its first bytes are enough to tell.
        var other = Path.Combine(folder, "annan");
        await File.WriteAllTextAsync(other, Target.Provider == DatabaseProvider.Sqlite ? "PGDMP och mer" : "SQLite format 3\0 och mer",
            TestContext.Current.CancellationToken);
        var before = await SnapshotAsync(Target);

        var notABackup = await AdminVerbRunner.RunAsync(Target, "restore", "--file", text, "--force");
        var wrongKind = await AdminVerbRunner.RunAsync(Target, "restore", "--file", other, "--force");
        var missing = await AdminVerbRunner.RunAsync(Target, "restore", "--file", Path.Combine(folder, "finns-inte.db"));

        Assert.Equal((1, ""), (notABackup.Exit, notABackup.Out));
        Assert.Contains($"Filen {text} är ingen säkerhetskopia från kommandot backup: den är varken en SQLite-databas eller ett arkiv från pg_dump i " +
            "custom-format. Inget ändrades.", notABackup.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongKind.Exit);
        Assert.Contains("En säkerhetskopia kan bara återställas till samma slags databas. Inget ändrades.", wrongKind.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.Exit);
        Assert.Contains("finns-inte.db finns inte.", missing.Error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(Target));
    }

    private static async Task PrepareAsync(TestDatabase database)
    {
        Assert.Equal(0, (await AdminVerbRunner.RunAsync(database, "migrate")).Exit);
        Assert.Equal(0, (await AdminVerbRunner.RunAsync(database, "seed-demo")).Exit);
    }

    private static async Task<string> BackupAsync(TestDatabase database)
    {
        var file = Path.Combine(database.DataFolder, "backup", database.Provider == DatabaseProvider.Sqlite ? "uppsikt.db" : "uppsikt.dump");
        var backup = await AdminVerbRunner.RunAsync(database, "backup", "--out", file);
        Assert.True(backup.Exit == 0, backup.Error);
        return file;
    }

    private static async Task<bool> UserExistsAsync(TestDatabase database, string email)
    {
        await using var db = database.OpenContext();
        return await db.Users.AnyAsync(u => u.Email == email, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Every table of the schema, which must include every table of the EF model, as "table: N rows, hash": the hash is over
    /// every row's every column, rows in sorted order so that the order the database returns them in does not matter.
    /// </summary>
    private static async Task<List<string>> SnapshotAsync(TestDatabase database)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = database.OpenContext();
        var tables = await DatabaseRestore.TablesAsync(db, cancellationToken);
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();
        Assert.Empty(modelTables.Except(tables, StringComparer.Ordinal));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var snapshot = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM " + DatabaseRestore.Quoted(table);
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i) + "=" + Text(reader.GetValue(i)))));
                }
            }
            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
            snapshot.Add($"{table}: {rows.Count} rows, {hash}");
        }
        return snapshot;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
