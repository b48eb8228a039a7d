using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Evidence;

/// <summary>Which way an indicator improves.</summary>
public enum Direction
{
    [Display(Name = "Högre är bättre")] HigherIsBetter = 1,
    [Display(Name = "Lägre är bättre")] LowerIsBetter = 2,
}

/// <summary>
/// What an indicator's value is (decision 0041), which decides whether its results get an interval: only a share of answers
/// in per cent does, from its number of answers alone.
/// </summary>
public enum IndicatorValueKind
{
    [Display(Name = "Andel (%)")] Share = 1,
    [Display(Name = "Medelvärde")] Mean = 2,
    [Display(Name = "Tal")] Number = 3,
}

/// <summary>
/// Indikator: something measured per unit and period, such as user satisfaction or staff continuity, with the
/// evidence source its results come from and target values (målvärden) per choice system.
/// </summary>
public sealed class Indicator : Entity
{
    /// <summary>Short, unique code used in import files, e.g. HT-NOJD.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Unit of measure as people read it: "%", "antal personal", "dagar".</summary>
    public required string UnitOfMeasure { get; set; }

    public Direction Direction { get; set; }

    /// <summary>Whether the value is a share in per cent, a mean or another number: only a share's results get an interval.</summary>
    public IndicatorValueKind ValueKind { get; set; } = IndicatorValueKind.Number;

    /// <summary>The kind an indicator gets when none is chosen: a share when its unit of measure is "%", else a number.</summary>
    public static IndicatorValueKind DefaultValueKind(string? unitOfMeasure) =>
        unitOfMeasure?.Trim() == "%" ? IndicatorValueKind.Share : IndicatorValueKind.Number;

    /// <summary>
    /// The scale the statistics read the results on: a share's; none for a mean, whose spread an indicator's results do not
    /// carry, nor for another number. Without a scale a result gets no interval and no difference is claimed from it.
    /// </summary>
    public ResultScale? Scale => ValueKind == IndicatorValueKind.Share ? ResultScale.Share : null;

    /// <summary>Every result of the indicator carries this source.</summary>
    public EvidenceSource Source { get; set; }

    /// <summary>Kolada's KPI id (e.g. U21468) when results are read from Kolada's unit data.</summary>
    public string? KoladaKpiId { get; set; }

    public string? Description { get; set; }

    public List<Target> Targets { get; } = [];

    /// <summary>True when <paramref name="value"/> is worse than <paramref name="target"/> in this indicator's direction.</summary>
    public bool IsBelowTarget(double value, double target) => Direction switch
    {
        Direction.LowerIsBetter => value > target,
        _ => value < target,
    };

    /// <summary>
    /// The target that applies to a unit serving several choice systems: the strictest of them, so a unit is never
    /// judged against a weaker target than one of its agreements sets. Null when none of them has a target.
    /// </summary>
    public double? StrictestTarget(IEnumerable<double> targets)
    {
        var list = targets.ToList();
        return list.Count == 0 ? null : Direction == Direction.LowerIsBetter ? list.Min() : list.Max();
    }
}

/// <summary>Målvärde: the value an indicator should reach in one choice system.</summary>
public sealed class Target : Entity
{
    public Guid IndicatorId { get; set; }

    public Guid ChoiceSystemId { get; set; }

    public double Value { get; set; }
}
