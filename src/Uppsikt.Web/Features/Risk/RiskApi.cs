using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Risk;

/// <summary>
/// <c>/api/v1/risk</c>: the explained scores and rankings, each committee's matrix and weights, the risk analyses with one endpoint
/// per step (taking the analysis's <c>version</c> as last read), and the annual selection. Providers get 403 on all of it.
/// </summary>
public static class RiskApi
{
    public static void MapRiskApi(this RouteGroupBuilder api)
    {
        var risk = api.MapGroup("/risk").WithTags("Risk").RequireAuthorization(RiskModule.ReaderPolicy);

        risk.MapGet("/ranking", async Task<Results<Ok<PagedList<RankingRow>>, NotFound>> (RiskScoring scoring, [AsParameters] ListParameters list, Guid? committeeId,
                Guid? choiceSystemId, Guid? administrationId, CancellationToken cancellationToken) =>
                await scoring.RankingAsync(new RankingFilter(committeeId, choiceSystemId, administrationId), cancellationToken) is { } ranking
                    ? TypedResults.Ok(ranking.Rows.ToPage(list.ToQuery(), RiskScoring.Sort, r => r.UnitId))
                    : TypedResults.NotFound())
            .WithSummary("En nämnds enheter rangordnade efter riskpoäng (committeeId, annars den första nämnden), med filter (choiceSystemId, administrationId), "
                + "sortering (rank, score, unit, provider, administration) och sidindelning. Varje rad har de största bidragen.");

        risk.MapGet("/units/{id:guid}", async Task<Results<Ok<UnitRisk>, NotFound>> (Guid id, RiskScoring scoring, CancellationToken cancellationToken) =>
                await scoring.UnitAsync(id, cancellationToken) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound())
            .WithSummary("En enhets riskpoäng per nämnd, med varje bidrag: signalen, dess storlek, vikten, poängen och källan.");

        var committees = risk.MapGroup("/committees/{committeeId:guid}");
        committees.MapGet("/matrix", async Task<Results<Ok<MatrixView>, NotFound>> (Guid committeeId, RiskSettingsHandler handler, CancellationToken cancellationToken) =>
                await handler.MatrixAsync(committeeId, cancellationToken) is { } matrix ? TypedResults.Ok(matrix) : TypedResults.NotFound())
            .WithSummary("Nämndens riskmatris: stegen för sannolikhet och konsekvens och nivåerna (isDefault när nämnden inte har sparat en egen).");
        committees.MapPut("/matrix", async (Guid committeeId, MatrixInput input, RiskSettingsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveMatrixAsync(committeeId, input, cancellationToken)).UpdatedAsync(() => handler.MatrixAsync(committeeId, cancellationToken)))
            .RequireAuthorization(RiskModule.SettingsPolicy)
            .WithSummary("Ändrar nämndens riskmatris: 3–5 steg per axel med benämningar, och 2–6 nivåer (fromScore, name, colour #RRGGBB) som börjar på 1.");
        committees.MapGet("/weights", async Task<Results<Ok<IReadOnlyList<WeightView>>, NotFound>> (Guid committeeId, RiskSettingsHandler handler, CancellationToken cancellationToken) =>
                await handler.WeightsAsync(committeeId, cancellationToken) is { } weights ? TypedResults.Ok(weights) : TypedResults.NotFound())
            .WithSummary("Nämndens vikt för varje signal, med standardvikten.");
        committees.MapPut("/weights", async (Guid committeeId, WeightsInput input, RiskSettingsHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveWeightsAsync(committeeId, input, cancellationToken)).UpdatedAsync(() => handler.WeightsAsync(committeeId, cancellationToken)))
            .RequireAuthorization(RiskModule.SettingsPolicy)
            .WithSummary("Ändrar vikter (weights: signal → vikt 0–100, högst en decimal). Signaler som inte skickas behåller sin vikt.");

        var analyses = risk.MapGroup("/analyses");
        analyses.MapGet("/", (RiskAnalysesHandler handler, [AsParameters] ListParameters list, Guid? committeeId, Guid? choiceSystemId, int? year, RiskAnalysisState? state,
                CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), new AnalysisFilter(committeeId, choiceSystemId, year, state), cancellationToken))
            .WithSummary("Riskanalyser, med sökning på kundval, filter (committeeId, choiceSystemId, year, state), sortering (year, choiceSystem, committee, state, approved) och sidindelning.");
        analyses.MapGet("/{id:guid}", async Task<Results<Ok<AnalysisDetails>, NotFound>> (Guid id, RiskAnalysesHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } analysis ? TypedResults.Ok(analysis) : TypedResults.NotFound())
            .WithSummary("En riskanalys med riskerna (högst prioritet först), omvärderingarna och nämndens riskmatris.");
        analyses.MapPost("/", async (CreateAnalysisInput input, RiskAnalysesHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await (await handler.CreateAsync(input, WorkflowActors.From(actor), cancellationToken))
                    .CreatedAsync(id => $"/api/v1/risk/analyses/{id}", id => handler.GetAsync(id, cancellationToken)))
            .WithSummary("Påbörjar riskanalysen för ett kundval och år (choiceSystemId, year). En per kundval och år.");
        analyses.MapPost("/{id:guid}/items", async (Guid id, ItemInput input, RiskAnalysesHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.AddItemAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Lägger till en risk i ett utkast: villkor (conditionId) eller krav (requirement), beskrivning, sannolikhet, konsekvens, prioritet och åtgärd.");
        analyses.MapPut("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, ItemInput input, RiskAnalysesHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await Answer(await handler.UpdateItemAsync(id, itemId, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Ändrar en risk i ett utkast.");
        analyses.MapDelete("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, int version, RiskAnalysesHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await Answer(await handler.RemoveItemAsync(id, itemId, new StepInput(version), WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Tar bort en risk ur ett utkast (version i frågesträngen).");
        analyses.MapPost("/{id:guid}/submission", async (Guid id, StepInput input, RiskAnalysesHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.SubmitAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Skickar analysen till gruppchefen för godkännande.");
        analyses.MapPost("/{id:guid}/approval", async (Guid id, StepInput input, RiskAnalysesHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ApproveAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Gruppchefen godkänner analysen.");
        analyses.MapPost("/{id:guid}/return", async (Guid id, ReturnInput input, RiskAnalysesHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ReturnAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Gruppchefen skickar tillbaka analysen med ett skäl (reason).");
        analyses.MapPost("/{id:guid}/reassessments", async (Guid id, ReassessInput input, RiskAnalysesHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ReassessAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Omvärderar en risk i en godkänd analys under året (itemId, likelihood, consequence, reason, on); sparas i loggen.");

        var selections = risk.MapGroup("/selections");
        selections.MapGet("/{committeeId:guid}/{year:int}", async Task<Results<Ok<SelectionView>, NotFound>> (Guid committeeId, int year, SelectionHandler handler,
                CancellationToken cancellationToken) =>
                await handler.AcceptedAsync(committeeId, year, cancellationToken) is { } selection ? TypedResults.Ok(selection) : TypedResults.NotFound())
            .WithSummary("Nämndens antagna urval för året, med metod, frö och skälet för varje enhet.");
        selections.MapPost("/proposal", async (SelectionInput input, SelectionHandler handler, CancellationToken cancellationToken) =>
            {
                var (view, refused) = await handler.ProposeAsync(input, cancellationToken);
                return view is not null ? Results.Ok(view) : refused!.ToProblem();
            })
            .WithSummary("Föreslår årets urval inom kapaciteten (centralHours, districtHours, hoursPerType, riskSharePercent, seed). Samma underlag och frö ger samma förslag.");
        selections.MapPost("/", async (SelectionInput input, SelectionHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await (await handler.AcceptAsync(input, WorkflowActors.From(actor), cancellationToken))
                    .CreatedAsync(_ => $"/api/v1/risk/selections/{input.CommitteeId}/{input.Year}",
                        _ => handler.AcceptedAsync(input.CommitteeId!.Value, input.Year!.Value, cancellationToken)))
            .WithSummary("Antar förslaget för underlaget (gruppchefen): urvalet sparas med metod och frö och en granskning planeras för varje vald enhet.");
    }

    /// <summary>200 with the analysis as it now is, or the refusal as ProblemDetails (400 by field, 403, 404, 409).</summary>
    private static Task<IResult> Answer(SaveResult result, Guid id, RiskAnalysesHandler handler, CancellationToken cancellationToken) =>
        result.UpdatedAsync(() => handler.GetAsync(id, cancellationToken));
}
