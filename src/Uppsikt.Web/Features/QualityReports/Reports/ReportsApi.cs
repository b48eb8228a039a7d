using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary><c>/api/v1/quality-reports</c>: the reports, read by the municipality and by a provider (its own).</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/quality-reports").WithTags("Kvalitetsrapporter").RequireAuthorization(QualityReportsModule.ReaderPolicy);

        reports.MapGet("/", (ReportsHandler handler, [AsParameters] ListParameters list, int? year,
                ReportState? state, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(), year, state, cancellationToken))
            .WithSummary("Kvalitetsrapporter, med sökning på anordnare och kundval, filter (year, state), sortering (provider, choiceSystem, year, state, due) och sidindelning. En anordnare ser bara sina egna.");

        reports.MapGet("/{id:guid}", async Task<Results<Ok<ReportDetails>, NotFound>> (Guid id, ReportsHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("En kvalitetsrapport: mallens frågor, anordnarens svar, läge och begärda kompletteringar.");
    }
}
