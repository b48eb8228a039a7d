using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Features.Reviews.Documents;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reported;

/// <summary>
/// What has been reported to the committee (decision 0036): its final review reports and the sanctions it has decided, read only,
/// at <c>/Reported</c> and <c>/api/v1/reported</c>. The committee member reads its own committee's, the staff every committee's;
/// the council board's staff reads plans and the council-wide review only.
/// </summary>
public static class ReportedModule
{
    /// <summary>The staff and the committee members.</summary>
    public const string ReaderPolicy = "ReportedReader";

    public static IServiceCollection AddReportedFeature(this IServiceCollection services)
    {
        services.AddScoped<ReportedHandler>();
        services.AddScoped<Infrastructure.Home.IWorkSource, ReportedWork>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.RequireRole([.. Policies.StaffRoles, Roles.CommitteeMember]));
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Reported", ReaderPolicy));
        return services;
    }

    public static void MapReportedApi(this RouteGroupBuilder api)
    {
        var reported = api.MapGroup("/reported").WithTags("Rapporterat till nämnden").RequireAuthorization(ReaderPolicy);

        reported.MapGet("/reports", (ReportedHandler handler, [AsParameters] ListParameters list, CancellationToken cancellationToken) =>
                handler.ReportsAsync(list.ToQuery(), cancellationToken))
            .WithSummary("Slutliga granskningsrapporter, för en förtroendevald bara den egna nämndens, med sökning på rubrik, diarienummer, anordnare och enhet, "
                + "sortering (finalised, title, type, provider, result) och sidindelning.");

        reported.MapGet("/reports/{id:guid}", async Task<Results<Ok<ReportedReview>, NotFound>> (Guid id, ReportedHandler handler, CancellationToken cancellationToken) =>
                await handler.ReportAsync(id, cancellationToken) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("En slutlig granskningsrapport: anordnare, enheter, fastställd, samlad bedömning, sammanfattning och bristerna.");

        reported.MapGet("/reports/{id:guid}/report.docx", async (Guid id, ReportedHandler handler, HttpContext context, CancellationToken cancellationToken) =>
                ReviewDocumentsModule.Answer(await handler.ReportFileAsync(id, cancellationToken), context))
            .WithSummary("Den slutliga granskningsrapporten som Word-dokument, som den sparades när den fastställdes.");

        reported.MapGet("/sanctions", (ReportedHandler handler, [AsParameters] ListParameters list, CancellationToken cancellationToken) =>
                handler.SanctionsAsync(list.ToQuery(), cancellationToken))
            .WithSummary("Sanktioner som nämnden har beslutat, för en förtroendevald bara den egna nämndens, med sökning på ärendets rubrik och diarienummer, enhet och "
                + "anordnare, sortering (decided, title, unit, provider, type) och sidindelning.");

        reported.MapGet("/sanctions/{id:guid}", async Task<Results<Ok<DecidedSanction>, NotFound>> (Guid id, ReportedHandler handler, CancellationToken cancellationToken) =>
                await handler.SanctionAsync(id, cancellationToken) is { } sanction ? TypedResults.Ok(sanction) : TypedResults.NotFound())
            .WithSummary("En beslutad sanktion: anordnare, enhet, sanktion, beslut, tidsfrist och skälen: bristerna den gäller med villkoren.");
    }
}
