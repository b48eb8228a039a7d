using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports;

public static class QualityReportsApi
{
    public static void MapQualityReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/quality-reports").WithTags("Kvalitetsrapporter").RequireAuthorization(QualityReportsModule.ReaderPolicy);

        reports.MapGet("/", (QualityReportsHandler handler, [AsParameters] ListParameters list, int? year,
                ReportState? state, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(), year, state, cancellationToken))
            .WithSummary("Kvalitetsrapporter, med sökning på anordnare och kundval, filter (year, state), sortering (provider, choiceSystem, year, state, due) och sidindelning. En anordnare ser bara sina egna.");

        reports.MapGet("/{id:guid}", async Task<Results<Ok<ReportDetails>, NotFound>> (Guid id, QualityReportsHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("En kvalitetsrapport: mallens frågor, anordnarens svar, läge och begärda kompletteringar.");

        var templates = api.MapGroup("/quality-report-templates").WithTags("Kvalitetsrapporter").RequireAuthorization(Policies.Editor);

        templates.MapGet("/", (QualityReportsHandler handler, [AsParameters] ListParameters list, CancellationToken cancellationToken) =>
            handler.TemplatesAsync(list.ToQuery(), cancellationToken))
            .WithSummary("Mallar för kvalitetsrapporter, med sortering (title, choiceSystem, year, state, due) och sidindelning.");

        templates.MapGet("/{id:guid}", async Task<Results<Ok<TemplateDetails>, NotFound>> (Guid id, QualityReportsHandler handler, CancellationToken cancellationToken) =>
            await handler.TemplateAsync(id, cancellationToken) is { } template ? TypedResults.Ok(template) : TypedResults.NotFound())
            .WithSummary("En mall med dess frågor i ordning, läge och version (som varje ändring skickar med).");

        templates.MapPost("/{id:guid}/questions", async (Guid id, TemplateQuestionInput input, TemplateEditor editor, QualityReportsHandler handler,
                CancellationToken cancellationToken) =>
                await (await editor.SaveQuestionAsync(id, null, input, cancellationToken)).UpdatedAsync(() => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Lägger till en fråga sist i sitt avsnitt (ett nytt avsnitt hamnar sist) i en mall som inte är aktiverad. Svarsalternativ (choices) och tabellkolumner (columns) en per rad; shownWhen som \"2.1 = Nej\".");

        templates.MapPut("/{id:guid}/questions/{questionId:guid}", async (Guid id, Guid questionId, TemplateQuestionInput input, TemplateEditor editor,
                QualityReportsHandler handler, CancellationToken cancellationToken) =>
                await (await editor.SaveQuestionAsync(id, questionId, input, cancellationToken)).UpdatedAsync(() => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Ändrar en fråga; frågor som visas beroende på den följer med om koden byts.");

        templates.MapPost("/{id:guid}/questions/{questionId:guid}/move", async (Guid id, Guid questionId, QuestionMove move, TemplateEditor editor,
                QualityReportsHandler handler, CancellationToken cancellationToken) =>
                await (await editor.MoveAsync(id, questionId, move.Offset, move.Version, cancellationToken)).UpdatedAsync(() => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Flyttar en fråga upp (offset -1) eller ned (offset 1) inom sitt avsnitt, om ingen fråga då hamnar före den den beror på.");

        templates.MapDelete("/{id:guid}/questions/{questionId:guid}", async (Guid id, Guid questionId, int version, TemplateEditor editor,
                QualityReportsHandler handler, CancellationToken cancellationToken) =>
                await (await editor.RemoveAsync(id, questionId, version, cancellationToken)).UpdatedAsync(() => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Tar bort en fråga som ingen annan fråga beror på (version: mallens version).");

        templates.MapGet("/{id:guid}/xlsx", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, TemplateSpreadsheet spreadsheet, CancellationToken cancellationToken) =>
            await spreadsheet.ExportAsync(id, cancellationToken) is { } file
                ? TypedResults.File(file.Content, TemplateSpreadsheet.ContentType, file.FileName)
                : TypedResults.NotFound())
            .WithSummary("Mallen som Excel-fil (XLSX): ett kalkylblad, en rad per fråga.");

        templates.MapPost("/{id:guid}/xlsx", async (Guid id, HttpContext context, TemplateSpreadsheet spreadsheet, CancellationToken cancellationToken) =>
            {
                await using var content = context.UploadedFile().OpenReadStream();
                var result = await spreadsheet.ImportAsync(id, content, cancellationToken);
                return result.NotFound ? Results.NotFound()
                    : result.Succeeded ? Results.Ok(result)
                    : Results.Problem(new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest, Title = "Mallen ändrades inte.", Extensions = { ["problems"] = result.Problems },
                    });
            })
            .AcceptsUpload()
            .WithSummary("Läser in en redigerad mall (XLSX, fältet file): allt eller inget, frågorna matchas på kod. Formelceller vägras.");
    }
}

/// <summary>A question moved up (-1) or down (1) within its section, with the template's version.</summary>
public sealed record QuestionMove(int Offset, int Version);
