using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Reporting;
using Uppsikt.Web.Infrastructure.Summaries;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>A choice system's follow-up plan for the year, in one line: its state and what it planned.</summary>
public sealed record PlanLine(string ChoiceSystem, string Status, int Activities, decimal EstimatedHours);

/// <summary>A sanction the committee decided in the year.</summary>
public sealed record SanctionLine(string Provider, string Unit, string Type, DateOnly DecidedOn, string Paragraph);

/// <summary>One unit's whole-year result; its value withheld (<see cref="Suppressed"/>) when it rests on too few answers.</summary>
public sealed record UnitResultLine(string Unit, string Ownership, double? Value, int? Answers, bool Suppressed);

/// <summary>An indicator's whole-year results for the report's units, beside the municipality's average.</summary>
public sealed record IndicatorLine(string Indicator, string UnitOfMeasure, double? Municipality, IReadOnlyList<UnitResultLine> Units);

/// <summary>Complaints or incidents counted per choice system of the report, by the columns of their summary.</summary>
public sealed record CountLines(int Total, IReadOnlyList<string> Columns, IReadOnlyList<CountRow> Rows);

/// <summary>
/// The generated part of an annual report: computed afresh for a draft, frozen as JSON on submission (<see cref="Serialize"/>)
/// so that what the committee decided on stays as it was.
/// </summary>
public sealed record AnnualReportFigures(
    int Year, DateOnly ComputedOn, IReadOnlyList<string> ChoiceSystems, IReadOnlyList<PlanLine> Plans, IReadOnlyList<ReviewLine> Reviews,
    IReadOnlyList<AreaLine> Deficiencies, IReadOnlyList<SanctionLine> Sanctions, CountLines Complaints, CountLines Incidents,
    IReadOnlyList<IndicatorLine> Results, int MinimumAnswers)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static AnnualReportFigures Deserialize(string json) =>
        JsonSerializer.Deserialize<AnnualReportFigures>(json, Json) ?? throw new InvalidDataException("An annual report's figures are empty.");
}

/// <summary>
/// Computes an annual report's figures for a committee, or one of its choice systems, and a year: the follow-up plans, the reviews
/// against them, deficiencies by area, decided sanctions, complaints and incidents (the evidence feature's own summaries) and every
/// unit's whole-year results. A fixed number of queries whatever the number of units.
/// </summary>
public sealed class AnnualReportFigureSource(AppDbContext db, FollowUpCounts counts, ResultSettings results, TimeProvider clock)
{
    public async Task<AnnualReportFigures> ComputeAsync(int year, Guid committeeId, Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var choiceSystems = await counts.ChoiceSystemsAsync(committeeId, choiceSystemId, year, cancellationToken);
        var ids = choiceSystems.Select(c => c.Id).ToList();
        var names = choiceSystems.Select(c => c.Name).ToList();

        var plans = (await db.FollowUpPlans.AsNoTracking().Where(p => p.Year == year && ids.Contains(p.ChoiceSystemId))
                .Select(p => new
                {
                    p.ChoiceSystemId,
                    p.State,
                    p.RevisionNumber,
                    p.AdoptedOn,
                    p.AdoptionParagraph,
                    Hours = p.Activities.Select(a => a.EstimatedHours).ToList(),
                })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.ChoiceSystemId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.State is PlanState.Adopted or PlanState.ReportedToCouncilBoard).ThenByDescending(p => p.RevisionNumber).First());
        List<PlanLine> planLines =
        [
            .. choiceSystems.Select(c => plans.TryGetValue(c.Id, out var p)
                ? new PlanLine(c.Name, p.AdoptedOn is { } adopted ? $"{p.State.Name()}, antagen {SwedishText.Date(adopted)} {p.AdoptionParagraph}" : p.State.Name(),
                    p.Hours.Count, p.Hours.Sum(h => h ?? 0m))
                : new PlanLine(c.Name, "Uppföljningsplan saknas", 0, 0)),
        ];

        var reviewLines = await counts.ReviewsAgainstPlanAsync(year, choiceSystems, cancellationToken);
        var areaLines = (await counts.DeficienciesByAreaAsync(year, year, choiceSystems, cancellationToken)).Select(a => a.Line).ToList();

        var sanctions = await (
                from s in db.Sanctions.AsNoTracking()
                join p in db.ActionPlans.AsNoTracking() on s.ActionPlanId equals p.Id
                where s.CommitteeId == committeeId && s.State == SanctionState.Decided && s.DecidedOn >= first && s.DecidedOn <= last
                    && (choiceSystemId == null || p.ChoiceSystemId == choiceSystemId)
                orderby s.DecidedOn
                select new { Provider = s.Provider!.Name, Unit = s.Unit!.Name, s.DecidedType, s.DecidedOn, s.DecisionParagraph })
            .ToListAsync(cancellationToken);
        List<SanctionLine> sanctionLines = [.. sanctions.Select(s => new SanctionLine(s.Provider, s.Unit, s.DecidedType!.Value.Name(), s.DecidedOn!.Value, s.DecisionParagraph ?? ""))];

        var complaints = await EvidenceSummaries.ComplaintsAsync(db, year, cancellationToken);
        var incidents = await EvidenceSummaries.IncidentsAsync(db, first, last, cancellationToken);

        return new AnnualReportFigures(year, clock.SwedishToday(), names, planLines, reviewLines, areaLines, sanctionLines,
            Lines(complaints.ByChoiceSystem, names), Lines(incidents.ByChoiceSystem, names),
            await ResultsAsync(year, ids, cancellationToken), results.MinimumAnswers);
    }

    /// <summary>The rows of a summary that belong to the report's choice systems, with the columns they use.</summary>
    private static CountLines Lines(IReadOnlyList<CountRow> byChoiceSystem, IReadOnlyList<string> choiceSystems)
    {
        var rows = byChoiceSystem.Where(r => choiceSystems.Contains(r.Name)).ToList();
        return new CountLines(rows.Sum(r => r.Total),
            [.. rows.SelectMany(r => r.Counts.Keys).Distinct().Order(StringComparer.Create(SwedishText.Culture, ignoreCase: true))], rows);
    }

    /// <summary>Every whole-year result of the units serving the choice systems, by indicator; those below the minimum withheld.</summary>
    private async Task<IReadOnlyList<IndicatorLine>> ResultsAsync(int year, IReadOnlyList<Guid> choiceSystemIds, CancellationToken cancellationToken)
    {
        var rows = await db.Outcomes.AsNoTracking()
            .Where(o => o.Year == year && o.PeriodKind == PeriodKind.Year && o.Unit!.ChoiceSystems.Any(c => choiceSystemIds.Contains(c.Id)))
            .Select(o => new { o.IndicatorId, Indicator = o.Indicator!.Name, o.Indicator.UnitOfMeasure, Unit = o.Unit!.Name, o.Unit.Ownership, o.Value, o.Answers })
            .ToListAsync(cancellationToken);
        var indicatorIds = rows.Select(r => r.IndicatorId).Distinct().ToList();
        var averages = await db.OutcomeAverages.AsNoTracking()
            .Where(a => a.Year == year && a.PeriodKind == PeriodKind.Year && indicatorIds.Contains(a.IndicatorId))
            .ToDictionaryAsync(a => a.IndicatorId, a => a.Value, cancellationToken);
        var order = StringComparer.Create(SwedishText.Culture, ignoreCase: true);
        return
        [
            .. rows.GroupBy(r => (r.IndicatorId, r.Indicator, r.UnitOfMeasure))
                .OrderBy(g => g.Key.Indicator, order)
                .Select(g => new IndicatorLine(g.Key.Indicator, g.Key.UnitOfMeasure, averages.TryGetValue(g.Key.IndicatorId, out var average) ? average : null,
                [
                    .. g.OrderBy(r => r.Unit, order).Select(r => ResultStatistics.IsSuppressed(r.Answers, results.MinimumAnswers)
                        ? new UnitResultLine(r.Unit, r.Ownership.Name(), null, r.Answers, true)
                        : new UnitResultLine(r.Unit, r.Ownership.Name(), r.Value, r.Answers, false)),
                ])),
        ];
    }
}
