using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sylvan.Data.Csv;
using Uppsikt.Data;
using Uppsikt.Domain.Imports;
using Uppsikt.Web.Features.Evidence;
using Uppsikt.Web.Features.Evidence.Indicators;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Bench;

/// <summary>
/// Imports a CSV of indicator results through the app's real import path (upload store and hash, the queued runner, the
/// processor, bulk upsert, averages, audit) on SQLite in a new data folder, and parses the same file with the same CSV
/// library and no checks (the floor), in the same run; between them, the same parse storing each row in a bare table
/// (the store floor: what keeping the rows costs at all). Prints the three times and their ratios.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(int rows, string dataFolder, CancellationToken cancellationToken)
    {
        await RegisterDataGenerator.GenerateAsync(Scale.Named("nacka"), dataFolder, cancellationToken, riskSignals: false);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["Database:DataFolder"] = dataFolder,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddUppsiktDatabase(configuration)
            .AddUppsiktActor()
            .AddImports()
            .AddEvidenceFeature();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var file = Path.Combine(dataFolder, "results.csv");
        await WriteFileAsync(provider, file, rows, cancellationToken);
        Console.WriteLine($"File: {rows:N0} rows, {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB");

        // Warm both paths on a small file so that neither pays for JIT in the measurement.
        var warm = Path.Combine(dataFolder, "warm.csv");
        await File.WriteAllLinesAsync(warm, File.ReadLines(file).Take(2_000), cancellationToken);
        Floor(warm);
        StoreFloor(warm, Path.Combine(dataFolder, "store-warm.db"));
        await ImportAsync(provider, warm, cancellationToken);

        var process = Process.GetCurrentProcess();
        var floorClock = Stopwatch.StartNew();
        var floorCpu = process.TotalProcessorTime;
        var parsed = Floor(file);
        var floor = floorClock.Elapsed;
        process.Refresh();
        floorCpu = process.TotalProcessorTime - floorCpu;

        var storeClock = Stopwatch.StartNew();
        var storeCpu = process.TotalProcessorTime;
        StoreFloor(file, Path.Combine(dataFolder, "store-floor.db"));
        var store = storeClock.Elapsed;
        process.Refresh();
        storeCpu = process.TotalProcessorTime - storeCpu;

        var importClock = Stopwatch.StartNew();
        var importCpu = process.TotalProcessorTime;
        var report = await ImportAsync(provider, file, cancellationToken);
        var import = importClock.Elapsed;
        process.Refresh();
        importCpu = process.TotalProcessorTime - importCpu;

        // The CPU time of the process beside the elapsed time: on a shared machine it shows how much of the elapsed
        // time was waiting for a core.
        Console.WriteLine($"Floor (Sylvan parse, no checks): {floor.TotalSeconds:F2} s (CPU {floorCpu.TotalSeconds:F2} s) for {parsed:N0} rows");
        Console.WriteLine($"Store floor (parse + rows into a bare SQLite table, no checks, key or index): {store.TotalSeconds:F2} s (CPU {storeCpu.TotalSeconds:F2} s), {store / floor:F1}x the floor");
        Console.WriteLine($"Import (real path, SQLite):      {import.TotalSeconds:F2} s (CPU {importCpu.TotalSeconds:F2} s), {report.Status}: {report.RowsAdded:N0} added, {report.RowsUpdated:N0} updated, {report.RowsUnchanged:N0} unchanged, {report.RowsRejected:N0} rejected");
        Console.WriteLine($"Ratio import / floor: {import / floor:F1}x (target ≤ 3x); import under 20 s: {(import.TotalSeconds < 20 ? "yes" : "no")}");
        Console.WriteLine($"Ratio import / store floor: {import / store:F1}x (what the checks, the key, the indexes and the upsert add to storing at all)");
        // The warm-up imported the file's first rows already; they are read again and found unchanged.
        return report.Status == ImportStatus.Succeeded && report.RowsAdded + report.RowsUnchanged == rows ? 0 : 1;
    }

    private static async Task<DataImport> ImportAsync(ServiceProvider provider, string file, CancellationToken cancellationToken)
    {
        Guid id;
        await using (var scope = provider.CreateSystemScope(new SystemActor("importbenchmark")))
        {
            await using var stream = File.OpenRead(file);
            var start = await scope.ServiceProvider.GetRequiredService<DataImports>().StartAsync(IndicatorResultImport.ImportKind, stream, Path.GetFileName(file), cancellationToken);
            id = start.Record?.Id ?? throw new InvalidOperationException(start.Refusal?.Message);
        }
        // What the web app's background worker does with the queued import.
        await provider.GetRequiredService<ImportRunner>().RunAsync(id, cancellationToken);
        await using var read = provider.CreateSystemScope(new SystemActor("importbenchmark"));
        return await read.ServiceProvider.GetRequiredService<AppDbContext>().DataImports.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>Reads every field of every row with the import's CSV library and parses the numbers; nothing else.</summary>
    private static int Floor(string file)
    {
        using var text = new StreamReader(file, new UTF8Encoding(true, true));
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var rows = 0;
        var sum = 0.0;
        while (csv.Read())
        {
            _ = csv.GetFieldSpan(0);
            _ = csv.GetFieldSpan(1);
            sum += int.Parse(csv.GetFieldSpan(2), CultureInfo.InvariantCulture);
            _ = csv.GetFieldSpan(3);
            TableColumns.TryParseNumber(csv.GetFieldSpan(4), out var value);
            sum += value;
            rows++;
        }
        return sum > 0 ? rows : 0;
    }

    /// <summary>
    /// The least an import that keeps its rows can do: the floor's parse, and each row put into a new SQLite table with
    /// no key, index or constraint, by one prepared statement in one transaction, through the same driver as the app.
    /// </summary>
    private static void StoreFloor(string file, string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; DROP TABLE IF EXISTS rows; CREATE TABLE rows (indicator TEXT, unit TEXT, year INTEGER, part TEXT, value REAL)";
            setup.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO rows VALUES (@i, @u, @y, @p, @v)";
        var parameters = new[] { "@i", "@u", "@y", "@p", "@v" }.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        using var text = new StreamReader(file, new UTF8Encoding(true, true));
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        while (csv.Read())
        {
            parameters[0].Value = csv.GetString(0);
            parameters[1].Value = csv.GetString(1);
            parameters[2].Value = int.Parse(csv.GetFieldSpan(2), CultureInfo.InvariantCulture);
            parameters[3].Value = csv.GetString(3);
            TableColumns.TryParseNumber(csv.GetFieldSpan(4), out var value);
            parameters[4].Value = value;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Distinct (indicator, unit, period) rows over the demo indicators, the register's units and every period form.</summary>
    private static async Task WriteFileAsync(ServiceProvider provider, string file, int rows, CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateSystemScope(new SystemActor("importbenchmark"));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var indicators = await db.Indicators.OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(cancellationToken);
        var units = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        string[] parts = ["", "T1", "T2", "T3", .. Enumerable.Range(1, 12).Select(m => m.ToString(CultureInfo.InvariantCulture))];
        var random = new Random(20261123);
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("indikator;enhet;år;period;värde");
        var written = 0;
        for (var year = 1990; year <= 2100 && written < rows; year++)
        {
            foreach (var part in parts)
            {
                foreach (var unit in units)
                {
                    foreach (var indicator in indicators)
                    {
                        if (written++ == rows)
                        {
                            return;
                        }
                        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{indicator};{unit};{year};{part};{(random.Next(0, 1000) / 10.0).ToString(SwedishText.Culture)}"));
                    }
                }
            }
        }
    }
}
