using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Referrals;
using Uppsikt.Web.Infrastructure.Summaries;

namespace Uppsikt.Web.Features.Evidence.Complaints;

public static class ComplaintsApi
{
    public static void MapComplaintsApi(this RouteGroupBuilder api)
    {
        var complaints = api.MapGroup("/complaints").WithTags("Klagomål").RequireAuthorization(Policies.StaffOrProvider);

        complaints.MapGet("/", (ComplaintsHandler handler, [AsParameters] ListParameters list, ComplaintStatus? status,
                bool? overdue, Guid? unitId, Guid? providerId, CancellationToken cancellationToken) =>
            handler.ListAsync(list.ToQuery(),
                status, overdue ?? false, unitId, providerId, cancellationToken))
            .WithSummary("Synpunkter och klagomål, sorterbara (received, unit, status, due), filtrerbara på status, försenat svar, enhet och anordnare.");

        complaints.MapGet("/{id:guid}", async Task<Results<Ok<ComplaintDetails>, NotFound>> (Guid id, ComplaintsHandler handler, FileStore files, CancellationToken cancellationToken) =>
            await handler.GetAsync(id, files, cancellationToken) is { } complaint ? TypedResults.Ok(complaint) : TypedResults.NotFound())
            .WithSummary("Ett klagomål med bifogade filer (hämtas från /files/{id}), och för kommunen ställningstaganden om anmälan och de som saknas.");

        complaints.MapGet("/summary", async Task<Results<Ok<ComplaintSummary>, ValidationProblem>> (ComplaintsHandler handler, int? year, TimeProvider clock,
                CancellationToken cancellationToken) =>
            year is { } chosen && !FollowUpYear.IsValid(chosen) ? ApiRequests.Invalid("year", FollowUpYear.Message)
                : TypedResults.Ok(await handler.SummaryAsync(year ?? clock.SwedishToday().Year, cancellationToken)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Årssammanställning per enhet och kundval: antal per kategori och allvarlighetsgrad, andel besvarade i tid.");

        complaints.MapPost("/", async (ComplaintInput input, ComplaintsHandler handler, FileStore files, CancellationToken cancellationToken) =>
            {
                var result = await handler.SaveAsync(null, input, cancellationToken);
                return result.Succeeded
                    ? Results.Created($"/api/v1/complaints/{result.Id}", await handler.GetAsync(result.Id!.Value, files, cancellationToken))
                    : result.ToProblem();
            })
            .RequireAuthorization(EvidencePolicies.Handler)
            .WithSummary("Registrerar ett klagomål. Sammanfattningen får inte innehålla personnummer.");

        complaints.MapPost("/{id:guid}/forward", (Guid id, ForwardInput input, ComplaintsHandler handler, FileStore files, CancellationToken cancellationToken) =>
                Answer(id, handler.ForwardAsync(id, input, cancellationToken), handler, files, cancellationToken))
            .RequireAuthorization(EvidencePolicies.Handler)
            .WithSummary("Överlämnar klagomålet till anordnaren med senaste svarsdatum.");

        complaints.MapPost("/{id:guid}/answer", (Guid id, AnswerInput input, ComplaintsHandler handler, FileStore files, CancellationToken cancellationToken) =>
                Answer(id, handler.AnswerAsync(id, input, cancellationToken), handler, files, cancellationToken))
            .RequireAuthorization(Policies.ProviderUser)
            .WithSummary("Anordnarens svar med vidtagna åtgärder.");

        complaints.MapPost("/{id:guid}/referrals", (Guid id, StanceInput input, ComplaintsHandler handler, FileStore files, CancellationToken cancellationToken) =>
                Answer(id, handler.RecordStanceAsync(id, input, cancellationToken), handler, files, cancellationToken))
            .RequireAuthorization(EvidencePolicies.Handler)
            .WithSummary("Registrerar kommunens ställningstagande om anmälan av klagomålet till en myndighet (authority: Ivo, Police, TaxAgency, "
                + "SocialInsuranceAgency eller WorkEnvironmentAuthority; decision: Referred eller NotReferred) med motivering (motivation) och datum. "
                + "Ett allvarligt klagomål avslutas inte utan ställningstagande till IVO och polisen.");

        complaints.MapPost("/{id:guid}/close", (Guid id, CloseInput input, ComplaintsHandler handler, FileStore files, CancellationToken cancellationToken) =>
                Answer(id, handler.CloseAsync(id, input, cancellationToken), handler, files, cancellationToken))
            .RequireAuthorization(EvidencePolicies.Handler)
            .WithSummary("Avslutar klagomålet med en kommentar.");
    }

    private static async Task<IResult> Answer(Guid id, Task<SaveResult> change, ComplaintsHandler handler, FileStore files, CancellationToken cancellationToken)
    {
        var result = await change;
        return result.Succeeded ? Results.Ok(await handler.GetAsync(id, files, cancellationToken)) : result.ToProblem();
    }
}
