using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Features.QualityReports.Reports;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.QualityReports;

/// <summary>Quality reports waiting for the quality developer's review: submitted, or completed after a request (every year).</summary>
public sealed class ReportWork(ReportsHandler handler) : IWorkSource
{
    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        if (!roles.Contains(R.QualityDeveloper))
        {
            return [];
        }
        var submitted = (await handler.ListAsync(WorkCounts.CountOnly, null, ReportState.Submitted, cancellationToken)).Total;
        var resubmitted = (await handler.ListAsync(WorkCounts.CountOnly, null, ReportState.Resubmitted, cancellationToken)).Total;
        return
        [
            new(R.QualityDeveloper, "inskickad kvalitetsrapport att granska", "inskickade kvalitetsrapporter att granska", submitted,
                $"/QualityReports/Reports?Year={Reports.IndexModel.AllYears}&State={ReportState.Submitted}"),
            new(R.QualityDeveloper, "kompletterad kvalitetsrapport att granska", "kompletterade kvalitetsrapporter att granska", resubmitted,
                $"/QualityReports/Reports?Year={Reports.IndexModel.AllYears}&State={ReportState.Resubmitted}"),
        ];
    }
}
