using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>
/// What the quality reports say of a unit's risk (<see cref="RiskSignalKind.LateQualityReport"/>): a report of an activated
/// report template still open after the template's last day (as the late list says), or submitted after it in the last twelve
/// months. A report is its provider's for one choice system, so it counts for each of the provider's units serving that choice
/// system. A report sent back for completion keeps only its latest submission, so a late first submission is not known once
/// the report has been resubmitted. One query, of the reports of the units' providers.
/// </summary>
public sealed class ReportRiskSignals(AppDbContext db) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var providerIds = units.Select(u => u.ProviderId).Distinct().ToList();
        var since = today.AddMonths(-12);
        var submittedSince = SwedishCalendar.StartOf(since);
        var reports = await db.QualityReports.AsNoTracking()
            .Where(QualityReport.OnReportTemplate)
            .Where(r => r.Template!.State == TemplateState.Active && r.Template.DueOn != null && r.Template.DueOn < today
                && providerIds.Contains(r.ProviderId))
            .Where(r => QualityReport.OpenStates.Contains(r.State)
                || (r.SubmittedAt != null && r.SubmittedAt >= submittedSince && !r.CompletionRequests.Any()))
            .Select(r => new
            {
                r.Id,
                r.ProviderId,
                r.Template!.ChoiceSystemId,
                r.Template.Title,
                DueOn = r.Template.DueOn!.Value,
                r.State,
                r.SubmittedAt,
            })
            .ToListAsync(cancellationToken);
        var late = reports
            .Select(r => new
            {
                Report = r,
                SubmittedOn = QualityReport.IsOpen(r.State) || r.SubmittedAt is not { } at ? (DateOnly?)null : SwedishCalendar.DateOf(at),
            })
            .Where(r => QualityReport.IsOpen(r.Report.State) || (r.SubmittedOn > r.Report.DueOn && r.SubmittedOn > since))
            .Select(r => new
            {
                r.Report.Id,
                r.Report.ProviderId,
                r.Report.ChoiceSystemId,
                r.Report.DueOn,
                r.Report.Title,
                Description = r.SubmittedOn is { } on
                    ? $"Kvalitetsrapporten ”{r.Report.Title}” skickades in {SwedishWording.Date(on)}, efter sista dagen {SwedishWording.Date(r.Report.DueOn)}."
                    : $"Kvalitetsrapporten ”{r.Report.Title}” är inte inskickad; sista dagen var {SwedishWording.Date(r.Report.DueOn)}.",
            })
            .ToList();

        var signals = new List<RiskSignal>();
        var byProvider = late.ToLookup(r => r.ProviderId);
        foreach (var unit in units)
        {
            var ofUnit = byProvider[unit.ProviderId].Where(r => unit.ChoiceSystemIds.Contains(r.ChoiceSystemId))
                .OrderByDescending(r => r.DueOn).ThenBy(r => r.Id).ToList();
            if (ofUnit.Count > 0)
            {
                signals.Add(new RiskSignal(unit.Id, RiskSignalKind.LateQualityReport, 1, string.Join(" ", ofUnit.Select(r => r.Description)),
                    ofUnit[0].Title, ReportsHandler.DetailsUrl(ofUnit[0].Id)));
            }
        }
        return signals;
    }
}
