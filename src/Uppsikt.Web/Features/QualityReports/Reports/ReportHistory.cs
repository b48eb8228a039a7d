using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>
/// A quality report is its provider's, for one choice system and year; it shows on the timeline of each of the provider's units
/// that serve that choice system, once when it was submitted (the latest submission) and once when it was approved. Drafts
/// do not show. Municipal users and districts read every report, a provider user its own (as the report's query filter says).
/// </summary>
public static class ReportHistory
{
    public static readonly UnitHistoryKind Reports = new("quality-report", "Kvalitetsrapporter", 60);

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset? At { get; init; }
        public int Year { get; init; }
        public required string ChoiceSystemName { get; init; }
        public ReportState State { get; init; }
        public string? ApprovedBy { get; init; }
    }

    /// <summary>
    /// Each report (a checklist is no report) with each unit of its provider that serves its choice system, when it was submitted or
    /// approved; a unit without a provider has none.
    /// </summary>
    internal static IQueryable<UnitHistoryRow<Row>> OnUnits(AppDbContext db, bool approved) =>
        from report in db.QualityReports
        where report.Template!.ReviewType == null && (approved ? report.ApprovedAt != null : report.SubmittedAt != null)
        join choice in db.ChoiceSystems on report.Template!.ChoiceSystemId equals choice.Id
        from unit in db.Units
        where unit.ProviderId == report.ProviderId && unit.ChoiceSystems.Any(c => c.Id == choice.Id)
        select new UnitHistoryRow<Row>
        {
            UnitId = unit.Id,
            GroupId = report.Id,
            Row = new Row
            {
                Id = report.Id,
                At = approved ? report.ApprovedAt : report.SubmittedAt,
                Year = report.Template!.Year,
                ChoiceSystemName = choice.Name,
                State = report.State,
                ApprovedBy = report.ApprovedBy,
            },
        };

    /// <summary>The report itself, and a unit whose provider or choice systems change.</summary>
    internal static void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<QualityReport>(entity, r => r.Id);
        touches.UnitsServing(entity);
    }
}

/// <summary>Quality reports on a unit's timeline when they were submitted.</summary>
public sealed class SubmittedReportHistory() : UnitHistorySource<ReportHistory.Row>(r => r.At!.Value, r => r.Id)
{
    public override string Key => "quality-report-submitted";

    public override UnitHistoryKind Kind => ReportHistory.Reports;

    public override void Touch(object entity, UnitHistoryTouches touches) => ReportHistory.Touch(entity, touches);

    protected override IQueryable<UnitHistoryRow<ReportHistory.Row>> Rows(AppDbContext db) => ReportHistory.OnUnits(db, approved: false);

    protected override UnitHistoryText Describe(ReportHistory.Row row, Guid unitId) => new(
        $"Kvalitetsrapport {row.Year} inskickad",
        $"{row.ChoiceSystemName}. Rapportens läge nu: {row.State.Name().ToLower(SwedishText.Culture)}.",
        ReportsHandler.DetailsUrl(row.Id));
}

/// <summary>Quality reports on a unit's timeline when they were approved.</summary>
public sealed class ApprovedReportHistory() : UnitHistorySource<ReportHistory.Row>(r => r.At!.Value, r => r.Id)
{
    public override string Key => "quality-report-approved";

    public override UnitHistoryKind Kind => ReportHistory.Reports;

    public override void Touch(object entity, UnitHistoryTouches touches) => ReportHistory.Touch(entity, touches);

    protected override IQueryable<UnitHistoryRow<ReportHistory.Row>> Rows(AppDbContext db) => ReportHistory.OnUnits(db, approved: true);

    protected override UnitHistoryText Describe(ReportHistory.Row row, Guid unitId) => new(
        $"Kvalitetsrapport {row.Year} godkänd",
        row.ApprovedBy is null ? $"{row.ChoiceSystemName}." : $"{row.ChoiceSystemName}. Godkänd av {row.ApprovedBy}.",
        ReportsHandler.DetailsUrl(row.Id));
}
