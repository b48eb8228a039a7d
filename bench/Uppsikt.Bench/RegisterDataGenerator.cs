using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Bench;

public sealed record GeneratedCounts(
    int Committees, int ChoiceSystems, int Providers, int Authorisations, int Units, ReviewHistoryGenerator.Counts History, RiskSignalGenerator.Counts Risk)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Committees} committees, {ChoiceSystems} choice systems, {Providers} providers, {Authorisations} authorisations, {Units} units, "
        + $"{History.Reviews} reviews with {History.Findings} findings; history unit {History.HistoryUnitId} "
        + $"({History.Complaints} complaints, {History.Incidents} incidents); risk signals: {Risk.Complaints} complaints, {Risk.Incidents} incidents, "
        + $"{Risk.ActionPlans} action plans, {Risk.ChangeReports} reported changes, {Risk.Attestations} attestations, {Risk.Outcomes} indicator results");
}

/// <summary>
/// Fills a new database (SQLite in the data folder, or an empty PostgreSQL database) with the demo data (for its users) and a
/// register of the chosen scale, generated from a fixed seed so that every run makes the same names, numbers and ids, with its
/// review history and risk signals. Everything is written through the app's own <see cref="AppDbContext"/>, so the data is
/// audited like any other.
/// </summary>
public sealed class RegisterDataGenerator(AppDbContext db, DemoData demo, ReviewHistoryGenerator history, RiskSignalGenerator risk, TimeProvider clock)
{
    private const int Seed = 20261123;
    private const int BatchSize = 1_000;

    private static readonly string[] Places =
    [
        "Norrmalm", "Södermalm", "Kungsholmen", "Vasastan", "Östermalm", "Bromma", "Hägersten", "Skärholmen", "Farsta", "Enskede",
        "Vällingby", "Spånga", "Kista", "Rinkeby", "Älvsjö", "Skarpnäck", "Hässelby", "Liljeholmen", "Årsta", "Bagarmossen",
    ];

    private static readonly string[] ProviderWords =
    [
        "Solbacken", "Lindgården", "Björkdalen", "Ekhagen", "Strandängen", "Tallbacken", "Vintergatan", "Fyrbåken", "Ängsbacken",
        "Sjöglimten", "Rönnen", "Klövern", "Lärkan", "Ankaret", "Gläntan", "Vågen",
    ];

    private sealed record Area(string Name, LegalBasis Basis, string? Kolada, string[] Services);

    private static readonly Area[] Areas =
    [
        new("Hemtjänst", LegalBasis.SoL, "V21", ["Hemtjänst", "Ledsagning", "Avlösning"]),
        new("Särskilt boende för äldre", LegalBasis.SoL, "V23", ["Vård- och omsorgsboende"]),
        new("Dagverksamhet för äldre", LegalBasis.SoL, null, ["Dagverksamhet"]),
        new("Bostad med särskild service enligt LSS", LegalBasis.Lss, "V25", ["Gruppbostad", "Servicebostad"]),
        new("Daglig verksamhet enligt LSS", LegalBasis.Lss, "V26", ["Daglig verksamhet"]),
        new("Boendestöd", LegalBasis.SoL, null, ["Boendestöd"]),
        new("Förskola", LegalBasis.SchoolAct, "V11", ["Förskola"]),
        new("Arbetsmarknadsinsatser", LegalBasis.None, null, ["Arbetsmarknadsinsatser"]),
    ];

    private readonly Random _random = new(Seed);

    /// <summary>
    /// The app's database settings for a data folder: its SQLite file, or with <paramref name="postgres"/> that PostgreSQL
    /// database (the folder then holds only the files), as the app reads them (<see cref="DatabaseSettings"/>).
    /// </summary>
    public static IConfiguration Configuration(string dataFolder, string? postgres = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres is null ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.Postgres),
            ["Database:DataFolder"] = dataFolder,
            ["ConnectionStrings:Uppsikt"] = postgres,
        }).Build();

    /// <summary>
    /// Whether the data folder's SQLite file exists, or with <paramref name="postgres"/> whether that database exists and has the
    /// app's schema (any migration applied): the generator fills only a new database.
    /// </summary>
    public static async Task<bool> HoldsDatabaseAsync(string dataFolder, string? postgres, CancellationToken cancellationToken)
    {
        if (postgres is null)
        {
            return File.Exists(Path.Combine(dataFolder, "uppsikt.db"));
        }
        await using var connection = new NpgsqlConnection(postgres);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false; // The database does not exist yet; migrating creates it.
        }
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", connection);
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return false;
        }
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>Creates the database in <paramref name="dataFolder"/> (or in <paramref name="postgres"/>), which must not already hold one.</summary>
    /// <param name="riskSignals">Add <see cref="RiskSignalGenerator"/>'s records; the import benchmark leaves them out, for its file
    /// would otherwise update the generated indicator results.</param>
    public static async Task<GeneratedCounts> GenerateAsync(
        Scale scale, string dataFolder, CancellationToken cancellationToken, string? postgres = null, bool riskSignals = true)
    {
        var configuration = Configuration(dataFolder, postgres);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddUppsiktDatabase(configuration)
            .AddUppsiktActor()
            .AddUppsiktFiles()
            .AddScoped<DemoData>()
            .AddScoped<RegisterDataGenerator>()
            .AddScoped<ReviewHistoryGenerator>()
            .AddScoped<RiskSignalGenerator>();
        services.AddUppsiktIdentityCore();
        // Every timeline source of the app's features, so that the generated records' timeline entries are written as the records
        // are (decision 0027); the sources need nothing else of their features.
        services.AddUnitTimeline();
        foreach (var source in typeof(UnitHistory).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUnitHistorySource).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IUnitHistorySource), source);
        }
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        await DatabaseRegistration.MigrateAsync(provider, cancellationToken);
        await using var scope = provider.CreateSystemScope(new SystemActor("datagenerator"));
        return await scope.ServiceProvider.GetRequiredService<RegisterDataGenerator>().FillAsync(scale, riskSignals, cancellationToken);
    }

    private async Task<GeneratedCounts> FillAsync(Scale scale, bool riskSignals, CancellationToken cancellationToken)
    {
        // The demo data brings the demo users (and Nacka's committees); the generated register comes on top.
        await demo.SeedAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var districts = Enumerable.Range(1, scale.Districts)
            .Select(i => new Administration { Id = NextId(), Name = $"Stadsdelsförvaltning Exempel {i} (fiktiv)", IsDistrict = true })
            .ToList();
        var committees = Enumerable.Range(1, scale.Committees)
            .Select(i => new Committee { Id = NextId(), Name = $"Exempelnämnd {i} (fiktiv)", Description = "Genererad för prestandamätning." })
            .ToList();
        var choiceSystems = Enumerable.Range(0, scale.ChoiceSystems).Select(i => ChoiceSystem(i, committees[i % committees.Count])).ToList();
        db.Administrations.AddRange(districts);
        db.Committees.AddRange(committees);
        db.ChoiceSystems.AddRange(choiceSystems);
        await SaveBatchAsync(cancellationToken);

        var providers = Enumerable.Range(0, scale.Providers).Select(Provider).ToList();
        var authorised = new Dictionary<Guid, List<ChoiceSystem>>();
        var authorisations = 0;
        foreach (var batch in providers.Chunk(BatchSize / 2))
        {
            foreach (var provider in batch)
            {
                db.Providers.Add(provider);
                var choices = Pick(choiceSystems, 1 + _random.Next(3));
                authorised[provider.Id] = choices;
                foreach (var choice in choices)
                {
                    db.Authorisations.Add(Authorisation(provider, choice, ++authorisations));
                }
            }
            await SaveBatchAsync(cancellationToken);
        }

        var units = 0;
        var openUnits = new List<Guid>();
        while (units < scale.Units)
        {
            // The choice systems a batch links to are already saved: attach them so they are not inserted again.
            db.ChoiceSystems.AttachRange(choiceSystems);
            for (var i = 0; i < BatchSize && units < scale.Units; i++, units++)
            {
                // Every provider gets at least one unit; the rest are spread at random.
                var provider = units < providers.Count ? providers[units] : providers[_random.Next(providers.Count)];
                var unit = Unit(units, provider, authorised[provider.Id], districts);
                db.Units.Add(unit);
                if (unit.ClosedOn is null)
                {
                    openUnits.Add(unit.Id);
                }
            }
            await SaveBatchAsync(cancellationToken);
        }
        var reviews = await history.FillAsync(openUnits, clock.SwedishToday(), cancellationToken);
        var signals = riskSignals ? await risk.FillAsync(openUnits, clock.SwedishToday(), cancellationToken) : new RiskSignalGenerator.Counts(0, 0, 0, 0, 0, 0);
        return new GeneratedCounts(committees.Count, choiceSystems.Count, providers.Count, authorisations, units, reviews, signals);
    }

    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private ChoiceSystem ChoiceSystem(int index, Committee committee)
    {
        var area = Areas[index % Areas.Length];
        var choice = new ChoiceSystem
        {
            Id = NextId(),
            Name = $"{area.Name}, område {index / Areas.Length + 1} (fiktiv)",
            Committee = committee,
            LegalBasis = area.Basis,
            OperatingForm = OperatingForm.LovChoice,
            KoladaUnitTypes = area.Kolada,
        };
        choice.Services.AddRange(area.Services.Select(name => new Service { Id = NextId(), Name = name }));
        return choice;
    }

    private Provider Provider(int index)
    {
        var word = ProviderWords[_random.Next(ProviderWords.Length)];
        var serial = (index + 1).ToString("D4", CultureInfo.InvariantCulture);
        var (form, ownership, suffix, group) = _random.Next(10) switch
        {
            < 7 => (LegalForm.LimitedCompany, Ownership.Private, "Exempel AB", "55"),
            7 => (LegalForm.EconomicAssociation, Ownership.NonProfit, "ekonomisk förening", "76"),
            8 => (LegalForm.NonProfitAssociation, Ownership.NonProfit, "ideell förening", "80"),
            _ => (LegalForm.Foundation, Ownership.NonProfit, "stiftelse", "80"),
        };
        var city = Places[_random.Next(Places.Length)];
        return new Provider
        {
            Id = NextId(),
            Name = $"{word} {serial} {suffix} (fiktiv)",
            OrganisationNumber = FictitiousOrganisationNumber(group, index),
            LegalForm = form,
            Ownership = ownership,
            StreetAddress = $"Exempelvägen {_random.Next(1, 120)}",
            PostalCode = PostalCode(),
            City = city,
            Email = $"info@anordnare{serial}.example",
        };
    }

    /// <summary>
    /// A valid organisation number from a series kept for generated data: the group digits, 991 and a four-digit
    /// serial, then the Luhn check digit. The demo data's series (…9900NNN) never meets it.
    /// </summary>
    private static string FictitiousOrganisationNumber(string group, int serial)
    {
        var nine = string.Create(CultureInfo.InvariantCulture, $"{group}991{serial:D4}");
        return OrganisationNumber.Parse($"{nine}{OrganisationNumber.LuhnCheckDigit(nine)}").Value;
    }

    private Authorisation Authorisation(Provider provider, ChoiceSystem choice, int serial)
    {
        var from = new DateOnly(2015, 1, 1).AddDays(_random.Next(3_650));
        var status = _random.Next(20) switch
        {
            0 => AuthorisationStatus.Suspended,
            1 => AuthorisationStatus.Terminated,
            _ => AuthorisationStatus.Active,
        };
        return new Authorisation
        {
            Id = NextId(),
            ProviderId = provider.Id,
            ChoiceSystemId = choice.Id,
            Kind = AgreementKind.Authorisation,
            Status = status,
            CaseNumber = string.Create(CultureInfo.InvariantCulture, $"EXS-{from.Year}-{serial:D5}"),
            DecidedOn = from.AddMonths(-2),
            ValidFrom = from,
            ValidTo = status == AuthorisationStatus.Terminated ? from.AddYears(3) : null,
        };
    }

    private Unit Unit(int index, Provider provider, List<ChoiceSystem> authorised, List<Administration> districts)
    {
        var place = Places[_random.Next(Places.Length)];
        var choices = Pick(authorised, _random.Next(5) == 0 ? 2 : 1);
        var unit = new Unit
        {
            Id = NextId(),
            Name = string.Create(CultureInfo.InvariantCulture, $"{provider.Name.Split(' ')[0]} {choices[0].Services[0].Name.ToLowerInvariant()} {place} {index + 1} (fiktiv)"),
            ProviderId = provider.Id,
            Ownership = provider.Ownership,
            StreetAddress = $"Exempelgatan {_random.Next(1, 200)}",
            PostalCode = PostalCode(),
            City = place,
            Capacity = _random.Next(5, 201),
            AdministrationId = districts.Count > 0 && _random.Next(3) == 0 ? districts[_random.Next(districts.Count)].Id : null,
            ClosedOn = _random.Next(30) == 0 ? new DateOnly(2024, 1, 1).AddDays(_random.Next(600)) : null,
        };
        unit.ChoiceSystems.AddRange(choices);
        return unit;
    }

    private string PostalCode() => string.Create(CultureInfo.InvariantCulture, $"1{_random.Next(10, 99)} {_random.Next(10, 99)}");

    /// <summary>Up to <paramref name="count"/> distinct items, chosen at random.</summary>
    private List<T> Pick<T>(List<T> items, int count) =>
        [.. items.OrderBy(_ => _random.Next()).Take(Math.Min(count, items.Count))];

    /// <summary>An id from the seeded generator, so that a run makes the same ids (and URLs) every time.</summary>
    private Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
