using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Uppsikt.Web.Infrastructure.Mail;

/// <summary>
/// Absolute addresses of pages, for e-mail. <see cref="MailSettings.AppUrl"/> when it is set (as it should be behind a
/// reverse proxy); otherwise, for mail sent from a request, that request's own address, and for mail sent by a job,
/// the first address the app listens on (with a wildcard host read as localhost).
/// </summary>
public sealed class AppLinks(MailSettings settings, IServer server)
{
    /// <summary>The page's address, or null when none is known (no setting, no request, no listening address).</summary>
    public string? To(string path, HttpRequest? request = null)
    {
        var root = !string.IsNullOrWhiteSpace(settings.AppUrl) ? settings.AppUrl
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(Listening).FirstOrDefault(a => a is not null);
        return root is null ? null : root.TrimEnd('/') + path;
    }

    /// <summary>The page's address on a line of its own, to end a paragraph of a mail with; empty when no address is known.</summary>
    public string LinkLine(string path) => To(path) is { } link ? "\n" + link : "";

    private static string? Listening(string address) =>
        Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal),
            UriKind.Absolute, out var uri)
            ? new UriBuilder(uri) { Host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host }.Uri.GetLeftPart(UriPartial.Authority)
            : null;
}
