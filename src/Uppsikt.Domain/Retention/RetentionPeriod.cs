using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Retention;

/// <summary>
/// The kinds of record about individual service users that are removed (gallras) when their retention period ends
/// (decision 0038), each with its own period and its own start of the clock.
/// </summary>
public enum RetentionKind
{
    /// <summary>A complaint, its referral stances, its files and the portal messages about it; the clock starts when it is closed.</summary>
    [Display(Name = "Synpunkter och klagomål")] Complaints = 1,

    /// <summary>A deviation, Lex Sarah or Lex Maria, its referral stances and its files; the clock starts when it is closed.</summary>
    [Display(Name = "Avvikelser, lex Sarah och lex Maria")] Incidents = 2,

    /// <summary>A case worker's observation; it is never open, so the clock starts on the day it was observed.</summary>
    [Display(Name = "Handläggares erfarenheter")] Observations = 3,

    /// <summary>An interview note from a review visit; the clock starts when the review is closed.</summary>
    [Display(Name = "Intervjuanteckningar från granskningar")] InterviewNotes = 4,
}

/// <summary>
/// When a record's retention period has ended. The period is a whole number of months from the day its clock starts (the
/// day it was closed, or for a record that is never open the day it was made); the record is kept through the day the period
/// ends and has expired from the day after. A record still open has no start and never expires. Months are added with
/// <see cref="DateOnly.AddMonths"/>, as everywhere in the domain: a day the target month lacks becomes its last day
/// (closed on 31 January, one month: kept through 28 February, or the 29th in a leap year).
/// </summary>
public static class RetentionPeriod
{
    public const int MinMonths = 1;

    /// <summary>A hundred years: longer than anything the municipality's document management plan keeps.</summary>
    public const int MaxMonths = 1200;

    /// <summary>The last day a record whose clock started on <paramref name="startedOn"/> is kept.</summary>
    public static DateOnly KeptThrough(DateOnly startedOn, int months) => startedOn.AddMonths(months);

    /// <summary>Whether the record's period has ended by <paramref name="today"/>; never while it is open (<paramref name="startedOn"/> null).</summary>
    public static bool HasExpired(DateOnly? startedOn, int months, DateOnly today) =>
        startedOn is { } started && KeptThrough(started, months) < today;

    /// <summary>
    /// The latest start of the clock whose period has ended by <paramref name="today"/>: a record has expired exactly when its clock
    /// started on or before this day, which is what a database query compares with.
    /// </summary>
    public static DateOnly LatestExpiredStart(DateOnly today, int months)
    {
        var start = today.AddMonths(-months);
        while (KeptThrough(start, months) >= today)
        {
            start = start.AddDays(-1);
        }
        while (KeptThrough(start.AddDays(1), months) < today)
        {
            start = start.AddDays(1);
        }
        return start;
    }
}
