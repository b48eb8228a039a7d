using Microsoft.AspNetCore.Mvc;

namespace Uppsikt.Web.Infrastructure.Files;

/// <summary>
/// The one preamble of every API endpoint that takes a file: the file comes as multipart/form-data in the field <c>file</c>
/// (a browser signed in by cookie sends the antiforgery token too, as for every API write: <see cref="Auth.ApiAntiforgery"/>).
/// The form is read in the filter rather than bound, so that authorisation is decided before the content type is looked at.
/// </summary>
public static class UploadFilter
{
    /// <summary>The form field the file comes in.</summary>
    public const string Field = "file";

    private static readonly object FileKey = new();

    /// <summary>
    /// Makes the endpoint an upload: the file is read by this filter, and with <paramref name="maxBytes"/>
    /// the request may be that large. The endpoint reads the file with <see cref="UploadedFile"/>.
    /// </summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder endpoint, long? maxBytes = null)
    {
        endpoint.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var file = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted)).Files.GetFile(Field) : null;
            if (file is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [Field] = ["Skicka filen som multipart/form-data i fältet file."] });
            }
            context.Items[FileKey] = file;
            return await next(invocation);
        });
        // The API group checks antiforgery for cookie sign-ins (ApiAntiforgery), so that an API token is enough for integrations.
        endpoint.DisableAntiforgery();
        if (maxBytes is { } max)
        {
            endpoint.WithMetadata(new RequestSizeLimitAttribute(max)).WithFormOptions(multipartBodyLengthLimit: max);
        }
        return endpoint;
    }

    /// <summary>The file <see cref="AcceptsUpload"/> read for this request.</summary>
    public static IFormFile UploadedFile(this HttpContext context) =>
        context.Items[FileKey] as IFormFile ?? throw new InvalidOperationException("The endpoint does not accept uploads (AcceptsUpload).");
}
