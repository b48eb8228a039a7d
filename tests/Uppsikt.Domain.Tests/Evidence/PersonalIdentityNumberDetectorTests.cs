using CsCheck;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.Evidence;

public sealed class PersonalIdentityNumberDetectorTests
{
    [Theory]
    [InlineData("Brukaren 121212-1212 klagar på maten.", "121212-1212")]
    [InlineData("Gäller 1212121212.", "1212121212")]
    [InlineData("Gäller 19121212-1212.", "19121212-1212")]
    [InlineData("Gäller 191212121212.", "191212121212")]
    [InlineData("Över hundra år: 121212+1212", "121212+1212")]
    [InlineData("Samordningsnummer 121272-1219 i ärendet", "121272-1219")]
    [InlineData("(200002290005)", "200002290005")]
    public void FindsPersonalIdentityAndCoordinationNumbersWrittenTheUsualWays(string text, string expected)
    {
        Assert.Equal([expected], PersonalIdentityNumberDetector.FindIn(text));
        Assert.True(PersonalIdentityNumberDetector.Contains(text));
    }

    [Theory]
    [InlineData("Diarienummer KFKS-2024-00352, ring 08-718 80 00.")]
    [InlineData("121212-1213")] // wrong check digit
    [InlineData("121312-1219")] // no thirteenth month
    [InlineData("010230-1234")] // no 30 February
    [InlineData("Faktura 12121212121212 på 4 500 kr")] // too long a run of digits
    [InlineData("556123-4567")] // an organisation number: no person's date
    [InlineData("")]
    public void LeavesOtherNumbersAlone(string text)
    {
        Assert.Empty(PersonalIdentityNumberDetector.FindIn(text));
    }

    [Fact]
    public void AnyValidDateWithItsLuhnDigitIsFoundInEveryWritingAndAnyOtherLastDigitIsNot()
    {
        var numbers = Gen.Select(Gen.Date[new DateTime(1900, 1, 1), new DateTime(2099, 12, 31)], Gen.Int[0, 999], Gen.Bool, Gen.String[Gen.Char["abc åäö.,"], 0, 20],
            (date, serial, coordination, prose) => (Date: date, Serial: serial, Coordination: coordination, Prose: prose));

        numbers.Sample(n =>
        {
            var day = n.Date.Day + (n.Coordination ? 60 : 0);
            var nine = $"{n.Date:yyMM}{day:D2}{n.Serial:D3}";
            var check = OrganisationNumber.LuhnCheckDigit(nine);
            var century = n.Date.Year / 100;
            string[] writings = [$"{nine[..6]}-{nine[6..]}{check}", $"{nine}{check}", $"{century}{nine[..6]}-{nine[6..]}{check}", $"{century}{nine}{check}"];
            foreach (var written in writings)
            {
                Assert.Equal([written], PersonalIdentityNumberDetector.FindIn($"{n.Prose} {written} {n.Prose}"));
            }
            foreach (var wrong in Enumerable.Range(0, 10).Where(d => d != check))
            {
                Assert.Empty(PersonalIdentityNumberDetector.FindIn($"{n.Prose} {nine[..6]}-{nine[6..]}{wrong}"));
            }
        }, iter: 1000);
    }

    [Fact]
    public void TheMessageNamesTheFieldAndSaysWhatToDo()
    {
        var message = PersonalIdentityNumberDetector.Message("sammanfattningen");

        Assert.StartsWith("Sammanfattningen innehåller något som ser ut som ett personnummer", message, StringComparison.Ordinal);
        Assert.Contains("avidentifierade", message, StringComparison.Ordinal);
    }
}
