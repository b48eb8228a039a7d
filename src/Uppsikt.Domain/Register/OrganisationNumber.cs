using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Uppsikt.Domain.Register;

/// <summary>
/// A Swedish organisation number (organisationsnummer), or, for a sole trader, the owner's
/// personal identity number (personnummer or samordningsnummer), which serves as the business's number.
/// Always held as ten digits with a hyphen: <c>556123-4567</c>.
/// </summary>
public sealed record OrganisationNumber
{
    private OrganisationNumber(string value, bool isPersonalIdentityNumber)
    {
        Value = value;
        IsPersonalIdentityNumber = isPersonalIdentityNumber;
    }

    /// <summary>Ten digits with a hyphen after the sixth.</summary>
    public string Value { get; }

    /// <summary>True when the number is a sole trader's personal identity or coordination number.</summary>
    public bool IsPersonalIdentityNumber { get; }

    public override string ToString() => Value;

    public static OrganisationNumber Parse(string? input) =>
        TryParse(input, out var number, out var error) ? number : throw new FormatException(error);

    /// <summary>Parses and validates a number; on failure <paramref name="error"/> says why, in Swedish.</summary>
    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out OrganisationNumber? number,
        [NotNullWhen(false)] out string? error)
    {
        number = null;
        var text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            error = "Ange organisationsnummer.";
            return false;
        }

        // Accept the usual ways of writing it: with or without hyphen (a plus sign marks a
        // person over 100), and the twelve-digit form with century (16 for legal entities).
        var digits = new string([.. text.Where(c => c is not ('-' or '+' or ' '))]);
        if (digits.Length is not (10 or 12) || !digits.All(char.IsAsciiDigit))
        {
            error = $"”{text}” är inte ett organisationsnummer: det ska ha tio siffror, till exempel 556123-4567.";
            return false;
        }

        string? century = null;
        if (digits.Length == 12)
        {
            century = digits[..2];
            digits = digits[2..];
        }

        var expected = LuhnCheckDigit(digits.AsSpan(0, 9));
        if (digits[9] - '0' != expected)
        {
            error = $"Kontrollsiffran i {Format(digits)} stämmer inte: med de nio första siffrorna ska den sista vara {expected}. Kontrollera att numret är rätt skrivet.";
            return false;
        }

        var monthDigits = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var isLegalEntity = monthDigits >= 20;
        if (isLegalEntity)
        {
            if (century is not (null or "16"))
            {
                error = $"Ett organisationsnummer för en juridisk person skrivs med 16 framför, inte {century}.";
                return false;
            }
            number = new OrganisationNumber(Format(digits), isPersonalIdentityNumber: false);
            error = null;
            return true;
        }

        if (century is "16")
        {
            error = "Prefixet 16 används bara för juridiska personer; ett personnummer har 19 eller 20 framför.";
            return false;
        }
        if (!IsValidBirthDate(digits, century))
        {
            error = $"{Format(digits)} är varken ett organisationsnummer (där tredje siffran är minst 2) eller ett personnummer för en enskild näringsidkare (datumet {digits[..6]} finns inte).";
            return false;
        }
        number = new OrganisationNumber(Format(digits), isPersonalIdentityNumber: true);
        error = null;
        return true;
    }

    /// <summary>The Luhn (modulus 10) check digit for the given digits, weights 2, 1, 2, … from the left.</summary>
    public static int LuhnCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    private static string Format(string tenDigits) => $"{tenDigits[..6]}-{tenDigits[6..]}";

    /// <summary>Whether the first six of ten digits are a real date (day + 60 for a coordination number), in the century if given.</summary>
    internal static bool IsValidBirthDate(string digits, string? century)
    {
        var yy = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (day > 60)
        {
            day -= 60; // samordningsnummer
        }
        // Without a century any century will do for the date check; leap days need one that fits.
        int[] years = century is null ? [1900 + yy, 2000 + yy] : [int.Parse(century, CultureInfo.InvariantCulture) * 100 + yy];
        return month is >= 1 and <= 12 && years.Any(y => day >= 1 && day <= DateTime.DaysInMonth(y, month));
    }
}
