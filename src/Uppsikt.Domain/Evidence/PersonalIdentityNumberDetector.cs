using System.Text.RegularExpressions;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Evidence;

/// <summary>
/// Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer) in free
/// text. Service users are pseudonymous (specification rule 9), so a summary that names one by number is refused.
/// A match needs a real date (day + 60 for a coordination number) and a correct Luhn check digit, which keeps
/// case numbers, phone numbers and amounts from being mistaken for one.
/// </summary>
public static partial class PersonalIdentityNumberDetector
{
    /// <summary>The numbers found, as written in the text.</summary>
    public static IReadOnlyList<string> FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var found = new List<string>();
        foreach (Match match in Candidate().Matches(text))
        {
            var century = match.Groups["century"].Success ? match.Groups["century"].Value : null;
            var digits = match.Groups["date"].Value + match.Groups["serial"].Value;
            if (OrganisationNumber.LuhnCheckDigit(digits.AsSpan(0, 9)) == digits[9] - '0'
                && OrganisationNumber.IsValidBirthDate(digits, century))
            {
                found.Add(match.Value);
            }
        }
        return found;
    }

    public static bool Contains(string? text) => FindIn(text).Count > 0;

    /// <summary>The Swedish message for a form field whose text contains one.</summary>
    public static string Message(string label) =>
        $"{char.ToUpperInvariant(label[0])}{label[1..]} innehåller något som ser ut som ett personnummer eller samordningsnummer. " +
        "Uppgifter om brukare ska vara avidentifierade: ta bort numret och beskriv utan att peka ut personen.";

    // Six or eight date digits (19/20 as century), an optional hyphen or plus, four digits; never inside a longer run of digits.
    [GeneratedRegex(@"(?<![0-9])(?<century>19|20)?(?<date>[0-9]{6})[-+]?(?<serial>[0-9]{4})(?![0-9])")]
    private static partial Regex Candidate();
}
