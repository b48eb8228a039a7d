using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Evidence.Incidents;

/// <summary>A unit's deviations, Lex Sarah and Lex Maria on its timeline, by the day they occurred.</summary>
public sealed class IncidentHistory(AppDbContext db) : UnitHistorySource<IncidentHistory.Row>(r => r.OccurredOn, r => r.Id)
{
    public static readonly UnitHistoryKind Incidents = new("incident", "Avvikelser, Lex Sarah och Lex Maria", 40);

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateOnly OccurredOn { get; init; }
        public IncidentKind Kind { get; init; }
        public Severity Severity { get; init; }
        public IncidentStatus Status { get; init; }
        public required string Summary { get; init; }
    }

    public override string Key => "incident";

    public override UnitHistoryKind Kind => Incidents;

    protected override IQueryable<Row> Rows(HistoryUnit unit) =>
        db.Incidents.Where(i => i.UnitId == unit.Id).Select(i => new Row
        {
            Id = i.Id,
            OccurredOn = i.OccurredOn,
            Kind = i.Kind,
            Severity = i.Severity,
            Status = i.Status,
            Summary = i.Summary.Substring(0, UnitHistoryText.ExcerptLength + 1),
        });

    protected override UnitHistoryText Describe(Row row, HistoryUnit unit) => new(
        row.Kind.Name() + (Incident.IsSeriousIncident(row.Kind, row.Severity) ? " (allvarlig)" : ""),
        $"{row.Status.Name()}. Allvarlighetsgrad: {row.Severity.Name().ToLower(SwedishText.Culture)}. {UnitHistoryText.Excerpt(row.Summary)}",
        $"/Evidence/Incidents/Details/{row.Id}");
}
