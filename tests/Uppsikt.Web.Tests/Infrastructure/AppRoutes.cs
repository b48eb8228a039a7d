using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// One way to call the app: a method on a route template, and for Razor Pages the named handler
/// (<c>POST /Account/Tokens?handler=Revoke</c>).
/// </summary>
/// <param name="Template">The template as routed, e.g. <c>/Register/Units/Index</c>.</param>
/// <param name="Key">How the rule table names it: an Index page's two templates share the shorter one (<c>GET /Register/Units</c>).</param>
public sealed record AppRoute(string Method, string Template, string? Handler, bool IsPage, string Key)
{
    public bool IsApi => Template.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Key == $"{Method} {Template}{HandlerQuery}" ? Key : $"{Key} (as {Template})";

    public string HandlerQuery => Handler is null ? "" : "?handler=" + Handler;
}

/// <summary>Every route the running app answers, read from its endpoint data source: minimal APIs and Razor Pages alike.</summary>
public static partial class AppRoutes
{
    public static async Task<IReadOnlyList<AppRoute>> DiscoverAsync(IServiceProvider services)
    {
        var pages = services.GetRequiredService<PageLoader>();
        var routes = new List<AppRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                var canonical = IndexSuffix().Replace(template, "") is { Length: > 0 } shorter ? shorter : "/";
                // A page answers GET even without an OnGet handler; every named or POST handler is a way in too.
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name))
                    .Append(("GET", null)).Distinct();
                routes.AddRange(handlers.Select(h => new AppRoute(h.Method, template, h.Name, IsPage: true,
                    $"{h.Method} {canonical}{(h.Name is null ? "" : "?handler=" + h.Name)}")));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                routes.AddRange(methods.Select(method => new AppRoute(method, template, null, IsPage: false, $"{method} {template}")));
            }
        }
        return routes;
    }

    [GeneratedRegex("/Index$")]
    private static partial Regex IndexSuffix();
}
