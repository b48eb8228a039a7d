using System.CommandLine;
using System.Diagnostics;
using Uppsikt.Bench;

var scale = new Option<string>("--scale") { Description = "Storlek: " + string.Join(", ", Scale.All.Select(s => s.Name)) + ".", Required = true };
scale.AcceptOnlyFromAmong([.. Scale.All.Select(s => s.Name)]);
var dataFolder = new Option<DirectoryInfo>("--data-folder") { Description = "Mapp för den nya SQLite-databasen (får inte redan ha en).", Required = true };
var generate = new Command("generate", "Skapar en ny databas med demokontona och deterministiskt genererade, fiktiva registerdata.") { scale, dataFolder };
generate.SetAction(async (parse, cancellationToken) =>
{
    var chosen = Scale.Named(parse.GetValue(scale)!);
    var folder = parse.GetValue(dataFolder)!;
    if (File.Exists(Path.Combine(folder.FullName, "uppsikt.db")))
    {
        Console.Error.WriteLine($"{folder.FullName} already holds a database; the generator only fills a new one.");
        return 1;
    }
    var clock = Stopwatch.StartNew();
    var counts = await RegisterDataGenerator.GenerateAsync(chosen, folder.FullName, cancellationToken);
    Console.WriteLine($"{chosen.Name}: {counts} in {clock.Elapsed.TotalSeconds:F1} s ({folder.FullName})");
    return 0;
});

var rows = new Option<int>("--rows") { Description = "Antal resultatrader i filen.", DefaultValueFactory = _ => 1_000_000 };
var importFolder = new Option<DirectoryInfo?>("--data-folder") { Description = "Mapp för databasen och filen (standard: en ny tillfällig mapp)." };
var importResults = new Command("import-results", "Läser in indikatorresultat från CSV genom appens importväg och jämför med bara tolkningen av samma fil.") { rows, importFolder };
importResults.SetAction(async (parse, cancellationToken) =>
{
    var folder = parse.GetValue(importFolder)?.FullName ?? Directory.CreateTempSubdirectory("uppsikt-import-bench-").FullName;
    return await ImportBenchmark.RunAsync(parse.GetValue(rows), folder, cancellationToken);
});

var root = new RootCommand("Uppsikt bench: data generator and import benchmark.") { generate, importResults };
return await root.Parse(args).InvokeAsync();
