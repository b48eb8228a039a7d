using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Register.Units;

public sealed class DetailsModel(UnitsHandler handler, UnitHistory history, IAuthorizationService authorization) : RegisterDetailsPage(authorization)
{
    /// <summary>How many of the newest timeline entries the unit's page shows; the timeline page has the rest.</summary>
    public const int LatestCount = 5;

    public UnitDetails Unit { get; private set; } = null!;

    public UnitTimeline? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(await handler.GetAsync(id, cancellationToken), found => Unit = found);
        if (shown is PageResult)
        {
            Latest = await history.ReadAsync(id, new UnitHistoryQuery(PageSize: LatestCount), cancellationToken);
        }
        return shown;
    }
}
