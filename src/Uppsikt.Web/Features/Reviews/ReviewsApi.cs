using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>
/// <c>/api/v1/reviews</c>: the municipality's reviews and one endpoint per step of the workflow, each taking the review's
/// <c>version</c> as last read. Providers answer a communicated report through the portal's endpoints, not these.
/// </summary>
public static class ReviewsApi
{
    public static void MapReviewsApi(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/reviews").WithTags("Granskningar").RequireAuthorization(Policies.Staff);

        reviews.MapGet("/", (ReviewsHandler handler, ICurrentActor actor, [AsParameters] ListParameters list, ReviewState? state, ReviewType? type, Guid? providerId,
                Guid? unitId, int? year, bool? mine, ReviewNeed? need, CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), new ReviewFilter(state, type, providerId, unitId, year, mine == true ? actor.UserId ?? "" : null, need), cancellationToken))
            .WithSummary("Granskningar, med sökning på rubrik, diarienummer, granskningsledare och anordnare, filter (state, type, providerId, unitId, year, "
                + "mine: de som anroparen leder, need: ReadyToFinalise, AwaitingIndependentReviewer eller AwaitingGroupManager), "
                + "sortering (plannedFor, title, type, state, provider) och sidindelning.");

        reviews.MapGet("/{id:guid}", async Task<Results<Ok<ReviewDetails>, NotFound>> (Guid id, ReviewsHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } review ? TypedResults.Ok(review) : TypedResults.NotFound())
            .WithSummary("En granskning: typ, läge, anordnare, enheter, checklista, beslut, besök, sammanfattning, samlad bedömning, "
                + "kommunicering och anordnarens svar, oberoende granskning, deltagare, iakttagelser i siffror och tidslinje.");

        reviews.MapGet("/{id:guid}/independent-reviewer-candidates",
                async Task<Results<Ok<List<ReviewerCandidate>>, NotFound>> (Guid id, ReviewsHandler handler, CancellationToken cancellationToken) =>
                await handler.ReviewerCandidatesAsync(id, cancellationToken) is { } candidates ? TypedResults.Ok(candidates) : TypedResults.NotFound())
            .WithSummary("De som kan utses till oberoende granskare av en ifrågasatt rapport: rätt roll och inte delaktiga i granskningen.");

        reviews.MapPost("/", async (PlanReviewInput input, ReviewsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await (await handler.PlanAsync(input, WorkflowActors.From(actor), cancellationToken))
                    .CreatedAsync(id => $"/api/v1/reviews/{id}", id => handler.GetAsync(id, cancellationToken)))
            .WithSummary("Planerar en granskning av en enhet, eller flera enheter hos samma anordnare vid särskilt riktad uppföljning. "
                + "Typen avgör vem som beslutar: gruppchefen för särskilt riktad uppföljning och påkallad granskning, MAS/MAR för hälso- och sjukvårdsgranskning.");

        Step(reviews, "/{id:guid}/preparation", (handler, id, input, actor, ct) => handler.StartPreparationAsync(id, input, actor, ct),
            "Påbörjar förberedelsen. Kräver en aktiverad checklista för granskningstypen och kundvalet.");
        Step(reviews, "/{id:guid}/visit-done", (handler, id, input, actor, ct) => handler.RecordVisitDoneAsync(id, input, actor, ct),
            "Registrerar att besöket är genomfört. Besökets tid ska vara angiven (PUT /visit) och får inte ligga i framtiden; iakttagelserna kan registreras även efteråt.");
        reviews.MapPut("/{id:guid}/case-number", async (Guid id, CaseNumberInput input, ReviewsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.SetCaseNumberAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Anger eller ändrar granskningens diarienummer medan underlaget tas fram. Ett tomt värde tar bort det.");
        reviews.MapPost("/{id:guid}/draft", async (Guid id, DraftInput input, ReviewsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.WriteDraftAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Skriver utkastet till rapport med sammanfattningen. Alla obligatoriska frågor måste vara bedömda för varje enhet; "
                + "den samlade bedömningen blir den allvarligaste iakttagelsen.");
        Step(reviews, "/{id:guid}/draft/reopen", (handler, id, input, actor, ct) => handler.ReopenDraftAsync(id, input, actor, ct),
            "Öppnar ett utkast som inte har kommunicerats för mer arbete.");
        reviews.MapPost("/{id:guid}/communication", async (Guid id, CommunicationInput input, ReviewsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.CommunicateAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Kommunicerar utkastet med anordnaren, som då ser rapporten och kan svara till och med sista svarsdag "
                + "(inställt antal dagar från i dag, eller responseDueOn om den är senare). Kräver diarienummer.");
        Step(reviews, "/{id:guid}/finalisation", (handler, id, input, actor, ct) => handler.FinaliseAsync(id, input, actor, ct),
            "Fastställer rapporten när anordnaren har svarat eller svarstiden har gått ut, och ingen begärd oberoende granskning pågår.");
        Step(reviews, "/{id:guid}/closure", (handler, id, input, actor, ct) => handler.CloseAsync(id, input, actor, ct),
            "Avslutar en granskning med fastställd rapport.");
        reviews.MapPost("/{id:guid}/independent-reviewer", async (Guid id, ReviewerInput input, ReviewsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.AssignIndependentReviewerAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Gruppchefen utser en oberoende granskare (reviewerId, en användare) till en rapport som anordnaren har ifrågasatt.");
        reviews.MapPost("/{id:guid}/dispute-conclusion", async (Guid id, ConclusionInput input, ReviewsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await handler.ConcludeDisputeAsync(id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary("Den oberoende granskaren lämnar sin bedömning av den ifrågasatta rapporten; därefter kan rapporten fastställas.");
    }

    private static void Step(RouteGroupBuilder reviews, string pattern,
        Func<ReviewsHandler, Guid, StepInput, Domain.WorkflowActor, CancellationToken, Task<SaveResult>> take, string summary) =>
        reviews.MapPost(pattern, async (Guid id, StepInput input, ReviewsHandler handler, ICurrentActor actor, CancellationToken cancellationToken) =>
                await Answer(await take(handler, id, input, WorkflowActors.From(actor), cancellationToken), id, handler, cancellationToken))
            .WithSummary(summary);

    /// <summary>200 with the review as it now is, or the refusal as ProblemDetails (400 by field, 403, 404, 409).</summary>
    private static Task<IResult> Answer(SaveResult result, Guid id, ReviewsHandler handler, CancellationToken cancellationToken) =>
        result.UpdatedAsync(() => handler.GetAsync(id, cancellationToken));
}
