using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Documents;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Plans;

public static class PlansApi
{
    public sealed record StepInput([DataType(DataType.MultilineText)] string? Comment);

    public sealed record ReportInput(DateOnly? ReportedOn, [DataType(DataType.MultilineText)] string? Comment);

    /// <summary>An activity to add or change; without <c>activity</c> the request is refused by that field.</summary>
    public sealed record ActivityChange(ActivityInput? Activity, int PlanVersion);

    public static void MapPlansApi(this RouteGroupBuilder api)
    {
        // The list and a plan are read by every municipal role, scoped by the handler (decision 0036); the rest is the staff's work.
        var plans = api.MapGroup("/plans").WithTags("Uppföljningsplaner").RequireAuthorization(Policies.Municipal);
        var work = plans.MapGroup("").RequireAuthorization(Policies.Staff);

        plans.MapGet("/", (PlansHandler handler, [AsParameters] ListParameters list, int? year,
                Guid? choiceSystemId, Guid? committeeId, PlanState? state, bool? sentForApproval, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(), new PlanFilter(year, choiceSystemId, committeeId, state, SentForApproval: sentForApproval == true), cancellationToken))
            .WithSummary("Uppföljningsplaner, med sökning på kundval och nämnd, filter (year, choiceSystemId, committeeId, state, sentForApproval: utkast skickade till gruppchefen för godkännande), sortering (choiceSystem, committee, year, state) och sidindelning.");

        plans.MapGet("/{id:guid}", async Task<Results<Ok<PlanDetails>, NotFound>> (Guid id, PlansHandler handler, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, cancellationToken) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound())
            .WithSummary("En uppföljningsplan: läge, år, kundval, nämndens beslut, aktiviteter, fokusteman, modell och tidslinje.");

        work.MapGet("/{id:guid}/completeness", async Task<Results<Ok<PlanCompleteness>, NotFound>> (Guid id, PlansHandler handler, CancellationToken cancellationToken) =>
            await handler.CompletenessAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithSummary("Kontroll av fullständighet: villkor utan uppföljningstillfälle eller aktivitet, och aktiviteter som saknar vad, hur, vem, hur ofta eller när.");

        work.MapPost("/", async (NewPlanInput input, PlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.CreateAsync(input, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken, created: true))
            .WithSummary("Skapar ett utkast för ett kundval och år, tomt eller från fjolårets plan (fromLastYear).");

        work.MapPut("/{id:guid}", async (Guid id, PlanInput input, PlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.SaveAsync(id, input, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken))
            .WithSummary("Ändrar ett utkasts fokusteman, modell och riskanalys. En antagen plan ger 409; skicka med version.");

        work.MapPost("/{id:guid}/activities", async (Guid id, ActivityChange change, PlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.SaveActivityAsync(id, null, change.Activity, change.PlanVersion, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken))
            .WithSummary("Lägger till en aktivitet i ett utkast.");

        work.MapPut("/{id:guid}/activities/{activityId:guid}", async (Guid id, Guid activityId, ActivityChange change, PlansHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await Answer(await handler.SaveActivityAsync(id, activityId, change.Activity, change.PlanVersion, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken))
            .WithSummary("Ändrar en aktivitet i ett utkast.");

        work.MapDelete("/{id:guid}/activities/{activityId:guid}", async (Guid id, Guid activityId, int planVersion, PlansHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await Answer(await handler.RemoveActivityAsync(id, activityId, planVersion, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken))
            .WithSummary("Tar bort en aktivitet ur ett utkast.");

        work.MapPost("/{id:guid}/submit", async (Guid id, StepInput input, PlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.SubmitAsync(id, input.Comment, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken))
            .WithSummary("Kvalitetsutvecklaren skickar ett fullständigt utkast till gruppchef för godkännande; gruppcheferna meddelas.");

        work.MapPost("/{id:guid}/approve", async (Guid id, StepInput input, PlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ApproveAsync(id, input.Comment, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken))
            .WithSummary("Gruppchefen godkänner ett fullständigt utkast.");

        work.MapPost("/{id:guid}/adopt", async (Guid id, AdoptionInput input, PlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.AdoptAsync(id, input, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken))
            .WithSummary("Nämndsekreteraren registrerar nämndens beslut att anta en godkänd plan: datum, paragraf och diarienummer.");

        work.MapPost("/{id:guid}/report-to-council-board", async (Guid id, ReportInput input, PlansHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await Answer(await handler.ReportAsync(id, input.ReportedOn, input.Comment, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken))
            .WithSummary("Nämndsekreteraren registrerar att den antagna planen rapporterats till kommunstyrelsen.");

        work.MapPost("/{id:guid}/revise", async (Guid id, StepInput input, PlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ReviseAsync(id, input.Comment, WorkflowActors.From(actor), cancellationToken), handler, cancellationToken, created: true))
            .WithSummary("Revidera: ett nytt utkast kopplat till den antagna planen, som går samma väg till beslut.");

        var review = api.MapGroup("/council-review").WithTags("Samlad uppföljning").RequireAuthorization(Policies.Municipal);

        review.MapGet("/{year:int}", async Task<Results<Ok<CouncilReviewResult>, ValidationProblem>> (int year, CouncilReviewHandler handler,
                CancellationToken cancellationToken) =>
                FollowUpYear.IsValid(year) ? TypedResults.Ok(await handler.ReviewAsync(year, cancellationToken)) : ApiRequests.Invalid("year", FollowUpYear.Message))
            .WithSummary("Kommunstyrelsens samlade uppföljning för ett år: varje nämnd med kundval, planernas läge och bedömningen mot reglementets tre krav.");

        review.MapGet("/{year:int}/memo", async (int year, string? caseNumber, CouncilReviewHandler handler, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (!FollowUpYear.IsValid(year))
                {
                    return ApiRequests.Invalid("year", FollowUpYear.Message);
                }
                if (!CaseNumber.TryParse(caseNumber, out var number, out var error))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["caseNumber"] = [error] }, title: "Tjänsteskrivelsen kunde inte skapas.");
                }
                var result = await handler.ReviewAsync(year, cancellationToken);
                var decision = await handler.DecisionAsync(year, cancellationToken);
                return Results.File(CouncilReviewMemo.Write(result, decision, number, clock.SwedishToday()), WordDocument.ContentType, CouncilReviewMemo.FileName(result, number));
            })
            .WithSummary("Den samlade uppföljningen som tjänsteskrivelse (Word), diarieförd under ?caseNumber=.");

        review.MapGet("/{year:int}/decision", async Task<Results<Ok<CouncilDecisionView>, NotFound>> (int year, CouncilReviewHandler handler, CancellationToken cancellationToken) =>
                await handler.DecisionAsync(year, cancellationToken) is { } decision ? TypedResults.Ok(decision) : TypedResults.NotFound())
            .WithSummary("Kommunstyrelsens beslut om årets samlade uppföljning: datum, paragraf, diarienummer och beslutstext; 404 om inget är registrerat.");

        review.MapPut("/{year:int}/decision", async (int year, CouncilDecisionInput input, CouncilReviewHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await (await handler.RecordDecisionAsync(year, input, WorkflowActors.From(actor), cancellationToken)).UpdatedAsync(() => handler.DecisionAsync(year, cancellationToken)))
            .WithSummary("Registrerar eller rättar kommunstyrelsens beslut om årets samlade uppföljning (decidedOn, paragraph, caseNumber, text; version vid rättelse). "
                + "Bara kommunstyrelsens kansli eller en systemförvaltare.");
    }

    private static async Task<IResult> Answer(SaveResult result, PlansHandler handler, CancellationToken cancellationToken, bool created = false)
    {
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }
        var plan = await handler.GetAsync(result.Id!.Value, cancellationToken);
        return created ? Results.Created($"/api/v1/plans/{result.Id}", plan) : Results.Ok(plan);
    }
}
