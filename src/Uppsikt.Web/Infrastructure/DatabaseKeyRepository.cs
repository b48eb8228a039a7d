using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// Keeps the data-protection key ring in the database, so that several instances behind a load balancer share it.
/// The key ring is read at start-up and renewed whenever it falls due, with or without a request, so it is read and
/// written as the system (decision 0016); the writes are audited like any other.
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes, ILogger<DatabaseKeyRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateSystemScope();
        var keys = scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking().ToList();
        return keys.Select(Parse).OfType<XElement>().ToList().AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    private XElement? Parse(DataProtectionKey key)
    {
        try
        {
            return string.IsNullOrEmpty(key.Xml) ? null : XElement.Parse(key.Xml);
        }
        catch (System.Xml.XmlException exception)
        {
            logger.LogWarning(exception, "Data-protection key {FriendlyName} could not be read and is passed over.", key.FriendlyName);
            return null;
        }
    }
}

public static class DatabaseKeyRegistration
{
    /// <summary>Data protection with its keys in the database, under the application name Uppsikt.</summary>
    public static IServiceCollection AddUppsiktDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Uppsikt");
        services.AddSingleton<DatabaseKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = provider.GetRequiredService<DatabaseKeyRepository>()));
        return services;
    }
}
