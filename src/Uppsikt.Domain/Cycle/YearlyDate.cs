namespace Uppsikt.Domain.Cycle;

/// <summary>
/// A day that comes back every year, such as 30 April (the end of the first tertial). A day past the end of the
/// month means its last day, so 29 February falls on the 28th in a common year.
/// </summary>
public readonly record struct YearlyDate(int Month, int Day)
{
    /// <summary>The last days of the three tertials.</summary>
    public static readonly IReadOnlyList<YearlyDate> TertialEnds = [new(4, 30), new(8, 31), new(12, 31)];

    /// <summary>Whether the month is 1–12 and the day exists in that month in some year (29 February does).</summary>
    public bool IsValid => Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(2024, Month);

    /// <summary>The date in <paramref name="year"/>.</summary>
    public DateOnly In(int year)
    {
        if (!IsValid)
        {
            throw new InvalidOperationException($"{Month}/{Day} is not a day of the year.");
        }
        return new DateOnly(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));
    }

    /// <summary>Swedish, such as "30 april".</summary>
    public string ToSwedish() => IsValid
        ? new DateOnly(2024, Month, Day).ToString("d MMMM", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))
        : $"{Day}/{Month}";
}
