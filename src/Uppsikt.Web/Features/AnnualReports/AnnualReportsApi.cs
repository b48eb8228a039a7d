using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Domain.Reports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>
/// <c>/api/v1/annual-reports</c>: the annual quality reports the caller reads (a committee member its own committee's, once submitted),
/// starting one, writing its narrative, and one endpoint per step taking the report's <c>version</c> as last read.
/// </summary>
public static class AnnualReportsApi
{
    public static void MapAnnualReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/annual-reports").WithTags("Årsrapporter").RequireAuthorization(AnnualReportsModule.ReaderPolicy);

        reports.MapGet("/", (AnnualReportsHandler handler, [AsParameters] ListParameters list, int? year, Guid? committeeId, AnnualReportState? state,
                CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), new AnnualReportFilter(year, committeeId, state), cancellationToken))
            .WithSummary("Årsrapporter, med filter (year, committeeId, state), sortering (year, committee, choicesystem, state, decided) och sidindelning.");

        reports.MapGet("/{id:guid}", async Task<Results<Ok<AnnualReportDetails>, NotFound>> (Guid id, AnnualReportsHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("En årsrapport med text och siffror: beräknade nu för ett utkast, låsta för en rapport som lämnats till nämnden.");

        reports.MapPost("/", async (AnnualReportStart input, AnnualReportsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await (await handler.StartAsync(input, WorkflowActors.From(actor), cancellationToken))
                    .CreatedAsync(id => $"/api/v1/annual-reports/{id}", id => handler.GetAsync(id, cancellationToken)))
            .WithSummary("Påbörjar en årsrapport (year, committeeId, choiceSystemId eller inget för hela nämnden). Bara kvalitetsutvecklare.");

        reports.MapPut("/{id:guid}/text", async (Guid id, AnnualReportTextInput input, AnnualReportsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.WriteAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Skriver rapportens text (summary, analysis, improvementAreas, proposals) så länge den är ett utkast.");

        reports.MapPost("/{id:guid}/submit", async (Guid id, AnnualReportStepInput input, AnnualReportsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.SubmitAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Lämnar rapporten till nämnden; siffrorna låses som de är i dag. Kräver sammanfattning och förslag, och att året är slut.");

        reports.MapPost("/{id:guid}/withdraw", async (Guid id, AnnualReportStepInput input, AnnualReportsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.WithdrawAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Tar tillbaka en lämnad rapport till utkast innan nämnden har beslutat.");

        reports.MapPost("/{id:guid}/decision", async (Guid id, AnnualReportDecisionInput input, AnnualReportsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.RecordDecisionAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Registrerar nämndens beslut om rapporten (decidedOn, paragraph, caseNumber). Bara nämndens sekreterare.");
    }

    private static Task<IResult> Answer(SaveResult result, Guid id, AnnualReportsHandler handler, CancellationToken cancellationToken) =>
        result.UpdatedAsync(() => handler.GetAsync(id, cancellationToken));
}
