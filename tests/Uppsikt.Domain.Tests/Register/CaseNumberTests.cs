using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.Register;

public sealed class CaseNumberTests
{
    [Theory]
    [InlineData("KFKS-2024-00352", "KFKS-2024-00352", 2024)]
    [InlineData("KFKS 2020/864", "KFKS 2020/864", 2020)]
    [InlineData("  kfks-2021-00101 ", "KFKS-2021-00101", 2021)]
    [InlineData("SÄN-2023-7", "SÄN-2023-7", 2023)]
    [InlineData("ÄN 1999/123456", "ÄN 1999/123456", 1999)]
    public void AcceptsTheCurrentAndTheOlderFormKeptAsWritten(string input, string value, int year)
    {
        var number = CaseNumber.Parse(input);

        Assert.Equal(value, number.Value);
        Assert.Equal(value, number.ToString());
        Assert.Equal(year, number.Year);
    }

    [Theory]
    [InlineData("2024-00352")]
    [InlineData("KFKS-24-00352")]
    [InlineData("KFKS-2024")]
    [InlineData("KFKS2024-00352")]
    [InlineData("K-2024-00352")]
    [InlineData("KFKS-2024-1234567")]
    [InlineData("KFKS-2024-00352x")]
    [InlineData("")]
    public void RejectsWhatIsNotACaseNumberWithASwedishExample(string input)
    {
        Assert.False(CaseNumber.TryParse(input, out var number, out var error));

        Assert.Null(number);
        Assert.Equal($"”{input}” är inte ett diarienummer: skriv det som förkortning, år och löpnummer, till exempel KFKS-2024-00352.", error);
    }

    [Theory]
    [InlineData("KFKS-1969-00001", 1969)]
    [InlineData("KFKS-2101-00001", 2101)]
    public void RejectsUnreasonableYears(string input, int year)
    {
        Assert.False(CaseNumber.TryParse(input, out _, out var error));

        Assert.Equal($"Året {year} i diarienumret är inte rimligt.", error);
    }

    [Fact]
    public void ParseThrowsFormatExceptionWithTheMessage()
    {
        var exception = Assert.Throws<FormatException>(() => CaseNumber.Parse("nej"));

        Assert.Contains("är inte ett diarienummer", exception.Message, StringComparison.Ordinal);
    }
}
