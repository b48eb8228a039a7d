using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sylvan.Data.Csv;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>Rows of a table file read one at a time: a header row, then data rows with their line in the file.</summary>
public interface ITableReader : IDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>Moves to the next data row; false at the end. Throws <see cref="ImportRefusedException"/> when the file cannot be read on.</summary>
    bool Read();

    /// <summary>The current row's line (CSV) or row number (XLSX); the header is line 1.</summary>
    int Line { get; }

    ReadOnlySpan<char> Cell(int ordinal);

    /// <summary>True when the cell holds a spreadsheet formula rather than a value.</summary>
    bool IsFormula(int ordinal);
}

public static class TableReader
{
    public const string EncodingMessage =
        "Filen är inte sparad som UTF-8, så å, ä och ö kan inte läsas säkert. Spara om den som ”CSV UTF-8” och läs in den igen.";

    /// <summary>Opens a CSV (UTF-8, delimiter ; , or tab, detected from the header) or XLSX (first sheet) file.</summary>
    public static ITableReader Open(string path, string fileName, ImportSettings settings) =>
        Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => new XlsxTableReader(path),
            _ => new CsvTableReader(path, settings.MaxLineLength),
        };
}

/// <summary>CSV through Sylvan.Data.Csv, streaming; invalid UTF-8 and over-long lines refuse the file.</summary>
public sealed class CsvTableReader : ITableReader
{
    private readonly StreamReader _text;
    private readonly CsvDataReader _csv;
    private readonly int _maxLineLength;

    public CsvTableReader(string path, int maxLineLength)
    {
        _maxLineLength = maxLineLength;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        // Throwing on invalid bytes is how a file saved as Windows-1252 (Excel's "CSV") is told from UTF-8.
        _text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        try
        {
            _csv = Guard(() => CsvDataReader.Create(_text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                BufferSize = maxLineLength + 2,
                MaxBufferSize = maxLineLength + 2,
                // Cells are compared as text; nothing should be interned or converted behind our back.
                StringFactory = null,
            }), 1);
        }
        catch
        {
            _text.Dispose();
            throw;
        }
        Header = [.. Enumerable.Range(0, _csv.FieldCount).Select(_csv.GetName)];
    }

    public IReadOnlyList<string> Header { get; }

    public int Line { get; private set; } = 1;

    public bool Read()
    {
        var more = Guard(_csv.Read, Line + 1);
        if (more)
        {
            // Sylvan numbers data records from 1; the file's line counts the header too.
            Line = _csv.RowNumber + 1;
        }
        return more;
    }

    public ReadOnlySpan<char> Cell(int ordinal) => ordinal < _csv.RowFieldCount ? _csv.GetFieldSpan(ordinal) : [];

    public bool IsFormula(int ordinal) => false;

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }

    private T Guard<T>(Func<T> read, int line)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException)
        {
            throw new ImportRefusedException(TableReader.EncodingMessage, line);
        }
        catch (CsvRecordTooLargeException tooLarge)
        {
            throw new ImportRefusedException($"Raden är längre än {_maxLineLength.ToString("N0", SwedishText.Culture)} tecken, som är det längsta som tas emot. Kontrollera att filen är en tabell med en post per rad.",
                tooLarge.RowNumber + 1);
        }
    }
}

/// <summary>
/// The first worksheet of an XLSX file through the Open XML SDK's SAX reader: rows are read one at a time, only the
/// shared-string table is held in memory. Formula cells are reported as such.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _rows;
    private readonly List<string> _sharedStrings = [];
    private string?[] _cells = [];
    private bool[] _formulas = [];

    public XlsxTableReader(string path)
    {
        try
        {
            _document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new ImportRefusedException("Filen är inte en Excel-arbetsbok (.xlsx) som kan läsas.");
        }
        var workbook = _document.WorkbookPart ?? throw new ImportRefusedException("Excel-filen saknar arbetsbok.");
        if (workbook.SharedStringTablePart is { } strings)
        {
            using var reader = OpenXmlReader.Create(strings);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                {
                    _sharedStrings.Add(reader.LoadCurrentElement()?.InnerText ?? "");
                }
            }
        }
        var firstSheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new ImportRefusedException("Excel-filen har inget kalkylblad.");
        var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        _rows = OpenXmlReader.Create(sheet);
        Header = NextRow() ? [.. _cells.Select(c => (c ?? "").Trim())] : [];
    }

    public IReadOnlyList<string> Header { get; }

    public int Line { get; private set; }

    public bool Read()
    {
        while (NextRow())
        {
            if (_cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                return true;
            }
        }
        return false;
    }

    public ReadOnlySpan<char> Cell(int ordinal) => ordinal < _cells.Length ? _cells[ordinal] : null;

    public bool IsFormula(int ordinal) => ordinal < _formulas.Length && _formulas[ordinal];

    public void Dispose()
    {
        _rows.Dispose();
        _document.Dispose();
    }

    private bool NextRow()
    {
        while (_rows.Read())
        {
            if (_rows.ElementType != typeof(Row) || !_rows.IsStartElement)
            {
                continue;
            }
            var row = (Row)_rows.LoadCurrentElement()!;
            Line = row.RowIndex?.Value is { } index ? (int)index : Line + 1;
            var cells = row.Elements<Cell>().ToList();
            var columns = cells.Select((c, i) => ColumnIndex(c.CellReference?.Value, Line) ?? i).ToList();
            var width = columns.Count == 0 ? 0 : columns.Max() + 1;
            _cells = new string?[width];
            _formulas = new bool[width];
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var column = columns[i];
                _formulas[column] = cell.CellFormula is not null;
                _cells[column] = ValueOf(cell);
            }
            return true;
        }
        return false;
    }

    private string? ValueOf(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }
        var text = cell.CellValue?.Text;
        if (type == CellValues.SharedString && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return index < _sharedStrings.Count ? _sharedStrings[index] : null;
        }
        return text;
    }

    /// <summary>The columns a worksheet can have, A to XFD.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>
    /// The zero-based column of a reference such as "C12"; a reference past the last column a worksheet can have (XFD) refuses
    /// the file, since no sheet Excel saved has one.
    /// </summary>
    private static int? ColumnIndex(string? reference, int line)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > MaxColumns)
            {
                throw new ImportRefusedException(
                    $"Cellen ”{reference}” ligger utanför kalkylbladet, vars sista kolumn är XFD. Spara om filen i Excel och läs in den igen.", line);
            }
        }
        return index == 0 ? null : index - 1;
    }
}
