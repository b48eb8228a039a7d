using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed, by address or by network. Empty by default: then only the framework's default, the loopback addresses, is trusted.
/// </summary>
public sealed class ProxySettings : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of proxies, such as <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation, such as <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in KnownProxies.Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownProxies: ”{address}” är inte en IP-adress.", [nameof(KnownProxies)]);
        }
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownNetworks: ”{network}” är inte ett nät i formen 10.0.0.0/24.", [nameof(KnownNetworks)]);
        }
    }
}

public static class ProxyHeaders
{
    /// <summary>Reads the client's address and the scheme from the headers of the configured proxies only.</summary>
    public static IServiceCollection AddUppsiktProxyHeaders(this IServiceCollection services)
    {
        services.AddSettings<ProxySettings>(ProxySettings.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxySettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }
            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
