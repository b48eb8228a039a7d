using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Evidence.Observations;

/// <summary>
/// Case workers' observations of a unit on its timeline, by the day they were made. Only the municipality reads them (the
/// observations page and API are municipal), so a provider's timeline has none.
/// </summary>
public sealed class ObservationHistory() : UnitHistorySource<ObservationHistory.Row>(r => r.ObservedOn, r => r.Id)
{
    public static readonly UnitHistoryKind Observations = new("observation", "Handläggares erfarenheter", 50);

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateOnly ObservedOn { get; init; }
        public ComplaintCategory Category { get; init; }
        public Severity Severity { get; init; }
        public required string Summary { get; init; }
    }

    public override string Key => "observation";

    public override UnitHistoryKind Kind => Observations;

    public override bool IsShownTo(ICurrentActor actor) => Roles.Municipal.Any(actor.IsInRole);

    public override void Touch(object entity, UnitHistoryTouches touches) => touches.Group<CaseWorkerObservation>(entity, o => o.Id);

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        db.CaseWorkerObservations.Select(o => new UnitHistoryRow<Row>
        {
            UnitId = o.UnitId,
            GroupId = o.Id,
            Row = new Row
            {
                Id = o.Id,
                ObservedOn = o.ObservedOn,
                Category = o.Category,
                Severity = o.Severity,
                Summary = o.Summary.Substring(0, UnitHistoryText.ExcerptLength + 1),
            },
        });

    /// <summary>Never a provider's, whatever its unit: the observations are the municipality's.</summary>
    protected override bool ProviderSees(Row row) => false;

    protected override UnitHistoryText Describe(Row row, Guid unitId) => new(
        $"Handläggares iakttagelse: {row.Category.Name()}",
        $"Allvarlighetsgrad: {row.Severity.Name().ToLower(SwedishText.Culture)}. {UnitHistoryText.Excerpt(row.Summary)}",
        $"/Evidence/Observations?UnitId={unitId}");
}
