using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;
using Uppsikt.Web.Infrastructure.Referrals;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Evidence.Complaints;

/// <summary>The municipality's stances on referring a complaint, on the complaint's unit's timeline among the complaints.</summary>
public sealed class ComplaintStanceHistory : ReferralStanceHistory
{
    public override string Key => "complaint-stance";

    public override UnitHistoryKind Kind => ComplaintHistory.Complaints;

    protected override string Matter => "klagomålet";

    public override void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<Complaint>(entity, c => c.Id);
        if (entity is ReferralStance { ComplaintId: { } complaint })
        {
            touches.Groups.Add(complaint);
        }
    }

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        db.Complaints.SelectMany(c => c.Referrals, (c, r) => new UnitHistoryRow<Row>
        {
            UnitId = c.UnitId,
            GroupId = c.Id,
            Row = new Row
            {
                Id = r.Id,
                MatterId = c.Id,
                Authority = r.Authority,
                Decision = r.Decision,
                DecidedOn = r.DecidedOn,
                Motivation = r.Motivation.Substring(0, UnitHistoryText.ExcerptLength + 1),
            },
        });

    protected override string Link(Row row) => $"/Evidence/Complaints/Details/{row.MatterId}";
}
