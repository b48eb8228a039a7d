using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Reporting;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Dashboards;

/// <summary>A choice system's work past its day now: actions in action plans not reported done and deficiencies not fixed in time, and action plans not handed in.</summary>
public sealed record OverdueLine(string ChoiceSystem, int Actions, int Deficiencies, int Plans);

/// <summary>A choice system's quality reports still open for their providers: how many, and how many of them past their last day.</summary>
public sealed record LateReportLine(string ChoiceSystem, int Open, int Late);

/// <summary>A kind of risk signal and how many of the committee's units carry it now.</summary>
public sealed record FlagLine(string Kind, int Units);

/// <summary>The deficiencies of one area in each of the dashboard's years, oldest first.</summary>
public sealed record AreaYears(string Area, IReadOnlyList<int> Counts);

/// <summary>One committee's state of follow-up: reviews against the plan, deficiencies by area over three years, overdue work, late quality reports and flags.</summary>
public sealed record Dashboard(
    Guid CommitteeId, string Committee, int Year, DateOnly Today, IReadOnlyList<ReviewLine> Reviews, IReadOnlyList<int> Years, IReadOnlyList<AreaYears> Areas,
    IReadOnlyList<OverdueLine> Overdue, IReadOnlyList<LateReportLine> LateReports, IReadOnlyList<FlagLine> Flags);

/// <summary>
/// Computes a committee's dashboard in a fixed number of queries whatever the number of units, through the scoped context. A committee
/// member sees its own committee's only (<see cref="RoleChecks.ReportedTo"/>); the figures are counts, never a provider's or a person's name.
/// </summary>
public sealed class DashboardHandler(
    AppDbContext db, FollowUpCounts counts, RiskSignalReader signals, RegisterLookups lookups, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>How many years the deficiencies by area go back, the chosen year included.</summary>
    public const int AreaYears = 3;

    /// <summary>The dashboard for the committee (the actor's own for a committee member; the first by name when none is chosen) and year.</summary>
    public async Task<Dashboard?> GetAsync(Guid? committeeId, int year, CancellationToken cancellationToken)
    {
        var (every, own) = actor.ReportedTo();
        if (await lookups.CommitteeOrFirstAsync(every ? committeeId : own, cancellationToken) is not { } committee)
        {
            return null;
        }
        var today = clock.SwedishToday();
        var choiceSystems = await counts.ChoiceSystemsAsync(committee.Id, null, year, cancellationToken);
        var ids = choiceSystems.Select(c => c.Id).ToList();

        var reviews = await counts.ReviewsAgainstPlanAsync(year, choiceSystems, cancellationToken);
        var years = Enumerable.Range(year - AreaYears + 1, AreaYears).ToList();
        var byArea = await counts.DeficienciesByAreaAsync(years[0], year, choiceSystems, cancellationToken);
        List<AreaYears> areas =
        [
            .. byArea.GroupBy(a => a.Line.Area)
                .Select(g => new AreaYears(g.Key, [.. years.Select(y => g.Where(a => a.Year == y).Sum(a => a.Line.Total))]))
                .OrderByDescending(a => a.Counts.Sum()).ThenBy(a => a.Area, StringComparer.Create(SwedishText.Culture, ignoreCase: true)),
        ];

        var actions = await db.PlannedActions.AsNoTracking()
            .Where(a => a.DueOn < today && a.DoneOn == null)
            .Join(db.ActionPlans.AsNoTracking().Where(p => p.State != ActionPlanState.Closed && p.ChoiceSystemId != null && ids.Contains(p.ChoiceSystemId.Value)),
                a => a.ActionPlanId, p => p.Id, (a, p) => p.ChoiceSystemId!.Value)
            .GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var deficiencies = await db.Deficiencies.AsNoTracking()
            .Where(d => d.State == DeficiencyState.Open && d.DeadlineOn < today && d.ActionPlan!.ChoiceSystemId != null && ids.Contains(d.ActionPlan.ChoiceSystemId.Value))
            .GroupBy(d => d.ActionPlan!.ChoiceSystemId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => p.State == ActionPlanState.AwaitingPlan && p.PlanDueOn < today && p.ChoiceSystemId != null && ids.Contains(p.ChoiceSystemId.Value))
            .GroupBy(p => p.ChoiceSystemId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        List<OverdueLine> overdue =
        [
            .. choiceSystems.Select(c => new OverdueLine(c.Name, actions.GetValueOrDefault(c.Id), deficiencies.GetValueOrDefault(c.Id), plans.GetValueOrDefault(c.Id))),
        ];

        var reports = await db.QualityReports.AsNoTracking().Where(QualityReport.OnReportTemplate).Where(QualityReport.Open)
            .Where(r => ids.Contains(r.Template!.ChoiceSystemId))
            .GroupBy(r => r.Template!.ChoiceSystemId)
            .Select(g => new { g.Key, Open = g.Count(), Late = g.Count(r => r.Template!.DueOn != null && r.Template.DueOn < today) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        List<LateReportLine> lateReports =
        [
            .. choiceSystems.Select(c => reports.TryGetValue(c.Id, out var r) ? new LateReportLine(c.Name, r.Open, r.Late) : new LateReportLine(c.Name, 0, 0)),
        ];

        var units = await signals.RiskUnitsAsync(lookups.UnitsFollowedUpBy(committee.Id, today), cancellationToken);
        var found = await signals.SignalsAsync(units, today, cancellationToken);
        List<FlagLine> flags =
        [
            .. found.GroupBy(s => s.Kind).OrderBy(g => g.Key)
                .Select(g => new FlagLine(g.Key.Name(), g.Select(s => s.UnitId).Distinct().Count())),
        ];

        return new Dashboard(committee.Id, committee.Name, year, today, reviews, years, areas, overdue, lateReports, flags);
    }
}
