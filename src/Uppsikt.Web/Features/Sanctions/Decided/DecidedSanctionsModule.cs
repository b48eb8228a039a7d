using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Sanctions.Decided;

/// <summary>
/// The sanctions the committee decided, as reported to it (decision 0036), read only, at <c>/Sanctions/Decided</c> and
/// <c>/api/v1/sanctions/decided</c>. The committee member reads its own committee's, the staff every committee's; the council
/// board's staff reads plans and the council-wide review only.
/// </summary>
public static class DecidedSanctionsModule
{
    public static IServiceCollection AddDecidedSanctions(this IServiceCollection services)
    {
        services.AddScoped<DecidedSanctionsHandler>();
        services.AddScoped<Infrastructure.Home.IWorkSource, DecidedSanctionWork>();
        // A folder of its own: the rest of /Sanctions is authorised page by page, so this policy adds to no other page's.
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Sanctions/Decided", Policies.StaffOrCommitteeMember));
        return services;
    }

    public static void MapDecidedSanctionsApi(this RouteGroupBuilder api)
    {
        var decided = api.MapGroup("/sanctions/decided").WithTags("Beslutade sanktioner").RequireAuthorization(Policies.StaffOrCommitteeMember);

        decided.MapGet("/", (DecidedSanctionsHandler handler, [AsParameters] ListParameters list, CancellationToken cancellationToken) =>
                handler.ListAsync(list.ToQuery(), cancellationToken))
            .WithSummary("Sanktioner som nämnden har beslutat, för en förtroendevald bara den egna nämndens, med sökning på ärendets rubrik och diarienummer, enhet och "
                + "anordnare, sortering (decided, title, unit, provider, type) och sidindelning.");

        decided.MapGet("/{id:guid}", async Task<Results<Ok<DecidedSanction>, NotFound>> (Guid id, DecidedSanctionsHandler handler, CancellationToken cancellationToken) =>
                await handler.GetAsync(id, cancellationToken) is { } sanction ? TypedResults.Ok(sanction) : TypedResults.NotFound())
            .WithSummary("En beslutad sanktion: anordnare, enhet, sanktion, beslut, tidsfrist och skälen: bristerna den gäller med villkoren.");
    }
}
