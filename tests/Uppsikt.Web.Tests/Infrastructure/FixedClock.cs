namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>A clock that always says the same instant, for logic that depends on "today".</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Ten in the morning UTC on <paramref name="day"/>: the same day in Sweden, summer or winter.</summary>
    public static FixedClock On(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
