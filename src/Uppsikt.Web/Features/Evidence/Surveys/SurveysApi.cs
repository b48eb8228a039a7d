using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Surveys;

/// <summary>
/// <c>/api/v1/surveys</c>: surveys with their questions and per-unit results for the staff; quality developers and administrators
/// create, change and remove them and their questions, each change taking the survey's <c>version</c> as last read.
/// </summary>
public static class SurveysApi
{
    public static void MapSurveysApi(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("Brukarundersökningar").RequireAuthorization(Policies.Staff);

        surveys.MapGet("/", (SurveysHandler handler, [AsParameters] ListParameters list, int? year, Guid? committeeId, CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), new SurveyFilter(year, committeeId), cancellationToken))
            .WithSummary("Undersökningar, med sökning på namn, genomförare och metod, filter (year, committeeId), sortering (year, name, committee, conductor, "
                + "questions) och sidindelning.");

        surveys.MapGet("/{id:guid}", async Task<Results<Ok<SurveyDetails>, NotFound>> (Guid id, SurveysHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } survey ? TypedResults.Ok(survey) : TypedResults.NotFound())
            .WithSummary("En undersökning med frågorna, varje frågas sammanvägda resultat för hela kommunen, egen regi och privata anordnare med antal svar "
                + "och 95 % konfidensintervall, och varje enhets svar. Resultat från färre svar än minimiantalet är markerade (suppressed) och ingår inte i "
                + "något sammanvägt resultat.");

        var editing = surveys.MapGroup("").RequireAuthorization(Policies.Editor);
        editing.MapPost("/", async (SurveyForm input, SurveysHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(null, input, cancellationToken))
                    .CreatedAsync(id => $"/api/v1/surveys/{id}", id => handler.GetAsync(id, cancellationToken)))
            .WithSummary("Registrerar en undersökning (name, year, committeeId, choiceSystemId eller inget för alla nämndens enheter, conductor, method, "
                + "opensOn, closesOn).");

        editing.MapPut("/{id:guid}", async (Guid id, SurveyForm input, SurveysHandler handler, CancellationToken cancellationToken) =>
                await (await handler.SaveAsync(id, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, cancellationToken)))
            .WithSummary("Ändrar en undersökning.");

        editing.MapDelete("/{id:guid}", async (Guid id, int? version, SurveysHandler handler, CancellationToken cancellationToken) =>
                (await handler.DeleteAsync(id, version, cancellationToken)).Removed())
            .WithSummary("Tar bort en undersökning och dess frågor; indikatorerna och deras resultat finns kvar. Med ?version= bara om ingen har ändrat den sedan dess.");

        editing.MapPost("/{id:guid}/questions", async (Guid id, SurveyQuestionForm input, SurveysHandler handler, CancellationToken cancellationToken) =>
                await (await handler.AddQuestionAsync(id, input, cancellationToken)).UpdatedAsync(() => handler.GetAsync(id, cancellationToken)))
            .WithSummary("Lägger till en fråga (text, indicatorId: en indikator med underlaget brukarundersökningar som inte redan är en fråga i undersökningen).");

        editing.MapDelete("/{id:guid}/questions/{questionId:guid}", async (Guid id, Guid questionId, int? version, SurveysHandler handler,
                CancellationToken cancellationToken) =>
                (await handler.RemoveQuestionAsync(id, questionId, version, cancellationToken)).Removed())
            .WithSummary("Tar bort en fråga; de följande frågorna numreras om. Med ?version= bara om ingen har ändrat undersökningen sedan dess.");
    }
}
