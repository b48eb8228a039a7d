using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;

namespace Uppsikt.Web.Infrastructure.Summaries;

/// <summary>
/// The complaint and incident summaries, counted one way for their own pages and for the annual reports: each one query through the
/// caller's scoped context, so its query filters apply.
/// </summary>
public static class EvidenceSummaries
{
    /// <summary>Counts for one year (by date received): per unit and per choice system, by category and severity, and the share answered on time.</summary>
    public static async Task<ComplaintSummary> ComplaintsAsync(AppDbContext db, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await db.Complaints.AsNoTracking().Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new
            {
                Unit = c.Unit!.Name,
                ChoiceSystems = c.Unit.ChoiceSystems.Select(s => s.Name).ToList(),
                c.Category,
                c.Severity,
                c.AnsweredOn,
                c.ResponseDueOn,
            })
            .ToListAsync(cancellationToken);
        var facts = rows.Select(r => new SummaryFact(r.Unit, r.ChoiceSystems, [r.Category.Name(), r.Severity.Name()],
            r.AnsweredOn is { } a && r.ResponseDueOn is { } d ? a <= d : r.ResponseDueOn is null ? null : false)).ToList();
        return new ComplaintSummary(year, rows.Count, CountTable.ByUnit(facts), CountTable.ByChoiceSystem(facts), CountTable.ShareOnTime(facts));
    }

    /// <summary>The MAS/MAR compilation: incidents that occurred in the period, by kind and severity, per unit and per choice system.</summary>
    public static async Task<IncidentSummary> IncidentsAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await db.Incidents.AsNoTracking().Where(i => i.OccurredOn >= from && i.OccurredOn <= to)
            .Select(i => new
            {
                Unit = i.Unit!.Name,
                ChoiceSystems = i.Unit.ChoiceSystems.Select(c => c.Name).ToList(),
                i.Kind,
                i.Severity,
                i.Status,
                Stances = i.Referrals.Count(r => r.Authority == ReferralAuthority.Ivo || r.Authority == ReferralAuthority.Police),
            })
            .ToListAsync(cancellationToken);
        var facts = rows.Select(r => new SummaryFact(r.Unit, r.ChoiceSystems, [r.Kind.Name(), r.Severity.Name()])).ToList();
        var serious = rows.Where(r => Incident.IsSeriousIncident(r.Kind, r.Severity)).ToList();
        return new IncidentSummary(from, to, rows.Count, serious.Count, serious.Count(r => r.Status == IncidentStatus.Open && r.Stances < 2),
            CountTable.ByUnit(facts), CountTable.ByChoiceSystem(facts));
    }
}
