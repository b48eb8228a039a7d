using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityBonus;

/// <summary><c>/api/v1/bonus-models</c>: the bonus models, one model, and what it would have paid for a year (decision 0043).</summary>
public static class QualityBonusApi
{
    public static void MapQualityBonusApi(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/bonus-models").WithTags("Kvalitetsbonus").RequireAuthorization(QualityBonusModule.Policy);

        models.MapGet("/", (QualityBonusHandler handler, [AsParameters] ListParameters list, CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), cancellationToken))
            .WithSummary("Bonusmodeller, med sökning på namn, sortering (name, choiceSystem, ceiling) och sidindelning.");

        models.MapGet("/{id:guid}", async Task<Results<Ok<BonusModelDetails>, NotFound>> (Guid id, QualityBonusHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } model ? TypedResults.Ok(model) : TypedResults.NotFound())
            .WithSummary("En bonusmodell: kundval, grund (per plats eller per timme), tak per enhet och år, och kriterierna.");

        models.MapGet("/{id:guid}/run", async (Guid id, int? year, QualityBonusHandler handler, CancellationToken cancellationToken) =>
            {
                if (year is not { } asked)
                {
                    return new Validation().Add("year", "Ange vilket år simuleringen ska köras för.").Fail().ToProblem();
                }
                if (await handler.SimulateAsync(id, asked, cancellationToken) is not { } view)
                {
                    return Results.NotFound();
                }
                return view.Years.Contains(asked)
                    ? Results.Ok(new { view.Year, view.MinimumAnswers, view.Run, view.Sensitivity })
                    : new Validation().Add("year", view.Years.Count == 0
                        ? "Det finns inga helårsresultat för modellens indikatorer ännu."
                        : $"Det finns inga helårsresultat för {asked}; välj ett av åren {string.Join(", ", view.Years)}.").Fail().ToProblem();
            })
            .WithSummary("Vad modellen skulle ha betalat ett år (year) med helårsresultaten: per enhet och kriterium, per anordnare, egen regi mot övriga, "
                + "och känsligheten när trösklarna flyttas.");
    }
}
