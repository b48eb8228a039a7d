using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Deficiencies.Timeline;

/// <summary>
/// The deficiencies' part of a unit's timeline: each step of the unit's action plans — deficiencies registered, the plan
/// submitted, approved or returned, an action reported done, a deficiency verified fixed or found persisting, the plan closed.
/// Reminders stay on the plan's own page. A provider sees the plans of the provider the unit now has; a unit taken over keeps
/// its history from the earlier one for the municipality.
/// </summary>
public sealed class DeficiencyHistory() : UnitHistorySource<DeficiencyHistory.Row>(r => r.At, r => r.Id)
{
    public static readonly UnitHistoryKind Plans = new("action-plan", "Brister och åtgärdsplaner", 25);

    public static readonly ActionPlanStepKind[] Shown =
    [
        ActionPlanStepKind.Created, ActionPlanStepKind.Submitted, ActionPlanStepKind.Approved, ActionPlanStepKind.Returned,
        ActionPlanStepKind.ActionDone, ActionPlanStepKind.Verified, ActionPlanStepKind.Persisting, ActionPlanStepKind.Closed,
    ];

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public ActionPlanStepKind Step { get; init; }
        public string? Comment { get; init; }
        public Guid PlanId { get; init; }
        public required string Title { get; init; }
        public bool InHouse { get; init; }
        public bool OfUnitsProvider { get; init; }
    }

    public static IServiceCollection AddDeficiencyTimeline(IServiceCollection services) =>
        services.AddSingleton<IUnitHistorySource, DeficiencyHistory>().AddSingleton<IUnitHistorySource, DeficiencyStanceHistory>();

    public override string Key => "action-plan-step";

    public override UnitHistoryKind Kind => Plans;

    /// <summary>The plan, its steps and its deficiencies touch the plan's entries; a unit's new provider touches the unit's.</summary>
    public override void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<ActionPlan>(entity, p => p.Id);
        touches.Group<ActionPlanStep>(entity, s => s.ActionPlanId);
        touches.Unit(entity);
    }

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        from step in db.ActionPlanSteps
        join plan in db.ActionPlans on step.ActionPlanId equals plan.Id
        join unit in db.Units on plan.UnitId equals unit.Id
        where Shown.Contains(step.Kind)
        select new UnitHistoryRow<Row>
        {
            UnitId = plan.UnitId,
            GroupId = plan.Id,
            Row = new Row
            {
                Id = step.Id,
                At = step.OccurredAt,
                Step = step.Kind,
                Comment = step.Comment!.Substring(0, UnitHistoryText.ExcerptLength + 1),
                PlanId = plan.Id,
                Title = plan.Title,
                InHouse = plan.InHouse,
                OfUnitsProvider = plan.ProviderId == unit.ProviderId,
            },
        };

    protected override bool ProviderSees(Row row) => row.OfUnitsProvider;

    protected override UnitHistoryText Describe(Row row, Guid unitId)
    {
        return new(ActionPlan.StepName(row.Step, row.InHouse), $"{row.Title}." + (UnitHistoryText.Excerpt(row.Comment) is { } comment ? $" {comment}" : ""), ActionPlansHandler.PlanUrl(row.PlanId));
    }
}
