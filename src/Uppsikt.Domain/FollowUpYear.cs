namespace Uppsikt.Domain;

/// <summary>
/// The years the follow-up plans, analyses, templates, cycles and summaries are made for: one range and one message, so a year is
/// refused alike wherever it is asked for, and a year no date can hold (0, 99999) never reaches a calendar.
/// </summary>
public static class FollowUpYear
{
    public const int First = 2000;

    public const int Last = 2100;

    public static readonly string Message = $"Ange ett år mellan {First} och {Last}.";

    public static bool IsValid(int year) => year is >= First and <= Last;
}
