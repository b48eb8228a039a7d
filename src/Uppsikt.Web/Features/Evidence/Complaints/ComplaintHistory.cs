using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Evidence.Complaints;

/// <summary>A unit's complaints on its timeline, by the day they came in; a provider sees those handed over to it, as on the complaint pages.</summary>
public sealed class ComplaintHistory() : UnitHistorySource<ComplaintHistory.Row>(r => r.ReceivedOn, r => r.Id)
{
    public static readonly UnitHistoryKind Complaints = new("complaint", "Klagomål och synpunkter", 30);

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateOnly ReceivedOn { get; init; }
        public ComplaintCategory Category { get; init; }
        public Severity Severity { get; init; }
        public ComplaintStatus Status { get; init; }
        public required string Summary { get; init; }
    }

    public override string Key => "complaint";

    public override UnitHistoryKind Kind => Complaints;

    public override void Touch(object entity, UnitHistoryTouches touches) => touches.Group<Complaint>(entity, c => c.Id);

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        db.Complaints.Select(c => new UnitHistoryRow<Row>
        {
            UnitId = c.UnitId,
            GroupId = c.Id,
            Row = new Row
            {
                Id = c.Id,
                ReceivedOn = c.ReceivedOn,
                Category = c.Category,
                Severity = c.Severity,
                Status = c.Status,
                Summary = c.Summary.Substring(0, UnitHistoryText.ExcerptLength + 1),
            },
        });

    protected override bool ProviderSees(Row row) => ComplaintsHandler.ProviderSees(row.Status);

    protected override UnitHistoryText Describe(Row row, Guid unitId) => new(
        $"Klagomål: {row.Category.Name()}",
        $"{row.Status.Name()}. Allvarlighetsgrad: {row.Severity.Name().ToLower(SwedishText.Culture)}. {UnitHistoryText.Excerpt(row.Summary)}",
        $"/Evidence/Complaints/Details/{row.Id}");
}
