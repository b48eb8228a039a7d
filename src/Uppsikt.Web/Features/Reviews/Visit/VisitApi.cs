using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Reviews.Visit;

/// <summary>A review's preparation and visit over the API: the evidence, the checklist and its findings, the visit, participants, notes and meeting notes.</summary>
public static class VisitApi
{
    public static void MapReviewVisitApi(this RouteGroupBuilder api)
    {
        var review = api.MapGroup("/reviews/{id:guid}").WithTags("Granskningar").RequireAuthorization(Policies.Staff);

        review.MapGet("/preparation", async Task<Results<Ok<ReviewPreparation>, NotFound>> (Guid id, VisitHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await handler.PreparationAsync(id, WorkflowActors.From(actor), cancellationToken) is { } preparation ? TypedResults.Ok(preparation) : TypedResults.NotFound())
            .WithSummary($"Underlaget inför besöket: anordnarens senaste kvalitetsrapport och per enhet de senaste indikatorresultaten mot målvärde, klagomål, avvikelser och handläggares erfarenheter de senaste {VisitHandler.EvidenceMonths} månaderna samt brister från tidigare granskningar.");

        review.MapGet("/checklist", async Task<Results<Ok<ReviewChecklist>, NotFound>> (Guid id, VisitHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                await handler.ChecklistAsync(id, WorkflowActors.From(actor), cancellationToken) is { } checklist ? TypedResults.Ok(checklist) : TypedResults.NotFound())
            .WithSummary("Checklistan per enhet: varje fråga med villkoren i den version som gäller på besöksdagen och iakttagelsen hittills per enhet, och hur många frågor som är bedömda.");

        review.MapPut("/findings", async Task<IResult> (Guid id, FindingInput input, VisitHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
            {
                var result = await handler.SaveFindingAsync(id, input, WorkflowActors.From(actor), cancellationToken);
                return !result.Succeeded ? result.ToProblem()
                    : await handler.FindingAsync(id, result.Id!.Value, cancellationToken) is { } finding ? TypedResults.Ok(finding) : TypedResults.NotFound();
            })
            .Produces<FindingView>().Refusals()
            .WithSummary("Sparar iakttagelsen för en fråga vid en enhet: svar, iakttagelse och bedömning (Satisfactory, SatisfactoryCanImprove, MinorDeficiency, SeriousDeficiency). Varje fråga sparas för sig; skicka med iakttagelsens version när den redan finns. Efter genomfört besök och utkast ger det 409.");

        review.MapPut("/visit", async (Guid id, VisitInput input, VisitHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.SaveVisitAsync(id, input, WorkflowActors.From(actor), cancellationToken), handler, id, actor, cancellationToken))
            .Produces<VisitReview>().Refusals()
            .WithSummary("Ändrar besöket (visitMode: None, OnSite, Digital; visitAt; visitPlace) och diarienumret. Skicka med granskningens version.");

        review.MapPost("/participants", async (Guid id, ParticipantInput input, VisitHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
            {
                var result = await handler.AddParticipantAsync(id, input, WorkflowActors.From(actor), cancellationToken);
                return result.Succeeded ? Results.Created($"/api/v1/reviews/{id}/participants/{result.Id}", await handler.GetAsync(id, WorkflowActors.From(actor), cancellationToken))
                    : result.ToProblem();
            })
            .Produces<VisitReview>(StatusCodes.Status201Created).Refusals()
            .WithSummary("Lägger till en deltagare från kommunen (Municipality) eller anordnaren (Provider) med namn och befattning.");

        review.MapDelete("/participants/{participantId:guid}", async (Guid id, Guid participantId, VisitHandler handler, ICurrentActor actor,
                CancellationToken cancellationToken) =>
                (await handler.RemoveParticipantAsync(id, participantId, WorkflowActors.From(actor), cancellationToken)).Removed())
            .Produces(StatusCodes.Status204NoContent).Refusals()
            .WithSummary("Tar bort en deltagare.");

        review.MapPost("/notes", async (Guid id, NoteInput input, VisitHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
            {
                var result = await handler.AddNoteAsync(id, input, WorkflowActors.From(actor), cancellationToken);
                return result.Succeeded ? Results.Created($"/api/v1/reviews/{id}/notes/{result.Id}", await handler.NotesAsync(id, WorkflowActors.From(actor), cancellationToken))
                    : result.ToProblem();
            })
            .Produces<ReviewNotes>(StatusCodes.Status201Created).Refusals()
            .WithSummary("Lägger till en intervjuanteckning (group: ServiceUsers, Relatives, Staff, Management, CaseWorkers). Anteckningar visas aldrig för anordnaren; personnummer avvisas.");

        review.MapPut("/meeting-notes", async (Guid id, MeetingNotesInput input, VisitHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.WriteMeetingNotesAsync(id, input, WorkflowActors.From(actor), cancellationToken), handler, id, actor, cancellationToken))
            .Produces<VisitReview>().Refusals()
            .WithSummary("Sparar metodbeskrivningen och minnesanteckningarna från besöket. Skicka med granskningens version; personnummer avvisas.");
    }

    /// <summary>What a refused write answers (<see cref="SaveResult.ToProblem"/>), for the API's description.</summary>
    private static RouteHandlerBuilder Refusals(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Answer(SaveResult result, VisitHandler handler, Guid id, ICurrentActor actor, CancellationToken cancellationToken) =>
        await result.UpdatedAsync(() => handler.GetAsync(id, WorkflowActors.From(actor), cancellationToken));
}
