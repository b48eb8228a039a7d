using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Reviews.Documents;

/// <summary>
/// A review's documents (Word): the report for the municipality and, once communicated, for the reviewed provider's users;
/// the meeting notes for the municipality only. Who sees which review is the query filter's rule (decision 0020).
/// </summary>
public static class ReviewDocumentsModule
{
    /// <summary>The staff read every review's report, a provider user its own communicated ones (decision 0036).</summary>
    public const string ReportReaderPolicy = Policies.StaffOrProvider;

    public static IServiceCollection AddReviewDocuments(this IServiceCollection services)
    {
        services.AddScoped<ReviewDocuments>();
        services.AddScoped<FinalReportFiles>();
        services.AddScoped<IFileMatters>(sp => sp.GetRequiredService<FinalReportFiles>());
        services.Configure<RazorPagesOptions>(options =>
        {
            // Page by page: a policy on the /Reviews folder would add to these, and provider users must reach the report.
            options.Conventions.AuthorizePage("/Reviews/Documents/Report", ReportReaderPolicy);
            options.Conventions.AuthorizePage("/Reviews/Documents/MeetingNotes", Policies.Staff);
        });
        return services;
    }

    /// <summary><c>GET /api/v1/reviews/{id}/report.docx</c> and <c>/meeting-notes.docx</c>.</summary>
    public static void MapReviewDocumentsApi(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/reviews").WithTags("Granskningar");

        reviews.MapGet("/{id:guid}/report.docx", async (Guid id, ReviewDocuments documents, HttpContext context, CancellationToken cancellationToken) =>
                Answer(await documents.ReportAsync(id, cancellationToken), context))
            .RequireAuthorization(ReportReaderPolicy)
            .WithSummary("Granskningsrapporten som Word-dokument: utkast märkt ”Utkast”, fastställd rapport som den sparades. En anordnare får bara sina egna, kommunicerade rapporter.");

        reviews.MapGet("/{id:guid}/meeting-notes.docx", async (Guid id, bool? forProvider, ReviewDocuments documents, HttpContext context, CancellationToken cancellationToken) =>
                Answer(await documents.MeetingNotesAsync(id, forProvider ?? false, cancellationToken), context))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Minnesanteckningarna som Word-dokument, med intervjuanteckningarna per grupp i kommunens exemplar; ?forProvider=true ger exemplaret utan dem.");
    }

    /// <summary>The document as a download never cached on the way, or 404.</summary>
    public static IResult Answer(ReviewDocumentFile? file, HttpContext context)
    {
        if (file is null)
        {
            return Results.NotFound();
        }
        NoStore(context.Response);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    public static void NoStore(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
    }
}
