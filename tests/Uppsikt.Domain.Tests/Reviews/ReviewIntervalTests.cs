using CsCheck;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.Tests.Reviews;

public sealed class ReviewIntervalTests
{
    private const int Default = ReviewInterval.DefaultMonthsWithoutDeficiencies;
    private static readonly DateOnly Today = new(2026, 9, 1);
    private static readonly DateOnly ReviewedOn = new(2026, 3, 10);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static UnitReviewFacts Facts(DateOnly? reviewedOn, Assessment? result, DateOnly[]? open = null, DateOnly? fixedOn = null) =>
        new(reviewedOn, result, open ?? [], fixedOn);

    private static ReviewDue Next(UnitReviewFacts facts, int months = Default) => ReviewInterval.Next(facts, months, Today);

    [Theory]
    [InlineData(Assessment.Satisfactory)]
    [InlineData(Assessment.SatisfactoryCanImprove)]
    public void A_review_without_deficiencies_is_due_again_two_years_on(Assessment result) =>
        Assert.Equal(new ReviewDue(D(2028, 3, 10), DueReason.RegularInterval), Next(Facts(ReviewedOn, result)));

    [Fact]
    public void The_choice_system_may_set_another_interval() =>
        Assert.Equal(new ReviewDue(D(2029, 3, 10), DueReason.RegularInterval), Next(Facts(ReviewedOn, Assessment.Satisfactory), 36));

    [Fact]
    public void Open_deficiencies_are_due_on_their_deadline_and_overdue_the_day_after()
    {
        var due = Next(Facts(ReviewedOn, Assessment.MinorDeficiency, [D(2026, 6, 10)]));

        Assert.Equal(new ReviewDue(D(2026, 6, 10), DueReason.DeficiencyDeadline), due);
        Assert.False(due.IsOverdue(D(2026, 6, 10)));
        Assert.True(due.IsOverdue(D(2026, 6, 11)));
    }

    [Fact]
    public void Deficiencies_fixed_at_the_follow_up_make_the_next_review_a_year_after_it() =>
        Assert.Equal(new ReviewDue(D(2027, 6, 5), DueReason.AfterFollowUp),
            Next(Facts(ReviewedOn, Assessment.SeriousDeficiency, fixedOn: D(2026, 6, 5))));

    [Fact]
    public void Open_deficiencies_come_before_a_fix_date_and_a_satisfactory_result()
    {
        var open = new[] { D(2026, 8, 1), D(2026, 5, 2) };
        Assert.Equal(D(2026, 5, 2), Next(Facts(ReviewedOn, Assessment.MinorDeficiency, open, D(2026, 4, 1))).DueOn);
        Assert.Equal(DueReason.DeficiencyDeadline, Next(Facts(ReviewedOn, Assessment.Satisfactory, open)).Reason);
    }

    [Fact]
    public void A_fix_date_of_an_earlier_review_does_not_count_after_a_review_without_deficiencies() =>
        Assert.Equal(new ReviewDue(D(2028, 3, 10), DueReason.RegularInterval),
            Next(Facts(ReviewedOn, Assessment.Satisfactory, fixedOn: D(2025, 6, 5))));

    [Fact]
    public void Deficiencies_not_yet_recorded_are_due_a_month_after_the_review_the_earliest_a_decision_could_set() =>
        Assert.Equal(new ReviewDue(D(2026, 4, 10), DueReason.DeficiencyDeadline), Next(Facts(ReviewedOn, Assessment.MinorDeficiency)));

    [Fact]
    public void A_review_that_assessed_nothing_found_no_deficiency() =>
        Assert.Equal(DueReason.RegularInterval, Next(Facts(ReviewedOn, null)).Reason);

    [Fact]
    public void A_month_that_lacks_the_day_ends_on_its_last_day()
    {
        Assert.Equal(D(2026, 2, 28), Next(Facts(D(2026, 1, 31), Assessment.MinorDeficiency)).DueOn);
        Assert.Equal(D(2028, 2, 29), Next(Facts(D(2028, 1, 31), Assessment.MinorDeficiency)).DueOn);
        Assert.Equal(D(2026, 2, 28), Next(Facts(D(2024, 2, 29), Assessment.Satisfactory)).DueOn);
        Assert.Equal(D(2029, 2, 28), Next(Facts(D(2027, 11, 2), Assessment.MinorDeficiency, fixedOn: D(2028, 2, 29))).DueOn);
    }

    [Fact]
    public void A_unit_never_reviewed_is_due_today_and_not_yet_overdue()
    {
        var due = Next(Facts(null, null));

        Assert.Equal(new ReviewDue(Today, DueReason.NeverReviewed), due);
        Assert.False(due.IsOverdue(Today));
        Assert.True(due.IsOverdue(Today.AddDays(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(61)]
    public void An_interval_outside_one_to_sixty_months_is_a_bad_setting(int months) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewInterval.Next(Facts(ReviewedOn, Assessment.Satisfactory), months, Today));

    [Fact]
    public void One_and_sixty_months_are_allowed()
    {
        Assert.Equal(D(2026, 4, 10), Next(Facts(ReviewedOn, Assessment.Satisfactory), 1).DueOn);
        Assert.Equal(D(2031, 3, 10), Next(Facts(ReviewedOn, Assessment.Satisfactory), 60).DueOn);
    }

    [Theory]
    [InlineData(2026, Assessment.Satisfactory, true)]
    [InlineData(2026, Assessment.SatisfactoryCanImprove, true)]
    [InlineData(2027, Assessment.MinorDeficiency, true)]
    [InlineData(2027, Assessment.SeriousDeficiency, true)]
    [InlineData(2027, Assessment.Satisfactory, false)]
    [InlineData(2026, Assessment.MinorDeficiency, false)]
    [InlineData(2025, Assessment.Satisfactory, false)]
    [InlineData(2028, Assessment.Satisfactory, false)]
    public void The_proposal_for_2028_takes_units_without_deficiencies_from_2026_and_with_deficiencies_from_2027(int reviewYear, Assessment result, bool proposed) =>
        Assert.Equal(proposed, ReviewInterval.ProposedFor(2028, Facts(D(reviewYear, 11, 20), result)));

    [Fact]
    public void A_unit_never_reviewed_is_not_in_the_proposal() =>
        Assert.False(ReviewInterval.ProposedFor(2028, Facts(null, null)));

    private static readonly Gen<Assessment?> GenResult = Gen.Int[0, 4].Select(i => i == 0 ? (Assessment?)null : (Assessment)i);
    private static readonly Gen<DateOnly> GenDate = Gen.Int[0, 20 * 366].Select(d => D(2015, 1, 1).AddDays(d));

    /// <summary>Facts as the records give them: deadlines and the fix date come after the review.</summary>
    private static readonly Gen<UnitReviewFacts> GenFacts =
        Gen.Select(GenDate.Nullable(), GenResult, Gen.Int[0, 400].Array[0, 5], Gen.Int[0, 400].Nullable(),
            (reviewedOn, result, deadlines, fixedAfter) => reviewedOn is { } on
                ? Facts(on, result, [.. deadlines.Select(d => on.AddDays(d))], fixedAfter is { } f ? on.AddDays(f) : null)
                : Facts(null, null));

    [Fact]
    public void The_due_date_is_never_before_the_last_review() =>
        Gen.Select(GenFacts, Gen.Int[1, 60], GenDate).Sample((facts, months, today) =>
            facts.LastReviewOn is not { } on || ReviewInterval.Next(facts, months, today).DueOn >= on);

    [Fact]
    public void With_open_deficiencies_the_unit_is_due_on_the_earliest_deadline() =>
        Gen.Select(GenDate.Nullable(), GenResult, GenDate.Array[1, 8], GenDate.Nullable(), Gen.Int[1, 60])
            .Sample((reviewedOn, result, deadlines, fixedOn, months) =>
                ReviewInterval.Next(Facts(reviewedOn, result, deadlines, fixedOn), months, Today) == new ReviewDue(deadlines.Min(), DueReason.DeficiencyDeadline));

    [Fact]
    public void The_order_of_the_deadlines_does_not_matter() =>
        Gen.Select(GenFacts, Gen.Int[1, 60])
            .SelectMany((facts, months) => Gen.Shuffle(facts.OpenDeficiencyDeadlines.ToArray()).Select(shuffled => (facts, months, shuffled)))
            .Sample(t => ReviewInterval.Next(t.facts, t.months, Today) == ReviewInterval.Next(t.facts with { OpenDeficiencyDeadlines = t.shuffled }, t.months, Today));

    [Fact]
    public void Only_the_reviews_a_unit_is_given_in_turn_count_as_regular()
    {
        Assert.Equal(
            [ReviewType.QualityReview, ReviewType.PreschoolSupervision, ReviewType.PreschoolInsight, ReviewType.ContractFollowUp],
            Enum.GetValues<ReviewType>().Where(ReviewTypes.IsRegular));
        Assert.False(ReviewTypes.IsRegular(ReviewType.FollowUpReview));
        Assert.False(ReviewTypes.IsRegular(ReviewType.TargetedFollowUp));
    }
}
