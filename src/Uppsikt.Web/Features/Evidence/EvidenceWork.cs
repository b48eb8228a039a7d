using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Features.Evidence.Incidents;
using Uppsikt.Web.Features.Evidence.Observations;
using Uppsikt.Web.Infrastructure.Home;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Evidence;

/// <summary>
/// Complaints, incidents and observations on the start page. What a district's follow-up officer sees is its district's units
/// (the query filters, decision 0002), so its counts are the district's.
/// </summary>
public sealed class EvidenceWork(ComplaintsHandler complaints, IncidentsHandler incidents, ObservationsHandler observations, ICurrentActor actor) : IWorkSource
{
    private static readonly string[] ComplaintReaders = [R.QualityDeveloper, R.GroupManager, R.DistrictFollowUp];
    private static readonly string[] IncidentReaders = [R.QualityDeveloper, R.GroupManager, R.MedicalResponsible, R.DistrictFollowUp];

    public async Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken)
    {
        var tiles = new List<WorkTile>();
        var complaintRoles = ComplaintReaders.Where(roles.Contains).ToList();
        if (complaintRoles.Count > 0)
        {
            var overdue = (await complaints.ListAsync(WorkCounts.CountOnly, null, overdueOnly: true, null, null, cancellationToken)).Total;
            var forwarded = (await complaints.ListAsync(WorkCounts.CountOnly, ComplaintStatus.Forwarded, false, null, null, cancellationToken)).Total;
            foreach (var role in complaintRoles)
            {
                tiles.Add(new WorkTile(role, "klagomål där anordnarens svar är försenat", "klagomål där anordnarens svar är försenat", overdue,
                    "/Evidence/Complaints?Overdue=true"));
                tiles.Add(new WorkTile(role, "klagomål hos anordnaren som väntar på svar", "klagomål hos anordnare som väntar på svar", forwarded,
                    "/Evidence/Complaints?Status=Forwarded"));
            }
        }
        var incidentRoles = IncidentReaders.Where(roles.Contains).ToList();
        if (incidentRoles.Count > 0)
        {
            var stanceMissing = (await incidents.ListAsync(WorkCounts.CountOnly, null, null, null, null, stanceMissing: true, cancellationToken)).Total;
            var open = (await incidents.ListAsync(WorkCounts.CountOnly, null, IncidentStatus.Open, null, null, false, cancellationToken)).Total;
            foreach (var role in incidentRoles)
            {
                tiles.Add(new WorkTile(role, "allvarlig händelse som saknar ställningstagande om anmälan",
                    "allvarliga händelser som saknar ställningstagande om anmälan", stanceMissing, "/Evidence/Incidents?StanceMissing=true"));
                tiles.Add(new WorkTile(role, "öppen avvikelse eller Lex Sarah/Maria-händelse", "öppna avvikelser och Lex Sarah/Maria-händelser", open,
                    "/Evidence/Incidents?Status=Open"));
            }
        }
        if (roles.Contains(R.CaseWorker))
        {
            var count = (await observations.ListAsync(WorkCounts.CountOnly, null, null, actor.UserId ?? "", cancellationToken)).Total;
            tiles.Add(new WorkTile(R.CaseWorker, "erfarenhet du har registrerat", "erfarenheter du har registrerat", count, "/Evidence/Observations?Mine=true"));
        }
        return tiles;
    }
}
