using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Features.Evidence.Incidents;
using Uppsikt.Web.Infrastructure.Summaries;

namespace Uppsikt.Web.Features.Evidence;

/// <summary>The complaint and incident summaries, as their own pages count them, for the annual reports.</summary>
public sealed class EvidenceSummaries(ComplaintsHandler complaints, IncidentsHandler incidents) : IEvidenceSummaries
{
    public Task<ComplaintSummary> ComplaintsAsync(int year, CancellationToken cancellationToken) => complaints.SummaryAsync(year, cancellationToken);

    public Task<IncidentSummary> IncidentsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        incidents.SummaryAsync(from, to, cancellationToken);
}
