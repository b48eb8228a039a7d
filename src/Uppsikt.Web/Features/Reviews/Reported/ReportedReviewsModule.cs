using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews.Reported;

/// <summary>
/// The final review reports reported to the committee (decision 0036), read only, at <c>/Reviews/Reported</c> and
/// <c>/api/v1/reviews/reported</c>. The committee member reads its own committee's, the staff every committee's; the council
/// board's staff reads plans and the council-wide review only.
/// </summary>
public static class ReportedReviewsModule
{
    public static IServiceCollection AddReportedReviews(this IServiceCollection services)
    {
        services.AddScoped<ReportedReviewsHandler>();
        services.AddScoped<Infrastructure.Home.IWorkSource, ReportedReviewWork>();
        // A folder of its own: the rest of /Reviews is authorised page by page, so this policy adds to no other page's.
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Reviews/Reported", Policies.StaffOrCommitteeMember));
        return services;
    }

    public static void MapReportedReviewsApi(this RouteGroupBuilder api)
    {
        var reported = api.MapGroup("/reviews/reported").WithTags("Slutliga granskningsrapporter").RequireAuthorization(Policies.StaffOrCommitteeMember);

        reported.MapGet("/", (ReportedReviewsHandler handler, [AsParameters] ListParameters list, CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), cancellationToken))
            .WithSummary("Slutliga granskningsrapporter, för en förtroendevald bara den egna nämndens, med sökning på rubrik, diarienummer, anordnare och enhet, "
                + "sortering (finalised, title, type, provider, result) och sidindelning.");

        reported.MapGet("/{id:guid}", async Task<Results<Ok<ReportedReview>, NotFound>> (Guid id, ReportedReviewsHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("En slutlig granskningsrapport: anordnare, enheter, fastställd, samlad bedömning, sammanfattning och bristerna.");

        reported.MapGet("/{id:guid}/report.docx", async (Guid id, ReportedReviewsHandler handler, HttpContext context, CancellationToken cancellationToken) =>
                ReviewDocumentsModule.Answer(await handler.ReportFileAsync(id, cancellationToken), context))
            .WithSummary("Den slutliga granskningsrapporten som Word-dokument, som den sparades när den fastställdes.");
    }
}
