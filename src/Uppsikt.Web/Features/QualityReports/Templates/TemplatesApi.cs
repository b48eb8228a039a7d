using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Templates;

/// <summary>
/// <c>/api/v1/quality-report-templates</c>: quality report templates and review checklists (decision 0020) read, checklists
/// created, templates activated, their questions edited one by one, and exported and imported as XLSX.
/// </summary>
public static class TemplatesApi
{
    public static void MapTemplatesApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/quality-report-templates").WithTags("Kvalitetsrapporter").RequireAuthorization(Policies.Editor);

        templates.MapGet("/", async Task<Results<Ok<PagedList<TemplateRow>>, ValidationProblem>> (TemplatesHandler handler, [AsParameters] ListParameters list,
                string? kind, Guid? choiceSystemId, ReviewType? reviewType, CancellationToken cancellationToken) =>
            KindOf(kind) is { } chosen
                ? TypedResults.Ok(await handler.TemplatesAsync(list.ToQuery(), new TemplateFilter(chosen, choiceSystemId, reviewType), cancellationToken))
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["Ange kind=report (mallar för kvalitetsrapporter) eller kind=checklist (checklistor för granskning)."] },
                    title: "Okänd sorts mall."))
            .WithSummary("Mallar för kvalitetsrapporter (kind=report, standard) eller checklistor för granskning (kind=checklist, eller med reviewType), med filter (choiceSystemId, reviewType), sortering (title, choiceSystem, reviewType, year, state, due) och sidindelning.");

        templates.MapPost("/checklists", async (NewChecklistInput input, TemplatesHandler handler, CancellationToken cancellationToken) =>
                await (await handler.CreateChecklistAsync(input, cancellationToken)).CreatedAsync(
                    id => $"/api/v1/quality-report-templates/{id}", id => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Skapar en checklista för granskning (ett utkast) för ett kundval, en granskningstyp (reviewType) och ett år (versionens år). start: Starter (startfrågorna som passar, standard), LatestVersion (kopia av senaste tidigare version) eller Empty. Samma kundval, typ och år en gång till ger 400.");

        templates.MapPost("/{id:guid}/activate", async (Guid id, TemplateActivation activation, TemplatesHandler handler, CancellationToken cancellationToken) =>
                await (await handler.ActivateAsync(id, activation.DueOn, activation.Version, cancellationToken)).Result.UpdatedAsync(() => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Aktiverar en mall. En checklista aktiveras utan sista dag (dueOn) och används av granskningar som planeras därefter; med sista dag ger den 409. En mall för kvalitetsrapport kräver sista dag och ger varje auktoriserad anordnare en rapport. Frågorna kan inte ändras efter aktiveringen.");

        templates.MapGet("/{id:guid}", async Task<Results<Ok<TemplateDetails>, NotFound>> (Guid id, TemplatesHandler handler, CancellationToken cancellationToken) =>
            await handler.TemplateAsync(id, cancellationToken) is { } template ? TypedResults.Ok(template) : TypedResults.NotFound())
            .WithSummary("En mall med dess frågor i ordning, läge och version (som varje ändring skickar med).");

        templates.MapPost("/{id:guid}/questions", async (Guid id, TemplateQuestionInput input, TemplateEditor editor, TemplatesHandler handler,
                CancellationToken cancellationToken) =>
                await (await editor.SaveQuestionAsync(id, null, input, cancellationToken)).UpdatedAsync(() => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Lägger till en fråga sist i sitt avsnitt (ett nytt avsnitt hamnar sist) i en mall som inte är aktiverad. Svarsalternativ (choices) och tabellkolumner (columns) en per rad; shownWhen som \"2.1 = Nej\".");

        templates.MapPut("/{id:guid}/questions/{questionId:guid}", async (Guid id, Guid questionId, TemplateQuestionInput input, TemplateEditor editor,
                TemplatesHandler handler, CancellationToken cancellationToken) =>
                await (await editor.SaveQuestionAsync(id, questionId, input, cancellationToken)).UpdatedAsync(() => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Ändrar en fråga; frågor som visas beroende på den följer med om koden byts.");

        templates.MapPost("/{id:guid}/questions/{questionId:guid}/move", async (Guid id, Guid questionId, QuestionMove move, TemplateEditor editor,
                TemplatesHandler handler, CancellationToken cancellationToken) =>
                await (await editor.MoveAsync(id, questionId, move.Offset, move.Version, cancellationToken)).UpdatedAsync(() => handler.TemplateAsync(id, cancellationToken)))
            .WithSummary("Flyttar en fråga upp (offset -1) eller ned (offset 1) inom sitt avsnitt, om ingen fråga då hamnar före den den beror på.");

        templates.MapDelete("/{id:guid}/questions/{questionId:guid}", async (Guid id, Guid questionId, int version, TemplateEditor editor,
                TemplatesHandler handler, CancellationToken cancellationToken) =>
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
                    : result.AsSave().Outcome != SaveOutcome.Invalid ? result.AsSave().ToProblem()
                    : Results.Problem(new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "Mallen ändrades inte.",
                        Extensions = { ["problems"] = result.Problems },
                    });
            })
            .AcceptsUpload()
            .WithSummary("Läser in en redigerad mall (XLSX, fältet file): allt eller inget, frågorna matchas på kod. Formelceller vägras. En aktiverad mall ger 409.");
    }

    /// <summary>The kind a list asks for (<c>kind=report</c>, the default, or <c>kind=checklist</c>, in any case); null when unknown.</summary>
    private static TemplateKind? KindOf(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" or "report" => TemplateKind.Report,
        "checklist" => TemplateKind.Checklist,
        _ => null,
    };
}

/// <summary>An activation: the last day to submit (a quality report template only) and the template's version.</summary>
public sealed record TemplateActivation(DateOnly? DueOn, int Version);

/// <summary>A question moved up (-1) or down (1) within its section, with the template's version.</summary>
public sealed record QuestionMove(int Offset, int Version);
