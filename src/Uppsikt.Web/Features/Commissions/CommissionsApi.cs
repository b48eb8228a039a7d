using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Domain.Commissions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Commissions;

/// <summary>
/// <c>/api/v1/commissions</c>: the council board's commissions the caller reads (a committee member its own committee's), giving and
/// editing them, and one endpoint per step taking the commission's <c>version</c> as last read. The domain decides who takes which step.
/// </summary>
public static class CommissionsApi
{
    public static void MapCommissionsApi(this RouteGroupBuilder api)
    {
        var commissions = api.MapGroup("/commissions").WithTags("Uppdrag").RequireAuthorization(CommissionsModule.ReaderPolicy);

        commissions.MapGet("/", (CommissionsHandler handler, [AsParameters] ListParameters list, CommissionState? state, Guid? committeeId, bool? administration,
                bool? overdue, bool? notReported, CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), new CommissionFilter(state, committeeId, administration == true, overdue == true, notReported == true), cancellationToken))
            .WithSummary("Kommunstyrelsens uppdrag, med sökning på uppdrag, beskrivning och diarienummer, filter (state, committeeId, administration, overdue, "
                + "notReported), sortering (due, decided, title, recipient, state) och sidindelning. En förtroendevald ser bara uppdrag till sin egen nämnd.");

        commissions.MapGet("/{id:guid}", async Task<Results<Ok<CommissionDetails>, NotFound>> (Guid id, CommissionsHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } commission ? TypedResults.Ok(commission) : TypedResults.NotFound())
            .WithSummary("Ett uppdrag: vad, till vem, i vilket beslut, när det ska återrapporteras, återrapporteringen och statushistoriken.");

        commissions.MapPost("/", async (CommissionForm input, CommissionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await (await handler.GiveAsync(input, WorkflowActors.From(actor), cancellationToken))
                    .CreatedAsync(id => $"/api/v1/commissions/{id}", id => handler.GetAsync(id, cancellationToken)))
            .WithSummary("Registrerar ett uppdrag som kommunstyrelsen gett (title, description, committeeId eller inget för kommunens förvaltning, "
                + "decidedOn, paragraph, caseNumber, dueOn). Bara kommunstyrelsens kansli eller en systemförvaltare.");

        commissions.MapPut("/{id:guid}", async (Guid id, CommissionForm input, CommissionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.EditAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Ändrar ett uppdrag som ännu inte är återrapporterat. Bara kommunstyrelsens kansli eller en systemförvaltare.");

        commissions.MapPost("/{id:guid}/start", async (Guid id, CommissionStepInput input, CommissionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.StartAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Markerar att arbetet med ett givet uppdrag pågår: mottagande nämnds kvalitetsutvecklare eller gruppchef, eller kommunstyrelsens kansli.");

        commissions.MapPost("/{id:guid}/report", async (Guid id, CommissionReportInput input, CommissionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ReportAsync(id, input, null, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Återrapporterar ett pågående uppdrag (reportedOn, summary); en fil bifogas på uppdragets sida. Mottagande nämnds kvalitetsutvecklare "
                + "eller gruppchef, eller kommunstyrelsens kansli.");

        commissions.MapPost("/{id:guid}/close", async (Guid id, CommissionStepInput input, CommissionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.CloseAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Avslutar ett återrapporterat uppdrag. Bara kommunstyrelsens kansli eller en systemförvaltare.");
    }

    /// <summary>200 with the commission as it now is, or the refusal as ProblemDetails (400 by field, 403, 404, 409).</summary>
    private static Task<IResult> Answer(SaveResult result, Guid id, CommissionsHandler handler, CancellationToken cancellationToken) =>
        result.UpdatedAsync(() => handler.GetAsync(id, cancellationToken));
}
