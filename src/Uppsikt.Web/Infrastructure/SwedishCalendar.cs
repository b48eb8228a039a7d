namespace Uppsikt.Web.Infrastructure;

/// <summary>"Today": the date in Sweden, whatever time zone the server runs in.</summary>
public static class SwedishCalendar
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static readonly TimeZoneInfo Zone = Sweden;

    public static DateOnly SwedishToday(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Sweden).DateTime);
}
