using CsCheck;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.Register;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("556123-4567", "556123-4567")]
    [InlineData("5561234567", "556123-4567")]
    [InlineData(" 556123 4567 ", "556123-4567")]
    [InlineData("16556123-4567", "556123-4567")]
    [InlineData("165561234567", "556123-4567")]
    [InlineData("212000-0142", "212000-0142")]
    [InlineData("802000-0009", "802000-0009")]
    public void AcceptsLegalEntityNumbersWrittenTheUsualWays(string input, string expected)
    {
        var number = OrganisationNumber.Parse(input);

        Assert.Equal(expected, number.Value);
        Assert.Equal(expected, number.ToString());
        Assert.False(number.IsPersonalIdentityNumber);
    }

    [Fact]
    public void AnyNineDigitsWithThirdDigitAtLeastTwoAndTheirLuhnDigitParseAndEveryOtherLastDigitFails()
    {
        var nineDigits = Gen.Select(Gen.Int[0, 9].Array[2], Gen.Int[2, 9], Gen.Int[0, 9].Array[6],
            (head, third, tail) => string.Concat(head.Concat([third]).Concat(tail)));

        nineDigits.Sample(nine =>
        {
            var check = LuhnCheckDigit(nine);
            var valid = OrganisationNumber.Parse(nine + check);
            Assert.Equal($"{nine[..6]}-{nine[6..]}{check}", valid.Value);
            Assert.False(valid.IsPersonalIdentityNumber);
            Assert.Equal(valid, OrganisationNumber.Parse("16" + nine + check));

            foreach (var wrong in Enumerable.Range(0, 10).Where(d => d != check))
            {
                Assert.False(OrganisationNumber.TryParse(nine + wrong, out var number, out var error));
                Assert.Null(number);
                Assert.Contains("Kontrollsiffran", error, StringComparison.Ordinal);
                Assert.Contains($"ska den sista vara {check}", error, StringComparison.Ordinal);
            }
        }, iter: 2000);
    }

    [Theory]
    [InlineData("121212-1212", "121212-1212")]
    [InlineData("19121212-1212", "121212-1212")]
    [InlineData("20121212-1212", "121212-1212")]
    [InlineData("121212+1212", "121212-1212")]
    [InlineData("121272-1219", "121272-1219")]
    [InlineData("000229-0005", "000229-0005")]
    public void AcceptsSoleTradersPersonalIdentityAndCoordinationNumbers(string input, string expected)
    {
        var number = OrganisationNumber.Parse(input);

        Assert.Equal(expected, number.Value);
        Assert.True(number.IsPersonalIdentityNumber);
    }

    [Theory]
    [InlineData("991332-0009", "991332")]
    [InlineData("990230-0004", "990230")]
    [InlineData("120012-0002", "120012")]
    [InlineData("010229-0004", "010229")]
    public void RejectsPersonalNumbersWhoseDateDoesNotExist(string input, string date)
    {
        Assert.False(OrganisationNumber.TryParse(input, out var number, out var error));

        Assert.Null(number);
        Assert.Contains($"datumet {date} finns inte", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLeapDayNeedsACenturyThatHasOne()
    {
        Assert.True(OrganisationNumber.Parse("20000229-0005").IsPersonalIdentityNumber);

        Assert.False(OrganisationNumber.TryParse("19000229-0005", out _, out var error));
        Assert.Contains("finns inte", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16121212-1212", "Prefixet 16 används bara för juridiska personer")]
    [InlineData("19556123-4567", "skrivs med 16 framför, inte 19")]
    [InlineData("20556123-4567", "skrivs med 16 framför, inte 20")]
    public void TheCenturyPrefixMustFitTheKindOfNumber(string input, string expected)
    {
        Assert.False(OrganisationNumber.TryParse(input, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("55612345")]
    [InlineData("556123456")]
    [InlineData("55612345678")]
    [InlineData("5561234567890")]
    [InlineData("556123-456X")]
    [InlineData("abcdef-ghij")]
    public void RejectsWrongLengthsAndNonDigitsWithASwedishExample(string input)
    {
        Assert.False(OrganisationNumber.TryParse(input, out var number, out var error));

        Assert.Null(number);
        Assert.Equal($"”{input}” är inte ett organisationsnummer: det ska ha tio siffror, till exempel 556123-4567.", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AsksForTheNumberWhenNoneIsGiven(string? input)
    {
        Assert.False(OrganisationNumber.TryParse(input, out _, out var error));

        Assert.Equal("Ange organisationsnummer.", error);
    }

    [Fact]
    public void ParseThrowsWithTheSameSwedishMessage()
    {
        var exception = Assert.Throws<FormatException>(() => OrganisationNumber.Parse("556123-4568"));

        Assert.StartsWith("Kontrollsiffran i 556123-4568 stämmer inte", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>An independent Luhn: double every other digit counted from the right of the full number, so the check digit makes the sum a multiple of ten.</summary>
    private static int LuhnCheckDigit(string nine)
    {
        for (var candidate = 0; candidate <= 9; candidate++)
        {
            var sum = 0;
            var digits = nine + candidate;
            for (var fromRight = 0; fromRight < digits.Length; fromRight++)
            {
                var digit = digits[^(fromRight + 1)] - '0';
                var value = fromRight % 2 == 1 ? digit * 2 : digit;
                sum += value / 10 + value % 10;
            }
            if (sum % 10 == 0)
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("Some check digit always fits.");
    }
}
