using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Uppsikt.Web.Infrastructure.Files;

/// <summary>
/// Refuses a request whose declared body is larger than its endpoint takes (<see cref="IRequestSizeLimitMetadata"/>, else the
/// app's limit from <see cref="FileSettings"/>) before anything reads it: a page answers 413 with the error page's "Filen är
/// för stor" and the limit, the API a problem saying the same. The server refuses such a body too, but only once a form reader
/// meets it, as an exception that a page could show only as a general error. A body sent without a declared length is still
/// cut off by the server at the limit, and the error page says the same for that 413.
/// </summary>
public static class RequestBodyLimit
{
    private static readonly object FileLimitKey = new();

    /// <summary>After routing, so that an endpoint's own limit is known.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength is not { } length || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // Nothing declared, or the error page shown for a refusal here, which reads nothing of the body.
            await next(context);
            return;
        }
        var own = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        var settings = context.RequestServices.GetRequiredService<FileSettings>();
        if (length > (own ?? FilesModule.BodyLimit(settings)))
        {
            context.Items[FileLimitKey] = own is { } limit ? limit - FilesModule.FormRoom : settings.MaxBytes;
            if (context.Request.IsApi())
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: TooLarge(context)).ExecuteAsync(context);
            }
            else
            {
                // The status-code pages show the error page, which reads the limit from the request.
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
            return;
        }
        await next(context);
    });

    /// <summary>What a request too large is told: the largest file its endpoint takes when it was refused here, else the app's.</summary>
    public static string TooLarge(HttpContext context) =>
        $"Filen är för stor. En fil får vara högst {FileSettings.SizeText(context.Items[FileLimitKey] as long? ?? context.RequestServices.GetRequiredService<FileSettings>().MaxBytes)}.";
}
