using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Uppsikt.Data;
using Uppsikt.Web.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Audit;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Admin;

/// <summary>
/// The administration verbs of the same executable: <c>dotnet run --project src/Uppsikt.Web -- VERB</c>.
/// They read the same settings as the web app (appsettings, environment variables such as <c>Database__Provider</c>).
/// </summary>
public static class AdminCommandLine
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-user", "create-api-token", "import-kolada-units", "backup", "restore", "verify-audit", "audit-checkpoint", "--help", "-h", "-?"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Uppsikt: administrationskommandon. Utan kommando startar webbapplikationen.");
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(SeedDemo());
        root.Subcommands.Add(CreateUser());
        root.Subcommands.Add(CreateApiToken());
        root.Subcommands.Add(ImportKoladaUnits());
        root.Subcommands.Add(Backup());
        root.Subcommands.Add(Restore());
        root.Subcommands.Add(VerifyAudit());
        root.Subcommands.Add(AuditCheckpoint());
        return await root.Parse(args).InvokeAsync();
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Skapar eller uppgraderar databasen till senaste schemat.");
        command.SetAction((_, cancellationToken) => WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await DatabaseRegistration.MigrateAsync(services, cancellationToken);
            Console.WriteLine(pending == 0 ? "Databasen är redan uppdaterad." : $"Databasen är migrerad ({pending} migreringar tillämpade).");
            return 0;
        }));
        return command;
    }

    private static Command SeedDemo()
    {
        var command = new Command("seed-demo", "Läser in demodata (fiktiva anordnare, enheter och demokonton) i en tom databas.");
        command.SetAction((_, cancellationToken) => WithServicesAsync(async services =>
        {
            var loaded = await services.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
            Console.WriteLine(loaded
                ? $"Demodata inlästa. Lösenord för demokontona: {DemoData.Password}"
                : "Databasen innehåller redan data; inget ändrades.");
            return 0;
        }));
        return command;
    }

    private static Command CreateUser()
    {
        var email = new Option<string>("--email") { Description = "E-postadress (används för inloggning).", Required = true };
        var name = new Option<string>("--name") { Description = "Namn som visas.", Required = true };
        var role = new Option<string>("--role") { Description = "Roll: " + string.Join(", ", Domain.Identity.Roles.All) + ".", Required = true };
        var password = new Option<string?>("--password") { Description = "Lösenord (minst 12 tecken). Utelämnas det skapas ett och skrivs ut." };
        var provider = new Option<string?>("--provider") { Description = "Anordnarens organisationsnummer (för rollen ProviderUser)." };
        var administration = new Option<string?>("--administration") { Description = "Förvaltningens namn (för rollen DistrictFollowUp)." };
        var expires = new Option<DateOnly?>("--expires") { Description = "Sista dag behörigheten gäller (ÅÅÅÅ-MM-DD)." };
        var command = new Command("create-user", "Skapar en användare med en roll.") { email, name, role, password, provider, administration, expires };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            Guid? administrationId = null;
            if (parse.GetValue(administration) is { } administrationName)
            {
                administrationId = await db.Administrations.Where(a => a.Name == administrationName).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
                if (administrationId is null)
                {
                    return Fail($"Det finns ingen förvaltning som heter ”{administrationName}”.");
                }
            }
            var (user, generated, errors) = await services.GetRequiredService<UserAdministration>().CreateAsync(new NewUser(
                parse.GetValue(email), parse.GetValue(name), parse.GetValue(role), parse.GetValue(password), parse.GetValue(provider),
                administrationId, parse.GetValue(expires)), cancellationToken);
            if (user is null)
            {
                return Fail(string.Join(Environment.NewLine, errors.SelectMany(e => e.Value)));
            }
            Console.WriteLine($"Användaren {user.Email} är skapad.");
            if (generated is not null)
            {
                Console.WriteLine($"Tillfälligt lösenord: {generated}");
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateApiToken()
    {
        var user = new Option<string>("--user") { Description = "Användarens e-postadress; nyckeln får användarens behörigheter.", Required = true };
        var name = new Option<string?>("--name") { Description = "Vad nyckeln används till." };
        var command = new Command("create-api-token", "Skapar en API-nyckel och skriver ut den (bara nyckeln) på standard ut.") { user, name };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(async services =>
        {
            var email = parse.GetValue(user)!;
            var account = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email.Trim());
            if (account is null)
            {
                return Fail($"Det finns ingen användare med e-postadressen {email}.");
            }
            var tokenName = parse.GetValue(name) ?? $"Kommandorad {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            var (_, secret) = await services.GetRequiredService<ApiTokenService>().CreateAsync(account, tokenName, cancellationToken);
            Console.WriteLine(secret);
            return 0;
        }));
        return command;
    }

    private static Command ImportKoladaUnits()
    {
        var file = new Option<FileInfo>("--file") { Description = "Koladas enhetsregister (ou.json).", Required = true };
        var municipality = new Option<string>("--municipality") { Description = "Kommunkod, till exempel 0182 för Nacka.", Required = true };
        var types = new Option<string>("--types") { Description = "Enhetstyper, kommaseparerade, till exempel V21,V23.", Required = true };
        var command = new Command("import-kolada-units", "Importerar en kommuns enheter av valda typer från Koladas enhetsregister.") { file, municipality, types };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return Fail($"Filen {path.FullName} finns inte. Observera att dotnet run --project kör i projektets mapp: ange en absolut sökväg, till exempel \"$PWD/ou.json\".");
            }
            await using var stream = path.OpenRead();
            var report = await services.GetRequiredService<KoladaUnitImport>().ImportAsync(stream, parse.GetValue(municipality)!,
                parse.GetValue(types)!.Split(',', StringSplitOptions.RemoveEmptyEntries), cancellationToken);
            if (!report.Succeeded)
            {
                return Fail(string.Join(Environment.NewLine, report.Errors));
            }
            Console.WriteLine($"added: {report.Added}, updated: {report.Updated}, skipped: {report.Skipped}");
            return 0;
        }));
        return command;
    }

    private static Command Backup()
    {
        var output = new Option<FileInfo>("--out") { Description = "Fil att skriva säkerhetskopian till (får inte finnas).", Required = true };
        var command = new Command("backup", "Tar en konsistent säkerhetskopia av databasen medan appen kör.") { output };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(async services =>
        {
            var target = parse.GetValue(output)!;
            if (target.Exists)
            {
                return Fail($"{target.FullName} finns redan; välj ett nytt filnamn.");
            }
            target.Directory?.Create();
            var db = services.GetRequiredService<AppDbContext>();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [target.FullName], cancellationToken);
            }
            else
            {
                var connectionString = db.Database.GetConnectionString()!;
                var run = await PostgresTools.RunAsync("pg_dump",
                    ["--format=custom", "--file", target.FullName, .. PostgresTools.ConnectionArguments(connectionString)], connectionString, cancellationToken);
                if (run.ExitCode != 0)
                {
                    return Fail(run.FailureText("pg_dump"));
                }
            }
            Console.WriteLine($"Säkerhetskopian är skriven till {target.FullName} ({new FileInfo(target.FullName).Length:N0} byte).");
            return 0;
        }));
        return command;
    }

    private static Command VerifyAudit()
    {
        var command = new Command("verify-audit",
            "Kontrollerar ändringsloggens kedja och kontrollpunkter och skriver ut vad som hittades. Avslutas med kod 1 om loggen inte är intakt.");
        command.SetAction((_, cancellationToken) => WithServicesAsync(services => VerifyAuditAsync(services, cancellationToken)));
        return command;
    }

    private static Command Restore()
    {
        var input = new Option<FileInfo>("--file") { Description = "Säkerhetskopian att återställa, skriven av kommandot backup.", Required = true };
        var force = new Option<bool>("--force") { Description = "Ersätt databasen även om den redan innehåller data." };
        var command = new Command("restore",
            "Återställer en säkerhetskopia från kommandot backup till den inställda databasen, migrerar den till senaste schemat och kontrollerar " +
            "ändringsloggen. Stoppa appen först. Vägrar skriva över en databas med data utan --force.") { input, force };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(async services =>
        {
            var file = parse.GetValue(input)!;
            var db = services.GetRequiredService<AppDbContext>();
            if (await DatabaseRestore.CheckFileAsync(db, file, cancellationToken) is { } badFile)
            {
                return Fail(badFile.Message);
            }
            if (!parse.GetValue(force) && await DatabaseRestore.CheckEmptyAsync(db, cancellationToken) is { } notEmpty)
            {
                return Fail(notEmpty.Message);
            }
            await DatabaseRestore.RestoreAsync(db, file, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await DatabaseRegistration.MigrateAsync(services, cancellationToken);
            Console.WriteLine($"Databasen är återställd från {file.FullName}" + (pending == 0
                ? " och var redan uppdaterad."
                : $" och migrerad till senaste schemat: {SwedishText.Count(pending, "migrering tillämpad", "migreringar tillämpade")}."));
            return await VerifyAuditAsync(services, cancellationToken);
        }));
        return command;
    }

    /// <summary>Verifies the audit trail and prints the verdict: 0 when the trail is intact, 1 when anything is wrong.</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var verdict = await services.GetRequiredService<AuditTrail>().VerifyAsync(cancellationToken);
        Console.WriteLine(verdict.Intact
            ? $"Ändringsloggen är intakt: {SwedishText.Count(verdict.RowsChecked, "rad kontrollerad", "rader kontrollerade")}."
            : $"Ändringsloggen är inte intakt: {SwedishText.Count(verdict.Findings.Count(f => f.IsFault), "fel", "fel")} hittades.");
        foreach (var finding in verdict.Findings)
        {
            Console.WriteLine($"- {finding.Text}");
        }
        Console.WriteLine(verdict.LatestCheckpoint is { } latest
            ? $"Senaste kontrollpunkten: {SwedishText.Instant(latest.At)}, till och med rad {latest.LastRowId} ({SwedishText.Count(verdict.Checkpoints, "kontrollpunkt", "kontrollpunkter")} i {verdict.CheckpointFile})."
            : $"Ingen kontrollpunkt finns ännu i {verdict.CheckpointFile}.");
        return verdict.Intact ? 0 : 1;
    }

    private static Command AuditCheckpoint()
    {
        var command = new Command("audit-checkpoint",
            "Skriver en signerad kontrollpunkt för ändringsloggen till kontrollpunktsfilen (och skickar den till revisorn om en adress är angiven).");
        command.SetAction((_, cancellationToken) => WithServicesAsync(async services =>
        {
            var checkpoint = await services.GetRequiredService<AuditCheckpoints>().WriteAsync(cancellationToken);
            Console.WriteLine($"Kontrollpunkten är skriven till {services.GetRequiredService<AuditCheckpointLog>().FilePath}: " +
                $"{SwedishText.Count(checkpoint.RowCount, "rad", "rader")} till och med rad {checkpoint.LastRowId}.");
            return 0;
        }));
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    /// <summary>Builds the same services as the web app (minus HTTP) and runs one verb in a system scope (the actor "kommandorad").</summary>
    private static async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> verb)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        // Standard out carries only the verb's answer (a token, a count); warnings go to standard error.
        // EF Core logs the missing history table of a first migration as an error; the verb reports real failures itself.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical";
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddUppsiktDatabase(builder.Configuration);
        builder.Services.AddUppsiktActor();
        builder.Services.AddUppsiktIdentityCore();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ApiTokenService>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddUppsiktFiles();
        builder.Services.AddDemoData();
        builder.Services.AddScoped<KoladaUnitImport>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<AuditCheckpoints>();
        using var host = builder.Build();
        await using var scope = host.Services.CreateSystemScope(new SystemActor("kommandorad"));
        try
        {
            return await verb(scope.ServiceProvider);
        }
        catch (Exception exception) when (exception is Microsoft.Extensions.Options.OptionsValidationException)
        {
            return Fail($"Fel i inställningarna: {exception.Message}");
        }
        catch (Exception exception) when (exception is DbUpdateException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return Fail($"Fel: {exception.GetBaseException().Message}");
        }
    }
}
