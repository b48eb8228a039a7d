using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>
/// Quality reports in the provider portal: the reports still to fill in or complete are the provider's requests, a report is a
/// matter with its own thread, and a report's attached files are its file questions' answers.
/// </summary>
public sealed class ReportPortalSources(AppDbContext db, ICurrentActor actor, ReportsHandler reports) : IPortalRequestSource, IPortalMatterSource, IFileMatters
{
    /// <summary>The provider's reports still to fill in or complete, for the portal's list of requests.</summary>
    public async Task<IReadOnlyList<PortalRequest>> OpenRequestsAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await reports.Rows(db.QualityReports.AsNoTracking()
                .Where(r => r.ProviderId == providerId).Where(QualityReport.Open))
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.DueOn is not null).OrderBy(r => r.DueOn).Select(r => new PortalRequest(
            r.State == ReportState.CompletionRequested ? "Kvalitetsrapport att komplettera" : "Kvalitetsrapport att lämna",
            $"Kvalitetsrapport {r.Year}: {r.ChoiceSystemName}", r.DueOn!.Value, ReportsHandler.FillUrl(r.Id), r.DueOn < today))];
    }

    string IFileMatters.OwnerType => ReportsHandler.FileOwnerType;

    string IPortalMatterSource.MatterKind => ReportsHandler.FileOwnerType;

    async Task<PortalMatter?> IPortalMatterSource.FindMatterAsync(Guid id, CancellationToken cancellationToken) =>
        await (from report in db.QualityReports.AsNoTracking().Where(QualityReport.OnReportTemplate)
               join c in db.ChoiceSystems on report.Template!.ChoiceSystemId equals c.Id
               where report.Id == id
               select new { report.ProviderId, report.Template!.Year, ChoiceSystem = c.Name }).FirstOrDefaultAsync(cancellationToken) is { } r
            ? new PortalMatter(ReportsHandler.FileOwnerType, id, r.ProviderId, $"Kvalitetsrapport {r.Year}: {r.ChoiceSystem}", ReportsHandler.DetailsUrl(id))
            : null;

    /// <summary>A report's files are the provider's answers to its file questions: only the provider adds them, while the report is open.</summary>
    async Task<FileMatter?> IFileMatters.FindAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().Where(QualityReport.OnReportTemplate).Where(r => r.Id == ownerId).Select(r => new { r.ProviderId, r.State }).FirstOrDefaultAsync(cancellationToken);
        return report is null ? null
            : new FileMatter(report.ProviderId, actor.IsProviderUser() && QualityReport.IsOpen(report.State));
    }
}
