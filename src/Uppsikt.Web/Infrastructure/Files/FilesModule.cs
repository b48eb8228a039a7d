using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Infrastructure.Files;

/// <summary>Registers the file store and maps the one address files are downloaded from.</summary>
public static class FilesModule
{
    public static IServiceCollection AddUppsiktFiles(this IServiceCollection services)
    {
        services.AddSettings<FileSettings>(FileSettings.Section);
        services.AddScoped<FileStore>();
        services.AddOptions<KestrelServerOptions>().Configure<FileSettings>((options, settings) => options.Limits.MaxRequestBodySize = BodyLimit(settings));
        services.AddOptions<FormOptions>().Configure<FileSettings>((options, settings) => options.MultipartBodyLengthLimit = BodyLimit(settings));
        return services;
    }

    /// <summary>The room a form's other fields and the multipart framing get beside its file.</summary>
    public const long FormRoom = 1024 * 1024;

    /// <summary>Room for the largest file plus the rest of the form; the store itself refuses anything above the limit.</summary>
    public static long BodyLimit(FileSettings settings) => Math.Max(30L * 1024 * 1024, BodyLimit(settings.MaxBytes));

    /// <summary>The largest request that carries a file of at most <paramref name="maxFileBytes"/>.</summary>
    public static long BodyLimit(long maxFileBytes) => maxFileBytes + FormRoom;

    /// <summary><c>GET /files/{id}</c>: the file, to a caller who may see its matter, always as a download.</summary>
    public static void MapFileDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/files/{id:guid}", async (Guid id, HttpContext context, FileStore files, CancellationToken cancellationToken) =>
            {
                if (await files.OpenAsync(id, cancellationToken) is not { } file)
                {
                    return Results.NotFound();
                }
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "private, no-store";
                return Results.File(file.Content, file.ContentType, fileDownloadName: file.FileName);
            })
            .RequireAuthorization(Policies.StaffOrProvider)
            .WithTags("Filer")
            .WithSummary("Hämtar en bifogad fil (alltid som nedladdning) för den som får se ärendet.");
}
