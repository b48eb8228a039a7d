using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>
/// What the deficiencies say of a unit's risk: its open deficiencies (<see cref="RiskSignalKind.OpenDeficiencies"/>) and the
/// actions of its open action plans past their date and not reported done (<see cref="RiskSignalKind.OverdueActions"/>). One
/// query of the units' action plans with their counts; each signal links to the plan when there is one, else to the unit's
/// deficiencies.
/// </summary>
public sealed class DeficiencyRiskSignals(AppDbContext db) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var unitIds = units.Select(u => u.Id).ToList();
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => unitIds.Contains(p.UnitId)
                && (p.Deficiencies.Any(d => d.State == DeficiencyState.Open)
                    || (p.State != ActionPlanState.Closed && p.Actions.Any(a => a.DueOn < today && a.DoneOn == null))))
            .Select(p => new
            {
                p.Id,
                p.UnitId,
                p.Title,
                p.InHouse,
                Open = p.Deficiencies.Count(d => d.State == DeficiencyState.Open),
                Overdue = p.State == ActionPlanState.Closed ? 0 : p.Actions.Count(a => a.DueOn < today && a.DoneOn == null),
                OldestDue = p.State == ActionPlanState.Closed ? null : p.Actions.Where(a => a.DueOn < today && a.DoneOn == null).Min(a => (DateOnly?)a.DueOn),
            })
            .ToListAsync(cancellationToken);

        var signals = new List<RiskSignal>();
        foreach (var unit in plans.GroupBy(p => p.UnitId))
        {
            var unitList = $"/Deficiencies?UnitId={unit.Key}";
            var withOpen = unit.Where(p => p.Open > 0).ToList();
            if (withOpen.Count > 0)
            {
                var open = withOpen.Sum(p => p.Open);
                var noun = withOpen[0].InHouse ? ("öppen påtalad brist", "öppna påtalade brister") : ("öppen brist", "öppna brister");
                var single = withOpen.Count == 1 ? withOpen[0] : null;
                signals.Add(new RiskSignal(unit.Key, RiskSignalKind.OpenDeficiencies, open,
                    $"{SwedishWording.Count(open, noun.Item1, noun.Item2)}"
                    + (single is null ? $" i {withOpen.Count} åtgärdsplaner." : $" i åtgärdsplanen ”{single.Title}”."),
                    single?.Title, single is null ? $"{unitList}&State={DeficiencyState.Open}" : ActionPlansHandler.PlanUrl(single.Id)));
            }
            var withOverdue = unit.Where(p => p.Overdue > 0).ToList();
            if (withOverdue.Count > 0)
            {
                var overdue = withOverdue.Sum(p => p.Overdue);
                var oldest = withOverdue.Min(p => p.OldestDue!.Value);
                var single = withOverdue.Count == 1 ? withOverdue[0] : null;
                signals.Add(new RiskSignal(unit.Key, RiskSignalKind.OverdueActions, overdue,
                    $"{SwedishWording.Count(overdue, "åtgärd", "åtgärder")} "
                    + (single is null ? $"i {withOverdue.Count} åtgärdsplaner" : $"i åtgärdsplanen ”{single.Title}”")
                    + $" {(overdue == 1 ? "har passerat sin sista dag utan att rapporteras genomförd" : "har passerat sin sista dag utan att rapporteras genomförda")}"
                    + (overdue == 1 ? $" ({SwedishWording.Date(oldest)})." : $"; den äldsta hade sista dag {SwedishWording.Date(oldest)}."),
                    single?.Title, single is null ? unitList : ActionPlansHandler.PlanUrl(single.Id)));
            }
        }
        return signals;
    }
}
