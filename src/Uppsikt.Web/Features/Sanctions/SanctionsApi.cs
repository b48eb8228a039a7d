using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Documents;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>
/// <c>/api/v1/sanctions</c>: the sanctions the caller may see (a provider its own decided ones), the proposal, one endpoint per
/// step taking the sanction's <c>version</c> as last read, and the two documents. The domain decides who takes which step.
/// </summary>
public static class SanctionsApi
{
    public static void MapSanctionsApi(this RouteGroupBuilder api)
    {
        var sanctions = api.MapGroup("/sanctions").WithTags("Sanktioner").RequireAuthorization(SanctionsModule.ReaderPolicy);

        sanctions.MapGet("/", (SanctionsHandler handler, [AsParameters] ListParameters list, SanctionState? state, Guid? providerId, Guid? unitId, Guid? actionPlanId,
                CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), new SanctionFilter(state, providerId, unitId, actionPlanId), cancellationToken))
            .WithSummary("Sanktioner, med sökning på rubrik, motivering, diarienummer, enhet och anordnare, filter (state, providerId, unitId, actionPlanId), "
                + "sortering (proposed, decided, title, unit, provider, type, state) och sidindelning. En anordnare ser bara sina egna beslutade sanktioner.");

        sanctions.MapGet("/{id:guid}", async Task<Results<Ok<SanctionDetails>, NotFound>> (Guid id, SanctionsHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } sanction ? TypedResults.Ok(sanction) : TypedResults.NotFound())
            .WithSummary("En sanktion: förslaget, bristerna med villkor, gruppchefens bedömning, nämndens beslut och stegen.");

        sanctions.MapPost("/", async (ProposeInput input, SanctionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await (await handler.ProposeAsync(input, WorkflowActors.From(actor), cancellationToken))
                    .CreatedAsync(id => $"/api/v1/sanctions/{id}", id => handler.GetAsync(id, cancellationToken)))
            .RequireAuthorization(SanctionsModule.ProposerPolicy)
            .WithSummary("Föreslår en sanktion (type) för brister (deficiencyIds) i en åtgärdsplan (actionPlanId), med motivering. Bara de sanktioner "
                + "bristernas villkor anger kan föreslås, aldrig i egen regi, och först när anordnaren har fått rapporten och svarstiden har gått ut.");

        sanctions.MapPost("/{id:guid}/assessment", async (Guid id, AssessInput input, SanctionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.AssessAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Gruppchefens bedömning (outcome: ToCommittee, MoreReview eller NoSanction; comment krävs utom för ToCommittee).");

        sanctions.MapPost("/{id:guid}/revision", async (Guid id, ReviseInput input, SanctionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ReviseAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Efter mer granskning reviderar förslagsställaren sanktion och motivering, och gruppchefen bedömer förslaget igen.");

        sanctions.MapPost("/{id:guid}/decision", async (Guid id, DecisionInput input, SanctionsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.DecideAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Nämndsekreteraren registrerar nämndens beslut: decided, type, decidedOn, paragraph, caseNumber och fixBy (tidsfrist, krävs för "
                + "varning och föreläggande, högst sex månader). Ett beslut skickas som brev till anordnarens portal; en varning planerar kontrollbesök och uppföljning året efter.");

        sanctions.MapGet("/{id:guid}/memo", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, SanctionsHandler handler, ICurrentActor actor,
                TimeProvider clock, CancellationToken cancellationToken) =>
                actor.ProviderId is null && await handler.GetAsync(id, cancellationToken) is { } sanction
                    ? TypedResults.File(SanctionDocuments.Memo(sanction, clock.SwedishToday()), WordDocument.ContentType, SanctionDocuments.MemoFileName(sanction))
                    : TypedResults.NotFound())
            .WithSummary("Tjänsteskrivelsen inför nämndens beslut, som Word-dokument (DOCX). Bara för kommunen.");

        sanctions.MapGet("/{id:guid}/letter", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, SanctionsHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { State: SanctionState.Decided } sanction
                    ? TypedResults.File(SanctionDocuments.Letter(sanction), WordDocument.ContentType, SanctionDocuments.LetterFileName(sanction))
                    : TypedResults.NotFound())
            .WithSummary("Beslutsbrevet till anordnaren, som Word-dokument (DOCX), när nämnden har beslutat om en sanktion.");
    }

    /// <summary>200 with the sanction as it now is, or the refusal as ProblemDetails (400 by field, 403, 404, 409).</summary>
    private static Task<IResult> Answer(SaveResult result, Guid id, SanctionsHandler handler, CancellationToken cancellationToken) =>
        result.UpdatedAsync(() => handler.GetAsync(id, cancellationToken));
}
