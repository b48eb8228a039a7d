using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Evidence.Incidents;

/// <summary>A unit's deviations, Lex Sarah and Lex Maria on its timeline, by the day they occurred.</summary>
public sealed class IncidentHistory() : UnitHistorySource<IncidentHistory.Row>(r => r.OccurredOn, r => r.Id)
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

    public override void Touch(object entity, UnitHistoryTouches touches) => touches.Group<Incident>(entity, i => i.Id);

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        db.Incidents.Select(i => new UnitHistoryRow<Row>
        {
            UnitId = i.UnitId,
            GroupId = i.Id,
            Row = new Row
            {
                Id = i.Id,
                OccurredOn = i.OccurredOn,
                Kind = i.Kind,
                Severity = i.Severity,
                Status = i.Status,
                Summary = i.Summary.Substring(0, UnitHistoryText.ExcerptLength + 1),
            },
        });

    protected override UnitHistoryText Describe(Row row, Guid unitId) => new(
        row.Kind.Name() + (Incident.IsSeriousIncident(row.Kind, row.Severity) ? " (allvarlig)" : ""),
        $"{row.Status.Name()}. Allvarlighetsgrad: {row.Severity.Name().ToLower(SwedishText.Culture)}. {UnitHistoryText.Excerpt(row.Summary)}",
        $"/Evidence/Incidents/Details/{row.Id}");
}
