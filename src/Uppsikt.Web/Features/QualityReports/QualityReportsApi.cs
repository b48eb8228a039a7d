using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports;

public static class QualityReportsApi
{
    public static void MapQualityReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/quality-reports").WithTags("Kvalitetsrapporter").RequireAuthorization(QualityReportsModule.ReaderPolicy);

        reports.MapGet("/", (QualityReportsHandler handler, string? search, string? sort, bool? descending, int? page, int? pageSize, int? year,
                ReportState? state, CancellationToken cancellationToken) =>
            handler.ListAsync(new ListQuery(search, sort, descending ?? false, page ?? 1, pageSize ?? ListQuery.DefaultPageSize), year, state, cancellationToken))
            .WithSummary("Kvalitetsrapporter, med sökning på anordnare och kundval, filter (year, state), sortering (provider, choiceSystem, year, state, due) och sidindelning. En anordnare ser bara sina egna.");

        reports.MapGet("/{id:guid}", async Task<Results<Ok<ReportDetails>, NotFound>> (Guid id, QualityReportsHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("En kvalitetsrapport: mallens frågor, anordnarens svar, läge och begärda kompletteringar.");

        var templates = api.MapGroup("/quality-report-templates").WithTags("Kvalitetsrapporter").RequireAuthorization(QualityReportsModule.EditorPolicy);

        templates.MapGet("/{id:guid}/xlsx", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, TemplateSpreadsheet spreadsheet, CancellationToken cancellationToken) =>
            await spreadsheet.ExportAsync(id, cancellationToken) is { } file
                ? TypedResults.File(file.Content, TemplateSpreadsheet.ContentType, file.FileName)
                : TypedResults.NotFound())
            .WithSummary("Mallen som Excel-fil (XLSX): ett kalkylblad, en rad per fråga.");

        templates.MapPost("/{id:guid}/xlsx", async (Guid id, HttpContext context, TemplateSpreadsheet spreadsheet, IAntiforgery antiforgery,
                CancellationToken cancellationToken) =>
            {
                // As the other uploads: a browser signed in by cookie must send an antiforgery token; integrations use an API token.
                if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    && !await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anropet saknar giltig antiforgery-token.");
                }
                var file = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
                if (file is null)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Skicka filen som multipart/form-data i fältet file."] });
                }
                await using var content = file.OpenReadStream();
                var result = await spreadsheet.ImportAsync(id, content, cancellationToken);
                return result.NotFound ? Results.NotFound()
                    : result.Succeeded ? Results.Ok(result)
                    : Results.Problem(new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest, Title = "Mallen ändrades inte.", Extensions = { ["problems"] = result.Problems },
                    });
            })
            .DisableAntiforgery()
            .WithSummary("Läser in en redigerad mall (XLSX, fältet file): allt eller inget, frågorna matchas på kod. Formelceller vägras.");
    }
}
