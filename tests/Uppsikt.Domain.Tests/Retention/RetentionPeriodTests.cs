using CsCheck;
using Uppsikt.Domain.Retention;

namespace Uppsikt.Domain.Tests.Retention;

public sealed class RetentionPeriodTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_record_is_kept_through_the_day_its_period_ends_and_expired_the_day_after()
    {
        Assert.False(RetentionPeriod.HasExpired(D(2024, 3, 10), 24, D(2026, 3, 10)));
        Assert.True(RetentionPeriod.HasExpired(D(2024, 3, 10), 24, D(2026, 3, 11)));
    }

    [Fact]
    public void A_day_the_last_month_lacks_becomes_its_last_day()
    {
        Assert.Equal(D(2025, 2, 28), RetentionPeriod.KeptThrough(D(2025, 1, 31), 1));
        Assert.Equal(D(2028, 2, 29), RetentionPeriod.KeptThrough(D(2028, 1, 31), 1));
        Assert.True(RetentionPeriod.HasExpired(D(2025, 1, 31), 1, D(2025, 3, 1)));
    }

    [Fact]
    public void The_latest_expired_start_is_the_last_day_whose_period_has_ended()
    {
        Assert.Equal(D(2024, 3, 10), RetentionPeriod.LatestExpiredStart(D(2026, 3, 11), 24));
        // On 29 March a record closed on 28 February is expired (kept through 28 March); one closed in March is not.
        Assert.Equal(D(2025, 2, 28), RetentionPeriod.LatestExpiredStart(D(2025, 3, 29), 1));
        Assert.Equal(D(2025, 2, 28), RetentionPeriod.LatestExpiredStart(D(2025, 3, 31), 1));
        Assert.Equal(D(2025, 2, 28), RetentionPeriod.LatestExpiredStart(D(2025, 4, 1), 1));
        Assert.Equal(D(2025, 3, 1), RetentionPeriod.LatestExpiredStart(D(2025, 4, 2), 1));
    }

    private static readonly Gen<DateOnly> GenDate = Gen.Int[0, 40 * 366].Select(d => D(2000, 1, 1).AddDays(d));

    private static readonly Gen<int> GenMonths = Gen.Int[RetentionPeriod.MinMonths, 240];

    [Fact]
    public void An_open_record_never_expires() =>
        Gen.Select(GenMonths, GenDate).Sample((months, today) => !RetentionPeriod.HasExpired(null, months, today));

    [Fact]
    public void A_record_is_never_removed_before_its_whole_period_has_passed() =>
        Gen.Select(GenDate, GenMonths, GenDate).Sample((closedOn, months, today) =>
            !RetentionPeriod.HasExpired(closedOn, months, today) || closedOn.AddMonths(months) < today);

    [Fact]
    public void A_longer_period_never_removes_more() =>
        Gen.Select(GenDate, GenMonths, GenMonths, GenDate).Sample((closedOn, shorter, longer, today) =>
            shorter > longer || !RetentionPeriod.HasExpired(closedOn, longer, today) || RetentionPeriod.HasExpired(closedOn, shorter, today));

    [Fact]
    public void Once_expired_a_record_stays_expired() =>
        Gen.Select(GenDate, GenMonths, GenDate, Gen.Int[0, 3000]).Sample((closedOn, months, today, later) =>
            !RetentionPeriod.HasExpired(closedOn, months, today) || RetentionPeriod.HasExpired(closedOn, months, today.AddDays(later)));

    [Fact]
    public void A_closed_record_expires_at_the_latest_the_day_after_its_period() =>
        Gen.Select(GenDate, GenMonths).Sample((closedOn, months) =>
            RetentionPeriod.HasExpired(closedOn, months, RetentionPeriod.KeptThrough(closedOn, months).AddDays(1)));

    [Fact]
    public void The_query_bound_says_exactly_what_the_rule_says() =>
        Gen.Select(GenDate, GenMonths, GenDate).Sample((closedOn, months, today) =>
            RetentionPeriod.HasExpired(closedOn, months, today) == (closedOn <= RetentionPeriod.LatestExpiredStart(today, months)));
}
