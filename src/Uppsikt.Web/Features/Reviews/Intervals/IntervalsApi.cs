using Microsoft.AspNetCore.Http.HttpResults;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews.Intervals;

/// <summary><c>/api/v1/review-intervals</c>: the interval page's rows for one committee.</summary>
public static class IntervalsApi
{
    public static void MapReviewIntervalsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/review-intervals", async Task<Results<Ok<PagedList<IntervalRow>>, NotFound>> (IntervalsHandler handler,
                [AsParameters] ListParameters list, Guid? committeeId, IntervalFilter? filter, CancellationToken cancellationToken) =>
                await handler.ListAsync(list.ToQuery(), committeeId, filter is { } f && Enum.IsDefined(f) ? f : IntervalFilter.All, cancellationToken)
                    is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Staff)
            .WithTags("Granskningar")
            .WithSummary("En nämnds öppna enheter med nästa granskning eller uppföljning och skälet (dueOn, reason), senaste ordinarie granskning "
                + "och resultat. committeeId: nämnden (utan: den första i namnordning; okänd: 404). filter: All, DueSoon (inom 90 dagar) eller Overdue. "
                + "Sortering (dueOn, unit, provider, choiceSystem, lastReviewOn) och sidindelning.");
    }
}
