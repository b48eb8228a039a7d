using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Uppsikt.Domain.Evidence;

public enum PeriodKind
{
    [Display(Name = "Helår")] Year = 1,
    [Display(Name = "Tertial")] Tertial = 2,
    [Display(Name = "Månad")] Month = 3,
}

/// <summary>A year, or a tertial or month within it: the period a result is for.</summary>
public readonly record struct OutcomePeriod(int Year, PeriodKind Kind, int Number) : IComparable<OutcomePeriod>
{
    public const int FirstYear = 1990;
    public const int LastYear = 2100;

    public static OutcomePeriod WholeYear(int year) => new(year, PeriodKind.Year, 0);

    /// <summary>The month the period starts in, so periods of different kinds sort by time.</summary>
    public int StartMonth => Kind switch
    {
        PeriodKind.Tertial => (Number - 1) * 4 + 1,
        PeriodKind.Month => Number,
        _ => 1,
    };

    public int CompareTo(OutcomePeriod other)
    {
        var byTime = (Year, StartMonth).CompareTo((other.Year, other.StartMonth));
        return byTime != 0 ? byTime : Kind.CompareTo(other.Kind);
    }

    /// <summary>As people read it: 2025, 2025 T2, 2025-03.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Tertial => string.Create(CultureInfo.InvariantCulture, $"{Year} T{Number}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Number:D2}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads the year and the optional part of an import row: empty for the whole year, T1–T3 for a tertial,
    /// 1–12 (or 01–12, M1–M12) for a month. Null when either is not one of these.
    /// </summary>
    public static OutcomePeriod? Parse(ReadOnlySpan<char> year, ReadOnlySpan<char> part)
    {
        if (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < FirstYear || y > LastYear)
        {
            return null;
        }
        part = part.Trim();
        if (part.IsEmpty)
        {
            return WholeYear(y);
        }
        var kind = PeriodKind.Month;
        if (part[0] is 'T' or 't')
        {
            kind = PeriodKind.Tertial;
            part = part[1..];
        }
        else if (part[0] is 'M' or 'm')
        {
            part = part[1..];
        }
        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        var max = kind == PeriodKind.Tertial ? 3 : 12;
        return number >= 1 && number <= max ? new OutcomePeriod(y, kind, number) : null;
    }
}

/// <summary>
/// Utfall: one unit's result for one indicator and period. Keyed by what it is for, so a new file with the same
/// indicator, unit and period replaces the value instead of adding a second one. Its evidence source is its indicator's.
/// </summary>
public sealed class Outcome
{
    public Guid IndicatorId { get; set; }

    public Guid UnitId { get; set; }

    public int Year { get; set; }

    public PeriodKind PeriodKind { get; set; }

    /// <summary>Tertial 1–3 or month 1–12; 0 for the whole year.</summary>
    public int PeriodNumber { get; set; }

    public double Value { get; set; }

    /// <summary>
    /// Antal svar (n): how many answers or observations the value rests on, when the source gives it; null when it is
    /// unknown or the indicator has none (a cost, a waiting time). What an interval and suppression are computed from.
    /// </summary>
    public int? Answers { get; set; }

    /// <summary>The import that last wrote the value.</summary>
    public Guid? ImportId { get; set; }

    public Indicator? Indicator { get; set; }

    public Register.Unit? Unit { get; set; }

    public OutcomePeriod Period => new(Year, PeriodKind, PeriodNumber);
}

/// <summary>
/// The mean of all units' results for one indicator and period: the municipality's average a unit is compared with.
/// Aggregated, so it carries no single provider's data; rebuilt by every import of the indicator.
/// </summary>
public sealed class OutcomeAverage
{
    public Guid IndicatorId { get; set; }

    public int Year { get; set; }

    public PeriodKind PeriodKind { get; set; }

    public int PeriodNumber { get; set; }

    public double Value { get; set; }

    public int UnitCount { get; set; }
}
