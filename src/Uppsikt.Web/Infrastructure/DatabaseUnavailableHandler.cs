using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// Answers a request the database could not serve (<see cref="DatabaseUnavailable"/>) with 503: ProblemDetails for the API, and
/// for pages a page of its own written straight to the response. The usual error page is not re-executed, since the
/// re-executed request would sign the user in again, which needs the very database that is down.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Is(exception))
        {
            return false;
        }
        var failed = context.Features.Get<IExceptionHandlerPathFeature>();
        var path = failed?.Path is { } original ? new PathString(original) : context.Request.Path;
        logger.LogWarning(exception, "The database could not serve {Method} {Path}; answered 503.", context.Request.Method, path.Value);
        DatabaseUnavailable.Answer(context, exception);
        if (path.IsApi())
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = DatabaseUnavailable.Heading,
                    Detail = DatabaseUnavailable.Text,
                },
            });
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page, cancellationToken);
        return true;
    }

    private static readonly string Page = $"""
        <!DOCTYPE html>
        <html lang="sv">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(DatabaseUnavailable.Heading)} – Uppsikt</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
            <a class="skip-link" href="#main">Hoppa till huvudinnehållet</a>
            <header class="site-header">
                <div class="brand"><a href="/">Uppsikt</a> <span class="tagline">uppföljning av välfärdens utförare</span></div>
            </header>
            <main id="main" tabindex="-1">
                <h1>{WebUtility.HtmlEncode(DatabaseUnavailable.Heading)}</h1>
                <p>{WebUtility.HtmlEncode(DatabaseUnavailable.Text)}</p>
                <p>Gick du tillbaka från ett formulär finns det du skrev oftast kvar där: gå tillbaka i webbläsaren och skicka det igen om en stund.</p>
                <p><a href="/">Till startsidan</a></p>
            </main>
        </body>
        </html>
        """;
}
