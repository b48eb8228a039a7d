using Microsoft.AspNetCore.Mvc;

namespace Uppsikt.Web.Features.Evidence.Indicators;

/// <summary>The unit page's evidence section: results by source, each indicator as a chart with its data table.</summary>
public sealed class UnitIndicatorsViewComponent(IndicatorResults results) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid unitId) =>
        View("/Features/Evidence/Indicators/_UnitIndicators.cshtml", await results.ForUnitAsync(unitId, HttpContext.RequestAborted));
}
