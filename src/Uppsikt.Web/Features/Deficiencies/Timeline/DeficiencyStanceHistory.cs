using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Referrals;
using Uppsikt.Web.Infrastructure.Referrals;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Deficiencies.Timeline;

/// <summary>The municipality's stances on referring a serious deficiency, on its unit's timeline among the action plans, linked to the plan.</summary>
public sealed class DeficiencyStanceHistory : ReferralStanceHistory
{
    public override string Key => "deficiency-stance";

    public override UnitHistoryKind Kind => DeficiencyHistory.Plans;

    protected override string Matter => "bristen";

    public override void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<Deficiency>(entity, d => d.Id);
        if (entity is ReferralStance { DeficiencyId: { } deficiency })
        {
            touches.Groups.Add(deficiency);
        }
    }

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        db.Deficiencies.SelectMany(d => d.Referrals, (d, r) => new UnitHistoryRow<Row>
        {
            UnitId = d.UnitId,
            GroupId = d.Id,
            Row = new Row
            {
                Id = r.Id,
                MatterId = d.Id,
                LinkId = d.ActionPlanId,
                Authority = r.Authority,
                Decision = r.Decision,
                DecidedOn = r.DecidedOn,
                Motivation = r.Motivation.Substring(0, UnitHistoryText.ExcerptLength + 1),
            },
        });

    protected override string Link(Row row) => ActionPlansHandler.PlanUrl(row.LinkId ?? Guid.Empty);
}
