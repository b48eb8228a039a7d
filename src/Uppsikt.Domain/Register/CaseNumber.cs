using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Uppsikt.Domain.Register;

/// <summary>
/// A diarienummer such as <c>KFKS-2024-00352</c>: the registry's prefix, the year and a serial number.
/// The older form <c>KFKS 2020/864</c> is accepted and kept as written (upper-cased, trimmed).
/// </summary>
public sealed partial record CaseNumber
{
    private CaseNumber(string value, int year)
    {
        Value = value;
        Year = year;
    }

    public string Value { get; }

    public int Year { get; }

    public override string ToString() => Value;

    public static CaseNumber Parse(string? input) =>
        TryParse(input, out var number, out var error) ? number : throw new FormatException(error);

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out CaseNumber? number,
        [NotNullWhen(false)] out string? error)
    {
        number = null;
        var text = (input ?? "").Trim().ToUpperInvariant();
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = $"”{input?.Trim()}” är inte ett diarienummer: skriv det som förkortning, år och löpnummer, till exempel KFKS-2024-00352.";
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 1970 or > 2100)
        {
            error = $"Året {year} i diarienumret är inte rimligt.";
            return false;
        }
        number = new CaseNumber(text, year);
        error = null;
        return true;
    }

    [GeneratedRegex(@"^[A-ZÅÄÖ]{2,10}(-| )(?<year>\d{4})(-|/)\d{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
