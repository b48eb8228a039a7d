using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Sanctions.Timeline;

/// <summary>
/// The sanctions' part of a unit's timeline: each step from proposal to the committee's decision. A provider sees only the
/// decision, and only while the unit has the sanctioned provider; the proposal and the assessment are the municipality's.
/// </summary>
public sealed class SanctionHistory() : UnitHistorySource<SanctionHistory.Row>(r => r.At, r => r.Id)
{
    public static readonly UnitHistoryKind Sanctions = new("sanction", "Sanktioner", 27);

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public SanctionStepKind Step { get; init; }
        public Guid SanctionId { get; init; }
        public required string Title { get; init; }
        public SanctionType ProposedType { get; init; }
        public SanctionType? DecidedType { get; init; }
        public string? Paragraph { get; init; }
        public bool OfUnitsProvider { get; init; }
    }

    public static IServiceCollection AddSanctionTimeline(IServiceCollection services) => services.AddSingleton<IUnitHistorySource, SanctionHistory>();

    public override string Key => "sanction-step";

    public override UnitHistoryKind Kind => Sanctions;

    /// <summary>The sanction and its steps touch the sanction's entries; a unit's new provider touches the unit's.</summary>
    public override void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<Sanction>(entity, s => s.Id);
        touches.Group<SanctionStep>(entity, s => s.SanctionId);
        touches.Unit(entity);
    }

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        from step in db.SanctionSteps
        join sanction in db.Sanctions on step.SanctionId equals sanction.Id
        join unit in db.Units on sanction.UnitId equals unit.Id
        select new UnitHistoryRow<Row>
        {
            UnitId = sanction.UnitId,
            GroupId = sanction.Id,
            Row = new Row
            {
                Id = step.Id,
                At = step.OccurredAt,
                Step = step.Kind,
                SanctionId = sanction.Id,
                Title = sanction.Title,
                ProposedType = sanction.ProposedType,
                DecidedType = sanction.DecidedType,
                Paragraph = sanction.DecisionParagraph,
                OfUnitsProvider = sanction.ProviderId == unit.ProviderId,
            },
        };

    protected override bool ProviderSees(Row row) => row.OfUnitsProvider && row.Step == SanctionStepKind.Decided;

    protected override UnitHistoryText Describe(Row row, Guid unitId)
    {
        var what = row.Step == SanctionStepKind.Decided && row.DecidedType is { } decided
            ? $"{DisplayNames.Of(decided)}, {row.Paragraph}: {row.Title}."
            : $"{DisplayNames.Of(row.ProposedType)}: {row.Title}.";
        return new(DisplayNames.Of(row.Step), what, SanctionsHandler.Url(row.SanctionId));
    }
}
