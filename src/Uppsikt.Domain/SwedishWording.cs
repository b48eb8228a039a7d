using System.Globalization;

namespace Uppsikt.Domain;

/// <summary>
/// How Swedish text writes dates and counts, for the domain's own messages; the web's <c>SwedishText</c> says the same through
/// these, so a refusal and the page around it read alike.
/// </summary>
public static class SwedishWording
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"6 december 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>"1 aktivitet", "3 aktiviteter": the count with the singular or the plural form of what is counted.</summary>
    public static string Count(long count, string one, string many) => $"{count.ToString("N0", Culture)} {(count == 1 ? one : many)}";

    /// <summary>"1:a", "2:a", "3:e", "11:e", "21:a": an ordinal in figures, with ":a" after 1 and 2 (but not 11 and 12) and ":e" otherwise.</summary>
    public static string Ordinal(int number) =>
        number.ToString(Culture) + (Math.Abs(number % 100) is 11 or 12 || Math.Abs(number % 10) is not (1 or 2) ? ":e" : ":a");
}
