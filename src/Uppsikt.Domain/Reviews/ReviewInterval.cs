using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Reviews;

/// <summary>Why a unit is due for review or follow-up on its date (<see cref="ReviewInterval"/>).</summary>
public enum DueReason
{
    [Display(Name = "Aldrig granskad")] NeverReviewed = 1,
    [Display(Name = "Ordinarie intervall efter granskning utan brister")] RegularInterval = 2,
    [Display(Name = "Uppföljning av brist (tidsfrist i beslutet)")] DeficiencyDeadline = 3,
    [Display(Name = "Ny granskning ett år efter uppföljningen")] AfterFollowUp = 4,
}

/// <summary>
/// What the interval rule reads of one unit's history.
/// </summary>
/// <param name="LastReviewOn">The date of the unit's latest finalised regular review; null if it was never reviewed.</param>
/// <param name="LastResult">That review's overall result (<see cref="OverallResult"/>); null when it assessed nothing.</param>
/// <param name="OpenDeficiencyDeadlines">The deadline the decision set for each deficiency not yet verified as fixed, in any order.</param>
/// <param name="DeficienciesFixedOn">When every deficiency the latest review found has been verified as fixed: the latest
/// verification date among them (the follow-up date); otherwise null.</param>
public sealed record UnitReviewFacts(DateOnly? LastReviewOn, Assessment? LastResult, IReadOnlyList<DateOnly> OpenDeficiencyDeadlines, DateOnly? DeficienciesFixedOn)
{
    /// <summary>Whether the latest review found a deficiency (a minor or serious one).</summary>
    public bool LastFoundDeficiency => LastResult is Assessment.MinorDeficiency or Assessment.SeriousDeficiency;
}

/// <summary>When a unit is due for review or follow-up, and why.</summary>
public sealed record ReviewDue(DateOnly DueOn, DueReason Reason)
{
    /// <summary>Overdue once the due day has passed; on the due day itself it is not.</summary>
    public bool IsOverdue(DateOnly today) => DueOn < today;
}

/// <summary>
/// Review intervals (specification rule 2, after the preschool supervision practice): a unit that met the requirements is
/// due again a set number of months after its review (24 unless the choice system says otherwise); a deficiency is followed
/// up by the deadline its decision set, one to six months on; once the deficiencies are verified as fixed, the next full
/// review falls twelve months after the follow-up. Months are added with <see cref="DateOnly.AddMonths"/>: a day the
/// target month lacks becomes its last day (31 January + 1 month = 28 February, or 29th in a leap year).
/// </summary>
public static class ReviewInterval
{
    public const int DefaultMonthsWithoutDeficiencies = 24;
    public const int MinMonthsWithoutDeficiencies = 1;
    public const int MaxMonthsWithoutDeficiencies = 60;
    public const int MonthsAfterFollowUp = 12;

    /// <summary>The earliest deadline a decision on a deficiency may set, in months after the review.</summary>
    public const int FirstFollowUpMonths = 1;

    /// <summary>
    /// When the unit is next due, in this order:
    /// <list type="number">
    /// <item>Open deficiencies come first: due on the earliest of their deadlines (<see cref="DueReason.DeficiencyDeadline"/>).</item>
    /// <item>Never reviewed: due <paramref name="today"/> (<see cref="DueReason.NeverReviewed"/>).</item>
    /// <item>The latest review found deficiencies and all are verified as fixed: twelve months after the follow-up date
    /// (<see cref="DueReason.AfterFollowUp"/>).</item>
    /// <item>The latest review found deficiencies, but none is open and none recorded as fixed (the deficiencies are not yet
    /// created from the findings): due one month after the review, the earliest deadline a decision could set, as a
    /// <see cref="DueReason.DeficiencyDeadline"/>. Taking the earliest keeps a missing decision from pushing the follow-up
    /// later than any decision could, and makes the gap show as overdue soon rather than hide for six months.</item>
    /// <item>Otherwise (satisfactory, satisfactory but can improve, or a review that assessed nothing and so found no
    /// deficiency): <paramref name="monthsWithoutDeficiencies"/> after the review (<see cref="DueReason.RegularInterval"/>).</item>
    /// </list>
    /// </summary>
    /// <param name="monthsWithoutDeficiencies">The choice system's setting, 1–60 months.</param>
    /// <exception cref="ArgumentOutOfRangeException">The setting is outside 1–60 months.</exception>
    public static ReviewDue Next(UnitReviewFacts facts, int monthsWithoutDeficiencies, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfLessThan(monthsWithoutDeficiencies, MinMonthsWithoutDeficiencies);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(monthsWithoutDeficiencies, MaxMonthsWithoutDeficiencies);

        if (facts.OpenDeficiencyDeadlines.Count > 0)
        {
            return new(facts.OpenDeficiencyDeadlines.Min(), DueReason.DeficiencyDeadline);
        }
        if (facts.LastReviewOn is not { } reviewedOn)
        {
            return new(today, DueReason.NeverReviewed);
        }
        if (facts.LastFoundDeficiency)
        {
            return facts.DeficienciesFixedOn is { } fixedOn
                ? new(fixedOn.AddMonths(MonthsAfterFollowUp), DueReason.AfterFollowUp)
                : new(reviewedOn.AddMonths(FirstFollowUpMonths), DueReason.DeficiencyDeadline);
        }
        return new(reviewedOn.AddMonths(monthsWithoutDeficiencies), DueReason.RegularInterval);
    }

    /// <summary>
    /// Whether the unit belongs in the proposal of <paramref name="year"/>'s regular reviews, as the preschool practice
    /// draws it up: units whose latest review two years before found no deficiency, and units whose latest review the year
    /// before found deficiencies. A unit never reviewed is not proposed by this rule; <see cref="Next"/> gives it as due now.
    /// </summary>
    public static bool ProposedFor(int year, UnitReviewFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.LastReviewOn is { } reviewedOn
            && reviewedOn.Year == (facts.LastFoundDeficiency ? year - 1 : year - 2);
    }
}
