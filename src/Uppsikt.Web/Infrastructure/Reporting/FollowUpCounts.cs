using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Infrastructure.Reporting;

/// <summary>A choice system, as the counts name it.</summary>
public sealed record NamedChoiceSystem(Guid Id, string Name);

/// <summary>A choice system's reviews in a year: planned for the year, finalised in it, still under way, and finalised with deficiencies.</summary>
public sealed record ReviewLine(string ChoiceSystem, int Planned, int Done, int Ongoing, int WithDeficiencies);

/// <summary>The deficiencies found in one area (and year), by severity, and how many are fixed.</summary>
public sealed record AreaLine(string Area, int Minor, int Serious, int Fixed)
{
    public int Total => Minor + Serious;
}

/// <summary>
/// The counts of the follow-up that the annual reports and the dashboards both show, counted one way: reviews against the plan
/// and deficiencies by area, for a set of choice systems. Each is one query whatever the number of units, and reads through the
/// scoped context, so its query filters apply.
/// </summary>
public sealed class FollowUpCounts(AppDbContext db)
{
    /// <summary>The committee's choice systems (or the one given) that ran some time in the year, by name.</summary>
    public async Task<IReadOnlyList<NamedChoiceSystem>> ChoiceSystemsAsync(Guid committeeId, Guid? choiceSystemId, int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        return await db.ChoiceSystems.AsNoTracking()
            .Where(c => c.CommitteeId == committeeId && (choiceSystemId == null || c.Id == choiceSystemId))
            .Where(c => c.PhasedOutOn == null || c.PhasedOutOn >= first)
            .OrderBy(c => c.Name)
            .Select(c => new NamedChoiceSystem(c.Id, c.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Per choice system: reviews planned for the year, finalised in it, still under way, and finalised with deficiencies.</summary>
    public async Task<IReadOnlyList<ReviewLine>> ReviewsAgainstPlanAsync(int year, IReadOnlyList<NamedChoiceSystem> choiceSystems, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var ids = choiceSystems.Select(c => c.Id).ToList();
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => ids.Contains(r.ChoiceSystemId)
                && ((r.PlannedFor >= first && r.PlannedFor <= last) || (r.FinalisedOn >= first && r.FinalisedOn <= last)))
            .Select(r => new
            {
                r.ChoiceSystemId,
                r.PlannedFor,
                r.FinalisedOn,
                r.State,
                Deficient = r.Result == Assessment.MinorDeficiency || r.Result == Assessment.SeriousDeficiency,
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. choiceSystems.Select(c =>
            {
                var mine = reviews.Where(r => r.ChoiceSystemId == c.Id).ToList();
                var done = mine.Where(r => r.FinalisedOn >= first && r.FinalisedOn <= last).ToList();
                return new ReviewLine(c.Name,
                    mine.Count(r => r.PlannedFor >= first && r.PlannedFor <= last),
                    done.Count,
                    mine.Count(r => r.FinalisedOn is null && r.State is not (ReviewState.Final or ReviewState.Closed)),
                    done.Count(r => r.Deficient));
            }),
        ];
    }

    /// <summary>
    /// Deficiencies identified in the years from <paramref name="firstYear"/> to <paramref name="lastYear"/> in the choice systems (through
    /// their action plan's), by year and area; the most frequent areas first.
    /// </summary>
    public async Task<IReadOnlyList<(int Year, AreaLine Line)>> DeficienciesByAreaAsync(
        int firstYear, int lastYear, IReadOnlyList<NamedChoiceSystem> choiceSystems, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(firstYear, 1, 1), new DateOnly(lastYear, 12, 31));
        var ids = choiceSystems.Select(c => c.Id).ToList();
        var rows = await db.Deficiencies.AsNoTracking()
            .Where(d => d.IdentifiedOn >= first && d.IdentifiedOn <= last && d.ActionPlan!.ChoiceSystemId != null && ids.Contains(d.ActionPlan.ChoiceSystemId.Value))
            .Select(d => new { d.IdentifiedOn, d.Area, d.Severity, Fixed = d.FixedOn != null })
            .ToListAsync(cancellationToken);
        var order = StringComparer.Create(SwedishText.Culture, ignoreCase: true);
        return
        [
            .. rows.GroupBy(r => (r.IdentifiedOn.Year, r.Area))
                .Select(g => (g.Key.Year, Line: new AreaLine(g.Key.Area,
                    g.Count(d => d.Severity == Assessment.MinorDeficiency), g.Count(d => d.Severity == Assessment.SeriousDeficiency), g.Count(d => d.Fixed))))
                .OrderBy(x => x.Year).ThenByDescending(x => x.Line.Total).ThenBy(x => x.Line.Area, order),
        ];
    }
}
