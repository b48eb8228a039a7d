using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Indicators;

public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithTags("Indikatorer").RequireAuthorization(Policies.StaffOrProvider);
        indicators.MapGet("/", (IndicatorsHandler handler, CancellationToken cancellationToken) => handler.ListAsync(cancellationToken))
            .WithSummary("Indikatorer med målvärden per kundval.");
        indicators.MapGet("/{id:guid}", async Task<Results<Ok<IndicatorDetails>, NotFound>> (Guid id, IndicatorsHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } indicator ? TypedResults.Ok(indicator) : TypedResults.NotFound())
            .WithSummary("En indikator.");

        var results = api.MapGroup("/indicator-results").WithTags("Indikatorresultat").RequireAuthorization(Policies.StaffOrProvider);
        results.MapGet("/", async Task<Results<Ok<UnitResults>, NotFound>> (Guid unitId, IndicatorResults handler, CancellationToken cancellationToken) =>
                await handler.ForUnitAsync(unitId, cancellationToken) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound())
            .WithSummary("En enhets resultat per underlag och indikator, med målvärde, kommunens snitt och flagga under målvärdet.");

        results.MapGet("/equal-terms", async (ResultComparison comparison, [AsParameters] ListParameters list, Guid? indicatorId, int? year, Guid? committeeId,
                Guid? choiceSystemId, bool? inHouse, CancellationToken cancellationToken) =>
            {
                var (compared, refused) = await comparison.CompareAsync(new EqualTermsFilter(indicatorId, year, committeeId, choiceSystemId, inHouse), list.ToQuery(), cancellationToken);
                return refused is not null ? refused.ToProblem() : compared is not null ? Results.Ok(compared) : Results.NotFound();
            })
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Lika villkor: en indikators helårsresultat (indicatorId, year; annars den första indikatorn med resultat och dess senaste år) för egen regi "
                + "sammanvägt mot privata anordnare och för varje enhet mot kommunens sammanvägda resultat, med antal svar, 95 % konfidensintervall (bara för andelar) och "
                + "utlåtande (Higher, Lower, NoCertainDifference, som bara påstår en skillnad när intervallen inte överlappar). Filter committeeId, choiceSystemId, inHouse; "
                + "sortering (unit, provider, value, answers) och sidindelning. Resultat med färre svar än minimiantalet är markerade (suppressed) och ingår inte i utlåtandena. 404 när inga resultat finns.");

        var imports = results.MapGroup("/imports").RequireAuthorization(Policies.Editor);
        imports.MapImportUpload("/", IndicatorResultImport.ImportKind)
            .WithSummary("Läser in resultat från CSV, XLSX eller Koladas oudata-JSON (fältet file). Svarar 202 och inläsningens id; hämta den tills status inte är Running.");
        imports.MapGet("/", (ImportReports reports, CancellationToken cancellationToken) =>
                reports.RecentAsync(IndicatorResultImport.ImportKind, 50, cancellationToken))
            .WithSummary("De senaste inläsningarna av resultat.");
        imports.MapGet("/{id:guid}", async Task<Results<Ok<ImportReport>, NotFound>> (Guid id, ImportReports reports, CancellationToken cancellationToken) =>
                await reports.GetAsync(id, IndicatorResultImport.ImportKind, cancellationToken) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("En inläsning: status, rader lästa och avvisade rader med rad, kolumn och orsak.");
    }
}
