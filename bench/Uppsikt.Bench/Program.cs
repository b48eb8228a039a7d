using System.CommandLine;
using System.Diagnostics;
using Uppsikt.Bench;

var scale = new Option<string>("--scale") { Description = "Storlek: " + string.Join(", ", Scale.All.Select(s => s.Name)) + ".", Required = true };
scale.AcceptOnlyFromAmong([.. Scale.All.Select(s => s.Name)]);
var dataFolder = new Option<DirectoryInfo>("--data-folder") { Description = "Mapp för den nya SQLite-databasen (får inte redan ha en).", Required = true };
var postgres = new Option<string?>("--postgres") { Description = "Anslutningssträng till en tom PostgreSQL-databas att fylla i stället för SQLite (mappen får då bara filerna)." };
var generate = new Command("generate", "Skapar en ny databas med demokontona och deterministiskt genererade, fiktiva registerdata.") { scale, dataFolder, postgres };
generate.SetAction(async (parse, cancellationToken) =>
{
    var chosen = Scale.Named(parse.GetValue(scale)!);
    var folder = parse.GetValue(dataFolder)!;
    var connection = parse.GetValue(postgres);
    if (await RegisterDataGenerator.HoldsDatabaseAsync(folder.FullName, connection, cancellationToken))
    {
        Console.Error.WriteLine($"{(connection is null ? folder.FullName : "The PostgreSQL database")} already holds a database; the generator only fills a new one.");
        return 1;
    }
    var clock = Stopwatch.StartNew();
    var counts = await RegisterDataGenerator.GenerateAsync(chosen, folder.FullName, cancellationToken, connection);
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

var riskFolder = new Option<DirectoryInfo>("--data-folder") { Description = "Mapp med en storstad-databas från generate (genereras dit om den saknas).", Required = true };
var riskPostgres = new Option<string?>("--postgres") { Description = "Anslutningssträng: mät mot PostgreSQL i stället för SQLite (databasen genereras om den är tom)." };
var riskRounds = new Option<int>("--rounds") { Description = "Antal mätomgångar efter uppvärmningen.", DefaultValueFactory = _ => 9 };
var risk = new Command("risk", "Riskpoäng för varje enhet och årets urval för varje nämnd genom appens väg, jämfört med en SQL-fråga över samma tabeller.")
{
    riskFolder, riskPostgres, riskRounds,
};
risk.SetAction(async (parse, cancellationToken) =>
    await RiskBenchmark.RunAsync(parse.GetValue(riskFolder)!.FullName, parse.GetValue(riskPostgres), Math.Max(1, parse.GetValue(riskRounds)), cancellationToken));

var root = new RootCommand("Uppsikt bench: data generator, import and risk benchmarks.") { generate, importResults, risk };
return await root.Parse(args).InvokeAsync();
