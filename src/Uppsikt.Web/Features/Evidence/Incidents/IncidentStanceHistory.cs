using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;
using Uppsikt.Web.Infrastructure.Referrals;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Evidence.Incidents;

/// <summary>The municipality's stances on referring an incident, on the incident's unit's timeline among the incidents.</summary>
public sealed class IncidentStanceHistory : ReferralStanceHistory
{
    public override string Key => "incident-stance";

    public override UnitHistoryKind Kind => IncidentHistory.Incidents;

    protected override string Matter => "händelsen";

    public override void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<Incident>(entity, i => i.Id);
        if (entity is ReferralStance { IncidentId: { } incident })
        {
            touches.Groups.Add(incident);
        }
    }

    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        db.Incidents.SelectMany(i => i.Referrals, (i, r) => new UnitHistoryRow<Row>
        {
            UnitId = i.UnitId,
            GroupId = i.Id,
            Row = new Row
            {
                Id = r.Id,
                MatterId = i.Id,
                Authority = r.Authority,
                Decision = r.Decision,
                DecidedOn = r.DecidedOn,
                Motivation = r.Motivation.Substring(0, UnitHistoryText.ExcerptLength + 1),
            },
        });

    protected override string Link(Row row) => $"/Evidence/Incidents/Details/{row.MatterId}";
}
