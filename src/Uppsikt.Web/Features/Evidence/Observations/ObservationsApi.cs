using System.Security.Claims;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Observations;

public static class ObservationsApi
{
    public static void MapObservationsApi(this RouteGroupBuilder api)
    {
        var observations = api.MapGroup("/observations").WithTags("Handläggares erfarenheter").RequireAuthorization(Policies.Staff);

        observations.MapGet("/", (ObservationsHandler handler, [AsParameters] ListParameters list, Guid? unitId, Guid? providerId,
                bool? mine, ICurrentActor actor, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(), unitId, providerId, mine == true ? actor.UserId ?? "" : null, cancellationToken))
            .WithSummary("Handläggares iakttagelser om enheter, filter (unitId, providerId, mine: de som anroparen har registrerat), sorterbara (observed, unit, severity).");

        observations.MapPost("/", async (ObservationInput input, ObservationsHandler handler, CancellationToken cancellationToken) =>
            {
                var result = await handler.RecordAsync(input, cancellationToken);
                return result.Succeeded ? Results.Created($"/api/v1/observations?unitId={input.UnitId}", new { id = result.Id }) : result.ToProblem();
            })
            .RequireAuthorization(EvidencePolicies.ObservationRecorder)
            .WithSummary("Registrerar en iakttagelse. Texten får inte innehålla personnummer.");
    }
}
