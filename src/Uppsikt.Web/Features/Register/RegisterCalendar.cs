namespace Uppsikt.Web.Features.Register;

/// <summary>The register's "today": the date in Sweden, whatever time zone the server runs in.</summary>
public static class RegisterCalendar
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly SwedishToday(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Sweden).DateTime);
}
