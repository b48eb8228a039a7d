using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>
/// A quality report is its provider's, for one choice system and year; it shows on the timeline of each of the provider's units
/// that serve that choice system, once when it was submitted (the latest submission) and once when it was approved. Drafts
/// do not show. Municipal users and districts read every report, a provider user its own (the query filter).
/// </summary>
public static class ReportHistory
{
    public static readonly UnitHistoryKind Reports = new("quality-report", "Kvalitetsrapporter", 60);

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public int Year { get; init; }
        public required string ChoiceSystemName { get; init; }
        public ReportState State { get; init; }
        public string? ApprovedBy { get; init; }
    }

    /// <summary>The unit's provider's reports on the choice systems the unit serves (a checklist is no report); none for a unit without a provider.</summary>
    internal static IQueryable<QualityReport> OfUnit(AppDbContext db, HistoryUnit unit) =>
        db.QualityReports.Where(r => r.ProviderId == unit.ProviderId && r.Template!.ReviewType == null
            && unit.ChoiceSystemIds.Contains(r.Template.ChoiceSystemId));
}

/// <summary>Quality reports on a unit's timeline when they were submitted.</summary>
public sealed class SubmittedReportHistory(AppDbContext db) : UnitHistorySource<ReportHistory.Row>(r => r.At, r => r.Id)
{
    public override string Key => "quality-report-submitted";

    public override UnitHistoryKind Kind => ReportHistory.Reports;

    protected override IQueryable<ReportHistory.Row> Rows(HistoryUnit unit) =>
        from report in ReportHistory.OfUnit(db, unit)
        where report.SubmittedAt != null
        join choice in db.ChoiceSystems on report.Template!.ChoiceSystemId equals choice.Id
        select new ReportHistory.Row { Id = report.Id, At = report.SubmittedAt!.Value, Year = report.Template!.Year, ChoiceSystemName = choice.Name, State = report.State };

    protected override UnitHistoryText Describe(ReportHistory.Row row, HistoryUnit unit) => new(
        $"Kvalitetsrapport {row.Year} inskickad",
        $"{row.ChoiceSystemName}. Rapportens läge nu: {row.State.Name().ToLower(SwedishText.Culture)}.",
        ReportsHandler.DetailsUrl(row.Id));
}

/// <summary>Quality reports on a unit's timeline when they were approved.</summary>
public sealed class ApprovedReportHistory(AppDbContext db) : UnitHistorySource<ReportHistory.Row>(r => r.At, r => r.Id)
{
    public override string Key => "quality-report-approved";

    public override UnitHistoryKind Kind => ReportHistory.Reports;

    protected override IQueryable<ReportHistory.Row> Rows(HistoryUnit unit) =>
        from report in ReportHistory.OfUnit(db, unit)
        where report.ApprovedAt != null
        join choice in db.ChoiceSystems on report.Template!.ChoiceSystemId equals choice.Id
        select new ReportHistory.Row
        {
            Id = report.Id,
            At = report.ApprovedAt!.Value,
            Year = report.Template!.Year,
            ChoiceSystemName = choice.Name,
            State = report.State,
            ApprovedBy = report.ApprovedBy,
        };

    protected override UnitHistoryText Describe(ReportHistory.Row row, HistoryUnit unit) => new(
        $"Kvalitetsrapport {row.Year} godkänd",
        row.ApprovedBy is null ? $"{row.ChoiceSystemName}." : $"{row.ChoiceSystemName}. Godkänd av {row.ApprovedBy}.",
        ReportsHandler.DetailsUrl(row.Id));
}
