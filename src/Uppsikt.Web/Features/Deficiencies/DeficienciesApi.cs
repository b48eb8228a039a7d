using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Referrals;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>
/// <c>/api/v1/deficiencies</c> and <c>/api/v1/action-plans</c>: the deficiencies and plans the caller may see (a provider its
/// own), and one endpoint per step, each taking the plan's <c>version</c> as last read. The domain decides who takes which step.
/// </summary>
public static class DeficienciesApi
{
    public static void MapDeficienciesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/deficiencies", (ActionPlansHandler handler, [AsParameters] ListParameters list, DeficiencyState? state, Assessment? severity,
                DeficiencyOrigin? origin, Guid? originId, Guid? providerId, Guid? unitId, DeficiencyNeed? need, CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), new DeficiencyFilter(state, severity, origin, providerId, unitId, originId, need), cancellationToken))
            .RequireAuthorization(DeficienciesModule.ReaderPolicy).WithTags("Brister och åtgärdsplaner")
            .WithSummary("Brister, med sökning på område, beskrivning, krav på åtgärd, enhet och anordnare, filter (state, severity, origin, originId, "
                + "providerId, unitId, need: AwaitingPlan, AwaitingApproval, AwaitingVerification eller Overdue), sortering (deadline, identified, area, "
                + "severity, unit, provider, state) och sidindelning. En anordnare ser bara sina egna.");

        var plans = api.MapGroup("/action-plans").WithTags("Brister och åtgärdsplaner").RequireAuthorization(DeficienciesModule.ReaderPolicy);

        plans.MapGet("/{id:guid}", async Task<Results<Ok<ActionPlanDetails>, NotFound>> (Guid id, ActionPlansHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound())
            .WithSummary("En åtgärdsplan: bristerna med villkor, krav på åtgärd och tidsfrist, anordnarens åtgärder och redovisningar, "
                + "kommunens verifieringar och planens tidslinje.");

        plans.MapPost("/", async (NewDeficiencyInput input, ActionPlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await (await handler.RegisterAsync(input, WorkflowActors.From(actor), cancellationToken))
                    .CreatedAsync(id => $"/api/v1/action-plans/{id}", id => handler.GetAsync(id, cancellationToken)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Registrerar en brist från ett allvarligt klagomål eller en allvarlig händelse (origin: Complaint eller Incident, matterId) "
                + "med allvarlighet, område, beskrivning, krav på åtgärd och tid att åtgärda (1–6 månader). En gransknings brister registreras när rapporten fastställs.");

        plans.MapPost("/{id:guid}/actions", async (Guid id, ActionInput input, ActionPlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.AddActionAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Anordnaren lägger till en åtgärd mot en brist: vad, ansvarig person och datum senast bristens tidsfrist.");

        plans.MapDelete("/{id:guid}/actions/{actionId:guid}", async (Guid id, Guid actionId, int? version, ActionPlansHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await Answer(await handler.RemoveActionAsync(id, actionId, version, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Anordnaren tar bort en åtgärd som inte är rapporterad, medan planen inte är inlämnad (version: planens version).");

        plans.MapPost("/{id:guid}/submission", async (Guid id, PlanStepInput input, ActionPlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.SubmitAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Anordnaren lämnar in planen. Varje öppen brist måste ha minst en åtgärd som inte är genomförd.");

        plans.MapPost("/{id:guid}/approval", async (Guid id, PlanStepInput input, ActionPlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ApproveAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Kommunen godkänner en inlämnad åtgärdsplan.");

        plans.MapPost("/{id:guid}/return", async (Guid id, ReturnInput input, ActionPlansHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ReturnAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Kommunen återsänder en inlämnad åtgärdsplan med skäl; anordnaren kompletterar och lämnar in den igen.");

        plans.MapGet("/{id:guid}/files", async Task<Results<Ok<IReadOnlyList<Attachment>>, NotFound>> (Guid id, ActionPlansHandler handler, FileStore files,
                CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is null ? TypedResults.NotFound()
                    : TypedResults.Ok(await files.ListAsync(ActionPlansHandler.FileOwnerType, id, cancellationToken)))
            .WithSummary("Filerna som är bifogade till åtgärdsplanen (underlag för genomförda åtgärder). Hämtas från /files/{id}.");

        plans.MapPost("/{id:guid}/files", async (Guid id, HttpContext context, FileStore files, CancellationToken cancellationToken) =>
            {
                var upload = context.UploadedFile();
                await using var content = upload.OpenReadStream();
                var result = await files.UploadAsync(ActionPlansHandler.FileOwnerType, id, upload.FileName, content, cancellationToken);
                return result.Succeeded ? Results.Created($"/files/{result.Id}", new { id = result.Id }) : result.ToProblem();
            })
            // Whether the caller may see the plan is asked before the upload is read, so that another provider's plan is simply not found.
            .AddEndpointFilter(async (invocation, next) =>
                await invocation.HttpContext.RequestServices.GetRequiredService<FileStore>()
                    .FindMatterAsync(ActionPlansHandler.FileOwnerType, invocation.GetArgument<Guid>(0), invocation.HttpContext.RequestAborted) is null
                    ? Results.NotFound() : await next(invocation))
            .AcceptsUpload()
            .WithSummary("Bifogar en fil till åtgärdsplanen (multipart/form-data, fältet file), till exempel underlag för en genomförd åtgärd.");

        plans.MapPost("/{id:guid}/actions/{actionId:guid}/done", async (Guid id, Guid actionId, DoneInput input, ActionPlansHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await Answer(await handler.ReportDoneAsync(id, actionId, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Anordnaren rapporterar en åtgärd i en godkänd plan som genomförd: vad som gjordes och minst en bifogad fil (evidenceFileIds) som underlag.");

        plans.MapPost("/{id:guid}/deficiencies/{deficiencyId:guid}/verifications", async (Guid id, Guid deficiencyId, VerifyInput input, ActionPlansHandler handler,
                ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.VerifyAsync(id, deficiencyId, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Kommunen verifierar en brist: vad som kontrollerades, hur (PhoneCall, Documents eller Visit med reviewId för en uppföljning av "
                + "tidigare granskning), dag och om den är åtgärdad. En allvarlig brist följs upp med besök. En brist som kvarstår får en ny tidsfrist "
                + "(newDeadlineOn, inom sex månader) och planen går tillbaka till anordnaren.");

        MapStances(plans);
    }

    /// <summary>The municipality's stance on referring a serious deficiency (decision 0029); the same input and rules as on incidents and complaints.</summary>
    private static void MapStances(RouteGroupBuilder plans) =>
        plans.MapPost("/{id:guid}/deficiencies/{deficiencyId:guid}/referrals", async (Guid id, Guid deficiencyId, StanceInput input, ActionPlansHandler handler,
                ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.RecordStanceAsync(id, deficiencyId, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Kommunen registrerar ställningstagande om anmälan av en brist till en myndighet (authority: Ivo, Police, TaxAgency, "
                + "SocialInsuranceAgency eller WorkEnvironmentAuthority; decision: Referred eller NotReferred) med motivering (motivation), datum och "
                + "planens version. En allvarlig brist verifieras inte som åtgärdad utan ställningstagande till IVO och polisen.");

    /// <summary>200 with the plan as it now is, or the refusal as ProblemDetails (400 by field, 403, 404, 409).</summary>
    private static Task<IResult> Answer(SaveResult result, Guid id, ActionPlansHandler handler, CancellationToken cancellationToken) =>
        result.UpdatedAsync(() => handler.GetAsync(id, cancellationToken));
}
