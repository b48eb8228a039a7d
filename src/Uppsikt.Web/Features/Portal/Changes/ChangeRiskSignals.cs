using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Portal.Changes;

/// <summary>
/// What the duty to inform says of a unit's risk (<see cref="RiskSignalKind.ReportedChanges"/>): the changes of ownership, board
/// or management and subcontractors its provider reported in the last twelve months, counted for each of the provider's units.
/// One query, of the units' providers' reports.
/// </summary>
public sealed class ChangeRiskSignals(AppDbContext db) : IRiskSignalSource
{
    /// <summary>The changes that raise the risk: who owns, runs and works for the provider.</summary>
    public static readonly DutyToInformCategory[] Counted =
        [DutyToInformCategory.Ownership, DutyToInformCategory.BoardOrManagement, DutyToInformCategory.Subcontractors];

    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var providerIds = units.Select(u => u.ProviderId).Distinct().ToList();
        var since = today.AddMonths(-12);
        var reportedSince = SwedishCalendar.StartOf(since);
        var reports = (await db.DutyToInformReports.AsNoTracking()
                .Where(r => providerIds.Contains(r.ProviderId) && Counted.Contains(r.Category) && r.ReportedAt >= reportedSince)
                .Select(r => new { r.ProviderId, r.Category, r.ReportedAt })
                .ToListAsync(cancellationToken))
            .Where(r => SwedishCalendar.DateOf(r.ReportedAt) > since)
            .ToLookup(r => r.ProviderId);
        var signals = new List<RiskSignal>();
        foreach (var unit in units)
        {
            var ofProvider = reports[unit.ProviderId].ToList();
            if (ofProvider.Count > 0)
            {
                var categories = ofProvider.Select(r => r.Category).Distinct().Order().Select(c => c.Name().ToLower(SwedishText.Culture));
                signals.Add(new RiskSignal(unit.Id, RiskSignalKind.ReportedChanges, ofProvider.Count,
                    $"{SwedishWording.Count(ofProvider.Count, "anmäld förändring", "anmälda förändringar")} senaste 12 månaderna: {string.Join(", ", categories)}.",
                    null, $"/Portal/Providers/Details/{unit.ProviderId}"));
            }
        }
        return signals;
    }
}
