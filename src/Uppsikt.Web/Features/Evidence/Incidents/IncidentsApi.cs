using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Referrals;

namespace Uppsikt.Web.Features.Evidence.Incidents;

public static class IncidentsApi
{
    public static void MapIncidentsApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Avvikelser").RequireAuthorization(Policies.StaffOrProvider);

        incidents.MapGet("/", (IncidentsHandler handler, [AsParameters] ListParameters list, IncidentKind? kind,
                IncidentStatus? status, Guid? unitId, Guid? providerId, bool? stanceMissing, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                kind, status, unitId, providerId, stanceMissing == true, cancellationToken))
            .WithSummary("Avvikelser, Lex Sarah och Lex Maria, sorterbara (occurred, unit, kind, status), filtrerbara på typ, status, enhet och anordnare, "
                + "och stanceMissing: öppna allvarliga händelser som saknar ställningstagande om anmälan.");

        incidents.MapGet("/{id:guid}", async Task<Results<Ok<IncidentDetails>, NotFound>> (Guid id, IncidentsHandler handler, FileStore files, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, files, cancellationToken) is { } incident ? TypedResults.Ok(incident) : TypedResults.NotFound())
            .WithSummary("En händelse med bifogade filer, och för kommunen ställningstaganden om anmälan och de som saknas.");

        incidents.MapGet("/summary", (IncidentsHandler handler, DateOnly? from, DateOnly? to, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var (start, end) = Period(from, to, clock);
                return handler.SummaryAsync(start, end, cancellationToken);
            })
            .RequireAuthorization(Policies.Staff)
            .WithSummary("MAS/MAR-sammanställning för en period (from, to; standard innevarande år): antal per typ, allvarlighetsgrad, enhet och kundval.");

        incidents.MapPost("/", async (IncidentInput input, IncidentsHandler handler, FileStore files, CancellationToken cancellationToken) =>
            {
                var result = await handler.SaveAsync(null, input, cancellationToken);
                return result.Succeeded
                    ? Results.Created($"/api/v1/incidents/{result.Id}", await handler.GetAsync(result.Id!.Value, files, cancellationToken))
                    : result.ToProblem();
            })
            .RequireAuthorization(EvidencePolicies.IncidentReporter)
            .WithSummary("Rapporterar en händelse. En anordnare rapporterar för sina egna enheter.");

        incidents.MapPost("/{id:guid}/referrals", async (Guid id, StanceInput input, IncidentsHandler handler, FileStore files, CancellationToken cancellationToken) =>
                Answer(await handler.RecordStanceAsync(id, input, cancellationToken),
                    await handler.GetAsync(id, files, cancellationToken)))
            .RequireAuthorization(EvidencePolicies.Handler)
            .WithSummary("Registrerar ställningstagande om anmälan till en myndighet (authority: Ivo, Police, TaxAgency, SocialInsuranceAgency eller "
                + "WorkEnvironmentAuthority; decision: Referred eller NotReferred) med motivering (motivation; reason godtas som äldre namn) och datum.");

        incidents.MapPost("/{id:guid}/close", async (Guid id, IncidentCloseInput input, IncidentsHandler handler, FileStore files, CancellationToken cancellationToken) =>
                Answer(await handler.CloseAsync(id, input, cancellationToken), await handler.GetAsync(id, files, cancellationToken)))
            .RequireAuthorization(EvidencePolicies.Handler)
            .WithSummary("Avslutar händelsen. En allvarlig händelse kräver ställningstagande om anmälan till både IVO och polisen.");
    }

    /// <summary>The period asked for, by default this calendar year so far.</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var today = clock.SwedishToday();
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? new DateOnly(start.Year, 12, 31);
        return end < start ? (end, start) : (start, end);
    }

    private static IResult Answer(SaveResult result, IncidentDetails? incident) =>
        result.Succeeded ? Results.Ok(incident) : result.ToProblem();
}
