using System.Text;
using Uppsikt.Web.Features.Evidence.Indicators;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Web.Tests;

/// <summary>The import's cell rules and the CSV reader, without the app.</summary>
public sealed class ImportParsingTests
{
    [Theory]
    [InlineData("87,5", 87.5)]
    [InlineData("87.5", 87.5)]
    [InlineData(" -3 ", -3)]
    [InlineData("12", 12)]
    public void NumbersAreReadWithCommaOrPoint(string cell, double expected)
    {
        Assert.True(TableColumns.TryParseNumber(cell, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mycket")]
    [InlineData("1 000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void AnythingElseIsNotANumber(string cell) => Assert.False(TableColumns.TryParseNumber(cell, out _));

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+46701234567", true)]
    [InlineData("-2", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tHT", true)]
    [InlineData("HT-NOJD", false)]
    [InlineData("Omsorgshuset (fiktiv)", false)]
    [InlineData("", false)]
    public void TextCellsThatCouldRunAsFormulasAreRefused(string cell, bool refused) =>
        Assert.Equal(refused, TableColumns.FormulaInjection(cell) is not null);

    [Fact]
    public void ColumnsAreFoundInAnyOrderAndCase()
    {
        var ordinals = TableColumns.Resolve(["Värde", "ENHET", "år", "indikator"], IndicatorResultImport.Columns);

        Assert.Equal([3, 1, 2, -1, 0], ordinals);
    }

    [Theory]
    [InlineData(new[] { "indikator", "enhet", "år" }, "Kolumnen ”värde” saknas.")]
    [InlineData(new[] { "indikator", "enhet", "år", "värde", "kommentar" }, "Kolumnen ”kommentar” är okänd.")]
    [InlineData(new[] { "indikator", "enhet", "år", "värde", "värde" }, "Kolumnen ”värde” finns två gånger.")]
    public void WrongColumnsRefuseTheFile(string[] header, string expected)
    {
        var refused = Assert.Throws<ImportRefusedException>(() => TableColumns.Resolve(header, IndicatorResultImport.Columns));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, refused.Line);
    }

    [Fact]
    public void TheCsvReaderDetectsTheDelimiterAndCountsLinesFromTheHeader()
    {
        var path = Write("indikator,enhet,år,värde\nA,B,2025,1\r\nC,\"D, E\",2024,2\n");
        using var table = new CsvTableReader(path, 1000);

        Assert.Equal(["indikator", "enhet", "år", "värde"], table.Header);
        Assert.True(table.Read());
        Assert.Equal((2, "A"), (table.Line, table.Cell(0).ToString()));
        Assert.True(table.Read());
        Assert.Equal((3, "D, E"), (table.Line, table.Cell(1).ToString()));
        Assert.False(table.Read());
    }

    [Fact]
    public void TheCsvReaderRefusesBytesThatAreNotUtf8()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("indikator;enhet;år;värde\nA;Älta;2025;1\n"));

        var refused = Assert.Throws<ImportRefusedException>(() =>
        {
            using var table = new CsvTableReader(path, 1000);
            while (table.Read())
            {
            }
        });
        Assert.Contains("UTF-8", refused.Message, StringComparison.Ordinal);
    }

    private static string Write(string text)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }
}
