using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Uppsikt.Web.Features.Evidence.Indicators;
using Uppsikt.Web.Infrastructure.Import;
using TableColumns = Uppsikt.Web.Infrastructure.Import.TableColumns;

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
        var withAnswers = TableColumns.Resolve(["ANTAL SVAR", "Värde", "ENHET", "år", "Period", "indikator"], IndicatorResultImport.Columns);

        Assert.Equal([3, 1, 2, -1, 0, -1], ordinals);
        Assert.Equal([5, 2, 3, 4, 1, 0], withAnswers);
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

    [Fact]
    public void TheXlsxReaderReadsSharedAndInlineTextCellByCellKeepingEmptyColumns()
    {
        var path = Workbook(["indikator", "enhet", "år", "värde"], [["HT-NOJD", null, "2025", "87,5"], ["HT-KONT", "Älta", "2024", "12"]]);
        using var table = new XlsxTableReader(path, new ImportSettings());

        Assert.Equal(["indikator", "enhet", "år", "värde"], table.Header);
        Assert.True(table.Read());
        Assert.Equal((2, "HT-NOJD", "", "87,5"), (table.Line, table.Cell(0).ToString(), table.Cell(1).ToString(), table.Cell(3).ToString()));
        Assert.True(table.Read());
        Assert.Equal((3, "Älta", "2024"), (table.Line, table.Cell(1).ToString(), table.Cell(2).ToString()));
        Assert.False(table.Read());
    }

    [Fact]
    public void AnXlsxWhoseSharedStringsUnpackPastTheLimitIsRefusedBeforeAnyOfItIsRead()
    {
        // Two megabytes of one letter pack to a few kilobytes: the shape of a decompression bomb.
        var path = Workbook(["indikator", "enhet", "år", "värde"], [[new string('A', 2 * 1024 * 1024), "Älta", "2025", "1"]]);
        Assert.True(new FileInfo(path).Length < 64 * 1024);

        var settings = new ImportSettings { MaxSharedStringsBytes = 1024 * 1024 };

        var refused = Assert.Throws<ImportRefusedException>(() => new XlsxTableReader(path, settings).Dispose());

        Assert.StartsWith($"Excel-filen blir större än {settings.MaxUnpackedText} uppackad (eller har mer än 1 MB text i sin tabell över delade texter)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnXlsxThatUnpacksPastTheLimitIsRefused()
    {
        var path = Workbook(["indikator", "enhet", "år", "värde"], [.. Enumerable.Range(0, 2000).Select(i => new[] { "HT-NOJD", $"Enhet {i}", "2025", "1" })]);

        var refused = Assert.Throws<ImportRefusedException>(() => new XlsxTableReader(path, new ImportSettings { MaxUnpackedBytes = 100_000 }).Dispose());

        Assert.Contains("uppackad", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnXlsxRowLongerThanTheLineLimitIsRefusedAtThatRowAsACsvLineIs()
    {
        var path = Workbook(["indikator", "enhet", "år", "värde"], [["HT-NOJD", "Älta", "2025", "1"], ["HT-NOJD", new string('x', 200), "2025", "1"]]);
        using var table = new XlsxTableReader(path, new ImportSettings { MaxLineLength = 100 });

        Assert.True(table.Read());
        var refused = Assert.Throws<ImportRefusedException>(() => table.Read());

        Assert.Equal(TableReader.LineTooLong(100), refused.Message);
        Assert.Equal(3, refused.Line);
    }

    /// <summary>A workbook as Excel saves one: text in the shared-string table, numbers as values, empty cells left out.</summary>
    private static string Workbook(string[] header, string?[][] rows)
    {
        var path = Path.GetTempFileName();
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = new List<string>();
            var data = new SheetData();
            foreach (var (cells, index) in rows.Prepend(header).Select((r, i) => (r, i + 1)))
            {
                var row = new Row { RowIndex = (uint)index };
                foreach (var (value, column) in cells.Select((v, c) => (v, c)).Where(c => c.v is not null))
                {
                    var reference = $"{(char)('A' + column)}{index}";
                    if (double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(value!) });
                        continue;
                    }
                    strings.Add(value!);
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Count - 1) });
                }
                data.Append(row);
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings.Select(t => new SharedStringItem(new Text(t))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Resultat" }));
        }
        return path;
    }

    private static string Write(string text)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }
}
