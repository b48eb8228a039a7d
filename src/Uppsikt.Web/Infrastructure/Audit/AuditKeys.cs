using System.Text;
using Microsoft.Extensions.Options;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Web.Infrastructure.Audit;

/// <summary>
/// Where the audit trail's key ring comes from (decision 0035): the <c>Audit</c> section; without configured keys, in
/// development and for the demo data, a key generated once into a file in the data folder. Otherwise start-up refuses.
/// </summary>
public static class AuditKeys
{
    /// <summary>The id of the key generated into the data folder.</summary>
    public const string GeneratedKeyId = "lokal";

    /// <summary>The generated key's file in the data folder: the key as Base64 on one line.</summary>
    public const string KeyFileName = "audit-key";

    /// <summary>Registers the settings, their start-up check, the key ring and the checkpoint file; part of the database registration.</summary>
    public static IServiceCollection AddUppsiktAuditKeys(this IServiceCollection services)
    {
        services.AddSettings<AuditSettings>(AuditSettings.Section);
        services.AddSingleton<IValidateOptions<AuditSettings>, KeysOrGenerated>();
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<AuditSettings>();
            if (settings.HasKeys)
            {
                return settings.KeyRing();
            }
            var folder = provider.GetRequiredService<DatabaseSettings>().FullDataFolder;
            var (ring, created) = LoadOrCreate(folder);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditKeys).FullName!);
            if (created)
            {
                logger.LogWarning("No audit key is configured (Audit:Keys): generated the key {KeyId} into {Path}. It seals the audit trail from now on; " +
                    "keep the file, and configure keys of your own outside the data folder for production.", GeneratedKeyId, KeyFile(folder));
            }
            else
            {
                logger.LogWarning("No audit key is configured (Audit:Keys): sealing the audit trail with the generated key {KeyId} in {Path}.", GeneratedKeyId, KeyFile(folder));
            }
            return ring;
        });
        services.AddSingleton<AuditCheckpointLog>();
        return services;
    }

    /// <summary>
    /// Refuses to start without configured keys unless a key may be generated: in development, or with the demo data on. The
    /// environment is optional, since tools such as the data generator build the services without a host.
    /// </summary>
    private sealed class KeysOrGenerated(IServiceProvider services) : IValidateOptions<AuditSettings>
    {
        public ValidateOptionsResult Validate(string? name, AuditSettings options) =>
            options.HasKeys || services.GetService<IHostEnvironment>()?.IsDevelopment() == true || services.GetRequiredService<DatabaseSettings>().SeedDemoData
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{AuditSettings.Section}:Keys saknas: ändringsloggen kan inte förseglas. Ange {AuditSettings.Section}:CurrentKeyId och " +
                    $"{AuditSettings.Section}:Keys:<id> (Base64 av minst {AuditKeyRing.MinimumKeyBytes} slumpmässiga byte, till exempel från " +
                    "openssl rand -base64 32), utanför databasen. En nyckel skapas av sig själv bara i utvecklingsmiljön och med demodata " +
                    "(Database:SeedDemoData). Se docs/operations.md.");
    }

    public static string KeyFile(string dataFolder) => Path.Combine(dataFolder, KeyFileName);

    /// <summary>The generated key in <paramref name="dataFolder"/>, created there first if there is none; and whether it was created.</summary>
    public static (AuditKeyRing Ring, bool Created) LoadOrCreate(string dataFolder)
    {
        var path = KeyFile(dataFolder);
        var created = false;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataFolder);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            try
            {
                using var writer = new StreamWriter(path, Encoding.ASCII, options);
                writer.WriteLine(Convert.ToBase64String(AuditKeyRing.NewKey()));
                created = true;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return (new AuditKeyRing(GeneratedKeyId, new Dictionary<string, byte[]> { [GeneratedKeyId] = key }), created);
    }
}
