using System.ComponentModel.DataAnnotations;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.QualityBonus;

/// <summary>An indicator as a criterion reads it: its name and which way it improves.</summary>
public sealed record BonusIndicator(Guid Id, string Name, Direction Direction);

/// <summary>One criterion's parameters: the indicator, the rule and its limit, and kronor per place or hour.</summary>
public sealed record BonusCriterionParameters(BonusIndicator Indicator, BonusRule Rule, double Limit, decimal Amount);

/// <summary>A model's parameters as the simulation reads them, and as a saved scenario keeps them.</summary>
public sealed record BonusParameters(BonusBasis Basis, int? HoursPerPlace, decimal CeilingPerUnit, IReadOnlyList<BonusCriterionParameters> Criteria);

/// <summary>A unit of the choice system: its provider, whether it is in-house, and its places (none when not known).</summary>
public sealed record BonusUnit(Guid Id, string Name, string ProviderName, Ownership Ownership, int? Capacity)
{
    public bool InHouse => Ownership == Ownership.InHouse;
}

/// <summary>A unit's whole-year result for an indicator, with the answers it rests on when known.</summary>
public sealed record BonusResult(Guid IndicatorId, Guid UnitId, double Value, int? Answers);

/// <summary>How one criterion went for one unit.</summary>
public enum BonusVerdict
{
    [Display(Name = "Uppfyllt")] Met = 1,
    [Display(Name = "Inte uppfyllt")] NotMet = 2,
    [Display(Name = "Resultat saknas")] NoResult = 3,
    [Display(Name = "För få svar")] TooFewAnswers = 4,
}

/// <summary>One criterion for one unit: the verdict, the result it rests on, its rank when the rule ranks, and the kronor.</summary>
public sealed record CriterionOutcome(BonusVerdict Verdict, double? Value, int? Answers, int? Rank, decimal Amount);

/// <summary>
/// One unit's bonus: its volume (places, or places times hours), each criterion's outcome in the model's order, the sum before
/// the ceiling and the total paid.
/// </summary>
public sealed record UnitBonus(BonusUnit Unit, decimal Volume, IReadOnlyList<CriterionOutcome> Criteria, decimal Uncapped, decimal Total)
{
    public bool Capped => Total < Uncapped;
}

/// <summary>A group's sum: how many units, how many of them are paid, their places, the total and the total per place.</summary>
public sealed record BonusSum(string Name, int Units, int UnitsPaid, int Places, decimal Total)
{
    /// <summary>The total per place; null when the group has no known places.</summary>
    public decimal? PerPlace => Places > 0 ? Math.Round(Total / Places, 2) : null;
}

/// <summary>A simulated year: each unit's bonus, the sums per provider, in-house and the others, and the whole.</summary>
public sealed record BonusRun(int Year, IReadOnlyList<UnitBonus> Units, IReadOnlyList<BonusSum> Providers, BonusSum InHouse, BonusSum Others, BonusSum All);

/// <summary>One variant of the sensitivity view: what was moved, the total and how many units would be paid.</summary>
public sealed record SensitivityRow(string Change, decimal Total, int UnitsPaid);

/// <summary>
/// The quality-bonus simulation (decision 0043), pure: what a model would have paid each unit of a choice system for one year's
/// whole-year results. A threshold is reached at or beyond its value in the indicator's direction. A rank rule ranks the units
/// with a countable result (not suppressed) best first; units with equal values share a rank (1, 2, 2, 4), and a unit is paid
/// when its rank is within the best N, so a tie at the boundary pays every tied unit. The best share is of the units ranked,
/// rounded up (at least one unit when any is ranked). A result from fewer answers than the minimum pays nothing ("för få svar")
/// and is not ranked. A unit without known places has volume 0 and is paid nothing.
/// </summary>
public static class BonusSimulation
{
    /// <summary>The name of the sum of the units that are not in-house: private and non-profit providers.</summary>
    public const string OthersName = "Privata och idéburna anordnare";

    public const string InHouseName = "Egen regi";

    public static BonusRun Run(BonusParameters model, int year, IReadOnlyList<BonusUnit> units, IReadOnlyList<BonusResult> results, int minimumAnswers)
    {
        var byCriterion = model.Criteria.Select(c => Judge(c, units, results, minimumAnswers)).ToList();
        var bonuses = units.Select(unit =>
        {
            var volume = Volume(model, unit);
            var outcomes = byCriterion.Select((judged, i) => judged[unit.Id] with
            {
                Amount = judged[unit.Id].Verdict == BonusVerdict.Met ? model.Criteria[i].Amount * volume : 0,
            }).ToList();
            var uncapped = outcomes.Sum(o => o.Amount);
            return new UnitBonus(unit, volume, outcomes, uncapped, Math.Min(uncapped, model.CeilingPerUnit));
        }).ToList();
        return new BonusRun(
            year, bonuses,
            [.. bonuses.GroupBy(b => b.Unit.ProviderName, StringComparer.Ordinal).Select(g => Sum(g.Key, g)).OrderBy(s => s.Name, StringComparer.Ordinal)],
            Sum(InHouseName, bonuses.Where(b => b.Unit.InHouse)),
            Sum(OthersName, bonuses.Where(b => !b.Unit.InHouse)),
            Sum("Alla enheter", bonuses));
    }

    /// <summary>
    /// The same year with the limits moved: every threshold and best share by −10, −5, +5 and +10 per cent of its value, and every
    /// best N by −1 and +1 (never below 1). The first row is the model as it is. Variants the model has no rule for are left out.
    /// </summary>
    public static IReadOnlyList<SensitivityRow> Sensitivity(
        BonusParameters model, int year, IReadOnlyList<BonusUnit> units, IReadOnlyList<BonusResult> results, int minimumAnswers)
    {
        SensitivityRow Row(string change, BonusParameters parameters)
        {
            var run = Run(parameters, year, units, results, minimumAnswers);
            return new SensitivityRow(change, run.All.Total, run.All.UnitsPaid);
        }
        var rows = new List<SensitivityRow> { Row("Modellen som den är", model) };
        if (model.Criteria.Any(c => c.Rule != BonusRule.BestCount))
        {
            foreach (var percent in new[] { -10, -5, 5, 10 })
            {
                rows.Add(Row($"Trösklar och andelar {(percent < 0 ? "−" : "+")}{Math.Abs(percent)} %", Moved(model, c => c.Rule == BonusRule.BestCount ? c.Limit
                    : c.Rule == BonusRule.BestShare ? Math.Min(100, c.Limit * (1 + percent / 100.0)) : c.Limit * (1 + percent / 100.0))));
            }
        }
        if (model.Criteria.Any(c => c.Rule == BonusRule.BestCount))
        {
            rows.Add(Row("De N bästa −1", Moved(model, c => c.Rule == BonusRule.BestCount ? Math.Max(1, c.Limit - 1) : c.Limit)));
            rows.Add(Row("De N bästa +1", Moved(model, c => c.Rule == BonusRule.BestCount ? c.Limit + 1 : c.Limit)));
        }
        return rows;
    }

    /// <summary>Every year that has results, oldest first, each run as <see cref="Run"/> does.</summary>
    public static IReadOnlyList<BonusRun> History(
        BonusParameters model, IReadOnlyList<BonusUnit> units, IReadOnlyDictionary<int, IReadOnlyList<BonusResult>> resultsByYear, int minimumAnswers) =>
        [.. resultsByYear.OrderBy(y => y.Key).Select(y => Run(model, y.Key, units, y.Value, minimumAnswers))];

    private static BonusParameters Moved(BonusParameters model, Func<BonusCriterionParameters, double> limit) =>
        model with { Criteria = [.. model.Criteria.Select(c => c with { Limit = limit(c) })] };

    private static decimal Volume(BonusParameters model, BonusUnit unit) => unit.Capacity is > 0 and var places
        ? model.Basis == BonusBasis.PerHour ? (decimal)places * (model.HoursPerPlace ?? 0) : places
        : 0;

    private static Dictionary<Guid, CriterionOutcome> Judge(
        BonusCriterionParameters criterion, IReadOnlyList<BonusUnit> units, IReadOnlyList<BonusResult> results, int minimumAnswers)
    {
        var ofUnit = results.Where(r => r.IndicatorId == criterion.Indicator.Id).GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.First());
        var countable = units.Select(u => ofUnit.GetValueOrDefault(u.Id))
            .OfType<BonusResult>()
            .Where(r => !ResultStatistics.IsSuppressed(r.Answers, minimumAnswers))
            .ToList();
        var better = criterion.Indicator.Direction == Direction.LowerIsBetter
            ? (Func<double, double, bool>)((a, b) => a < b)
            : (a, b) => a > b;
        var bestN = criterion.Rule switch
        {
            BonusRule.BestCount => (int)criterion.Limit,
            BonusRule.BestShare => countable.Count == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(countable.Count * criterion.Limit / 100 - 1e-9)),
            _ => 0,
        };
        var outcomes = new Dictionary<Guid, CriterionOutcome>();
        foreach (var unit in units)
        {
            if (ofUnit.GetValueOrDefault(unit.Id) is not { } result)
            {
                outcomes[unit.Id] = new CriterionOutcome(BonusVerdict.NoResult, null, null, null, 0);
                continue;
            }
            if (ResultStatistics.IsSuppressed(result.Answers, minimumAnswers))
            {
                outcomes[unit.Id] = new CriterionOutcome(BonusVerdict.TooFewAnswers, result.Value, result.Answers, null, 0);
                continue;
            }
            int? rank = criterion.Rule == BonusRule.Threshold ? null : 1 + countable.Count(other => better(other.Value, result.Value));
            var met = criterion.Rule == BonusRule.Threshold
                ? result.Value == criterion.Limit || better(result.Value, criterion.Limit)
                : rank <= bestN;
            outcomes[unit.Id] = new CriterionOutcome(met ? BonusVerdict.Met : BonusVerdict.NotMet, result.Value, result.Answers, rank, 0);
        }
        return outcomes;
    }

    private static BonusSum Sum(string name, IEnumerable<UnitBonus> bonuses)
    {
        var list = bonuses.ToList();
        return new BonusSum(name, list.Count, list.Count(b => b.Total > 0), list.Sum(b => b.Unit.Capacity ?? 0), list.Sum(b => b.Total));
    }
}
