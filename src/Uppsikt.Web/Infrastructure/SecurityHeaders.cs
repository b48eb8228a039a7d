using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Uppsikt.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>The browser features no page of Uppsikt uses, switched off for every page and anything framed in it.</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>
    /// Same-origin scripts and styles only; no framing; no sniffing; no browser features the app does not use. API answers are
    /// not stored by browsers or proxies (they carry the caller's own data), unless an endpoint sets its own caching.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            if (context.Request.Path.IsApi())
            {
                headers.CacheControl = "no-store";
            }
            await next();
        });

    /// <summary>Kestrel does not name itself in a <c>Server</c> header: what runs the app is nobody's business but its operators'.</summary>
    public static IServiceCollection AddUppsiktServerHeaders(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
}
