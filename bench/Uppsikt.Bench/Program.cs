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

var root = new RootCommand("Uppsikt bench: data generator for benchmarks.") { generate };
return await root.Parse(args).InvokeAsync();
