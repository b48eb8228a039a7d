namespace Uppsikt.Web.Infrastructure;

/// <summary>"Today": the date in Sweden, whatever time zone the server runs in.</summary>
public static class SwedishCalendar
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static readonly TimeZoneInfo Zone = Sweden;

    public static DateOnly SwedishToday(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Sweden).DateTime);

    /// <summary>The date in Sweden at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Sweden).DateTime);

    /// <summary>Midnight in Sweden at the start of <paramref name="date"/>, in UTC (midnight always exists: the clocks change at two and three).</summary>
    public static DateTimeOffset StartOf(DateOnly date) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Sweden), TimeSpan.Zero);
}
