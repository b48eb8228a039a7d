using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The verbs set process-wide state (environment, console), so their tests run alone.</summary>
[CollectionDefinition(nameof(AdminVerbs), DisableParallelization = true)]
public sealed class AdminVerbs;

/// <summary>The administration verbs run in-process, as <c>dotnet run -- VERB</c> would, each test on a database of its own.</summary>
[Collection(nameof(AdminVerbs))]
public sealed class AdminVerbTests : IAsyncLifetime
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateThenSeedDemoLoadTheDemoData()
    {
        var migrate = await RunAsync("migrate");
        var seed = await RunAsync("seed-demo");
        var again = await RunAsync("seed-demo");

        await using var db = Database.OpenContext();
        // Every migration the app ships, however many feature branches have added.
        var migrations = db.Database.GetMigrations().Count();
        Assert.Equal((0, $"Databasen är migrerad ({migrations} migreringar tillämpade)."), (migrate.Exit, migrate.Out.Trim()));
        Assert.Equal(0, seed.Exit);
        Assert.StartsWith("Demodata inlästa.", seed.Out, StringComparison.Ordinal);
        Assert.Equal((0, "Databasen innehåller redan data; inget ändrades."), (again.Exit, again.Out.Trim()));
        Assert.Equal(5, await db.Committees.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateApiTokenPrintsOnlyTheTokenWhichIsStoredHashed()
    {
        await PrepareAsync();

        var result = await RunAsync("create-api-token", "--user", Demo.QualityDeveloper);

        Assert.Equal(0, result.Exit);
        var token = result.Out.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', token);
        Assert.StartsWith("upk_", token, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        await using var db = Database.OpenContext();
        Assert.True(await db.ApiTokens.AnyAsync(t => t.TokenHash == hash && t.RevokedAt == null, TestContext.Current.CancellationToken),
            "The printed token's hash is not stored.");
    }

    [Fact]
    public async Task CreateApiTokenForAnUnknownUserFailsInSwedish()
    {
        await PrepareAsync();

        var result = await RunAsync("create-api-token", "--user", "ingen@uppsikt.example");

        Assert.NotEqual(0, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Contains("Det finns ingen användare med e-postadressen ingen@uppsikt.example.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUserWithAnUnknownRoleFailsInSwedishAndCreatesNoOne()
    {
        await PrepareAsync();

        var result = await RunAsync("create-user", "--email", "ny@uppsikt.example", "--name", "Ny Användare (fiktiv)", "--role", "Chef");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("Välj en roll: QualityDeveloper,", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        await using var db = Database.OpenContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "ny@uppsikt.example", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateUserWithAValidRoleCreatesTheAccountWithAGeneratedPassword()
    {
        await PrepareAsync();

        var result = await RunAsync("create-user", "--email", "ny@uppsikt.example", "--name", "Ny Användare (fiktiv)", "--role", "CaseWorker");

        Assert.Equal(0, result.Exit);
        Assert.Contains("Användaren ny@uppsikt.example är skapad.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Tillfälligt lösenord: ", result.Out, StringComparison.Ordinal);
        await using var db = Database.OpenContext();
        Assert.True(await db.Users.AnyAsync(u => u.Email == "ny@uppsikt.example", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("bara små bokstäver och mellanslag", 0)]
    [InlineData("ÅÄÖ-ÆØ-ÉÜ-ßλ", 0)]
    [InlineData("kort lösen", 1)]
    public async Task APasswordIsJudgedByItsLengthNotByWhichCharactersItMixes(string password, int exit)
    {
        await PrepareAsync();

        var result = await RunAsync("create-user", "--email", "ny@uppsikt.example", "--name", "Ny Användare (fiktiv)", "--role", "CaseWorker", "--password", password);

        Assert.Equal(exit, result.Exit);
        if (exit != 0)
        {
            Assert.Contains("Lösenordet måste ha minst 12 tecken.", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportKoladaUnitsAddsNackasHomeCareUnitsOnce()
    {
        await PrepareAsync();
        string[] import = ["import-kolada-units", "--file", RepositoryFiles.KoladaUnits, "--municipality", "0182", "--types", "V21"];

        var first = await RunAsync(import);
        var second = await RunAsync(import);

        Assert.Equal((0, "added: 17, updated: 0, skipped: 0"), (first.Exit, first.Out.Trim()));
        Assert.Equal((0, "added: 0, updated: 0, skipped: 17"), (second.Exit, second.Out.Trim()));
    }

    [Fact]
    public async Task ImportKoladaUnitsOfAnUnmappedTypeFailsInSwedish()
    {
        await PrepareAsync();

        var result = await RunAsync("import-kolada-units", "--file", RepositoryFiles.KoladaUnits, "--municipality", "0182", "--types", "V15");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("Inget kundval är kopplat till enhetstypen V15.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupWritesACopyThatCanBeRead()
    {
        await PrepareAsync();
        var target = Path.Combine(Database.DataFolder, "backup", "b.db");

        var result = await RunAsync("backup", "--out", target);
        var again = await RunAsync("backup", "--out", target);

        Assert.Equal(0, result.Exit);
        Assert.StartsWith("Säkerhetskopian är skriven till", result.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, again.Exit);
        Assert.Contains("finns redan; välj ett nytt filnamn.", again.Error, StringComparison.Ordinal);
        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = copy.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM \"Units\"";
            Assert.Equal(19L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        else
        {
            var header = new byte[5];
            await using var file = File.OpenRead(target);
            await file.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
            Assert.Equal("PGDMP", Encoding.ASCII.GetString(header));
        }
    }

    [Fact]
    public async Task VerifyAuditExitsZeroOnAnIntactTrailAndOneNamingTheRowWhenARowWasEdited()
    {
        await PrepareAsync();

        var checkpoint = await RunAsync("audit-checkpoint");
        var intact = await RunAsync("verify-audit");

        await using var db = Database.OpenContext();
        var last = await db.AuditEntries.MaxAsync(a => a.Id, TestContext.Current.CancellationToken);
        Assert.Equal(0, checkpoint.Exit);
        Assert.StartsWith($"Kontrollpunkten är skriven till {Path.Combine(Database.DataFolder, "audit-checkpoints.log")}: ", checkpoint.Out, StringComparison.Ordinal);
        Assert.EndsWith($" rader till och med rad {last}.", checkpoint.Out.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, intact.Exit);
        Assert.StartsWith("Ändringsloggen är intakt: ", intact.Out, StringComparison.Ordinal);
        Assert.Contains($"till och med rad {last} (1 kontrollpunkt i ", intact.Out, StringComparison.Ordinal);

        var middle = last / 2;
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'Någon annan' WHERE \"Id\" = {middle}", TestContext.Current.CancellationToken);
        var broken = await RunAsync("verify-audit");

        Assert.Equal(1, broken.Exit);
        var lines = broken.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Ändringsloggen är inte intakt: 1 fel hittades.", lines[0]);
        Assert.StartsWith($"- Kedjan är bruten vid rad {middle}: radens innehåll stämmer inte med dess kontrollsumma.", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpForAVerbExitsZeroAndDescribesItsOptions()
    {
        var result = await RunAsync("import-kolada-units", "--help");

        Assert.Equal(0, result.Exit);
        Assert.Contains("--municipality", result.Out, StringComparison.Ordinal);
        Assert.Contains("Kommunkod, till exempel 0182 för Nacka.", result.Out, StringComparison.Ordinal);
    }

    private async Task PrepareAsync()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        Assert.Equal(0, (await RunAsync("seed-demo")).Exit);
    }

    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => AdminVerbRunner.RunAsync(Database, args);
}
