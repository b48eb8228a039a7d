using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Features.Evidence.Indicators;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Evidence;

/// <summary>
/// What the evidence says of a unit's risk: the complaints received and the incidents that occurred in the last twelve months,
/// serious (<see cref="Incident.IsSeriousIncident"/> for incidents) and other, each per ten places where the unit's capacity is known;
/// and the indicators whose latest result misses its target (<see cref="IndicatorFlags"/>). A fixed number of queries: the
/// complaints and incidents counted per unit in the database, and the indicator results of the units.
/// </summary>
public sealed class EvidenceRiskSignals(AppDbContext db, IndicatorFlags indicators) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return [];
        }
        var since = today.AddMonths(-12);
        var unitIds = units.Select(u => u.Id).ToList();
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => unitIds.Contains(c.UnitId) && c.ReceivedOn > since)
            .GroupBy(c => new { c.UnitId, Serious = c.Severity == Severity.Serious })
            .Select(g => new { g.Key.UnitId, g.Key.Serious, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Counted per unit, kind and severity, so that one query gives both counts and the rule for serious is the domain's own.
        var incidents = (await db.Incidents.AsNoTracking().Where(i => unitIds.Contains(i.UnitId) && i.OccurredOn > since)
                .GroupBy(i => new { i.UnitId, i.Kind, i.Severity })
                .Select(g => new { g.Key.UnitId, g.Key.Kind, g.Key.Severity, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.UnitId);
        var belowTarget = await indicators.CountBelowTargetAsync(units.ToDictionary(u => u.Id, u => u.ChoiceSystemIds), cancellationToken);

        var signals = new List<RiskSignal>();
        var complaintsOf = complaints.ToLookup(c => c.UnitId);
        foreach (var (unitId, capacity) in units.Select(u => (u.Id, u.Capacity)))
        {
            var complaintsList = $"/Evidence/Complaints?UnitId={unitId}";
            var incidentsList = $"/Evidence/Incidents?UnitId={unitId}";
            var serious = complaintsOf[unitId].Where(c => c.Serious).Sum(c => c.Count);
            var other = complaintsOf[unitId].Where(c => !c.Serious).Sum(c => c.Count);
            var seriousIncidentCount = incidents[unitId].Where(i => Incident.IsSeriousIncident(i.Kind, i.Severity)).Sum(i => i.Count);
            var otherIncidentCount = incidents[unitId].Sum(i => i.Count) - seriousIncidentCount;
            Add(RiskSignalKind.SeriousComplaints, serious, "allvarligt klagomål", "allvarliga klagomål", complaintsList);
            Add(RiskSignalKind.OtherComplaints, other, "övrigt klagomål", "övriga klagomål", complaintsList);
            Add(RiskSignalKind.SeriousIncidents, seriousIncidentCount, "allvarlig händelse", "allvarliga händelser", incidentsList);
            Add(RiskSignalKind.OtherIncidents, otherIncidentCount, "övrig händelse", "övriga händelser", incidentsList);
            if (belowTarget.GetValueOrDefault(unitId) is > 0 and var below)
            {
                signals.Add(new RiskSignal(unitId, RiskSignalKind.ResultsBelowTarget, below,
                    $"{SwedishWording.Count(below, "indikator", "indikatorer")} under målvärdet i den senaste mätperioden.", null,
                    $"/Register/Units/Details/{unitId}#evidence-heading"));
            }

            void Add(RiskSignalKind kind, int count, string one, string many, string link)
            {
                if (count > 0)
                {
                    var (magnitude, perPlaces) = PerTenPlaces(count, capacity);
                    signals.Add(new RiskSignal(unitId, kind, magnitude,
                        $"{SwedishWording.Count(count, one, many)} senaste 12 månaderna" + (perPlaces is null ? "." : $" ({perPlaces} per 10 platser)."),
                        null, link));
                }
            }
        }
        return signals;
    }

    /// <summary>
    /// The count per ten places, rounded to one decimal, when the unit's capacity is known; else the count. With the per-ten
    /// figure as Swedish text ("1,5"), or null when it is the count.
    /// </summary>
    public static (decimal Magnitude, string? PerTenPlaces) PerTenPlaces(int count, int? capacity)
    {
        if (capacity is not > 0)
        {
            return (count, null);
        }
        var perTen = Math.Round(count * 10m / capacity.Value, 1, MidpointRounding.AwayFromZero);
        return (perTen, perTen.ToString("0.#", SwedishWording.Culture));
    }
}
