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

    public static string LineTooLong(int maxLineLength) =>
        $"Raden är längre än {maxLineLength.ToString("N0", SwedishText.Culture)} tecken, som är det längsta som tas emot. Kontrollera att filen är en tabell med en post per rad.";

    /// <summary>Opens a CSV (UTF-8, delimiter ; , or tab, detected from the header) or XLSX (first sheet) file.</summary>
    public static ITableReader Open(string path, string fileName, ImportSettings settings) =>
        Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => new XlsxTableReader(path, settings),
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
            throw new ImportRefusedException(TableReader.LineTooLong(_maxLineLength), tooLarge.RowNumber + 1);
        }
    }
}

/// <summary>
/// The first worksheet of an XLSX file through the Open XML SDK's SAX reader, in bounded memory whatever the file holds:
/// cells are read one at a time, and only the shared-string table is held. Before anything is unpacked, the sizes the
/// file declares are checked against <see cref="ImportSettings.MaxUnpackedBytes"/> and, for the shared strings,
/// <see cref="ImportSettings.MaxSharedStringsBytes"/>; while reading, the same limits hold for what is actually unpacked,
/// and a row is held to <see cref="ImportSettings.MaxLineLength"/> as a CSV line is. Formula cells are reported as such.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _rows;
    private readonly ImportSettings _settings;
    private readonly List<string> _sharedStrings = [];
    private readonly List<(int Column, string? Value, bool Formula)> _read = [];
    private string?[] _cells = [];
    private bool[] _formulas = [];

    public XlsxTableReader(string path, ImportSettings settings)
    {
        _settings = settings;
        CheckDeclaredSizes(path, settings);
        try
        {
            _document = SpreadsheetDocument.Open(path, isEditable: false, new OpenSettings { MaxCharactersInPart = settings.MaxUnpackedBytes });
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new ImportRefusedException(NotAWorkbook);
        }
        try
        {
            var workbook = _document.WorkbookPart ?? throw new ImportRefusedException("Excel-filen saknar arbetsbok.");
            if (workbook.SharedStringTablePart is { } strings)
            {
                ReadSharedStrings(strings);
            }
            var firstSheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportRefusedException("Excel-filen har inget kalkylblad.");
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            _rows = OpenXmlReader.Create(sheet);
            Header = NextRow() ? [.. _cells.Select(c => (c ?? "").Trim())] : [];
        }
        catch
        {
            _rows?.Dispose();
            _document.Dispose();
            throw;
        }
    }

    private const string NotAWorkbook = "Filen är inte en Excel-arbetsbok (.xlsx) som kan läsas.";

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

    /// <summary>Refuses a file whose parts say they unpack to more than the limits, before any of it is unpacked.</summary>
    private static void CheckDeclaredSizes(string path, ImportSettings settings)
    {
        long total = 0, sharedStrings = 0;
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
                {
                    sharedStrings += entry.Length;
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportRefusedException(NotAWorkbook);
        }
        if (total > settings.MaxUnpackedBytes || sharedStrings > settings.MaxSharedStringsBytes)
        {
            throw new ImportRefusedException(TooLargeUnpacked(settings));
        }
    }

    private static string TooLargeUnpacked(ImportSettings settings) =>
        $"Excel-filen blir större än {settings.MaxUnpackedText} uppackad (eller har mer än {settings.MaxSharedStringsText} text i sin tabell över delade texter), "
        + "vilket är mer än en tabell med indikatorvärden behöver. Spara den som CSV UTF-8 och läs in den igen.";

    private void ReadSharedStrings(SharedStringTablePart strings)
    {
        long characters = 0;
        using var reader = OpenXmlReader.Create(strings);
        while (Guard(reader.Read))
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var text = Guard(() => reader.LoadCurrentElement())?.InnerText ?? "";
                characters += text.Length;
                if (characters > _settings.MaxSharedStringsBytes)
                {
                    throw new ImportRefusedException(TooLargeUnpacked(_settings));
                }
                _sharedStrings.Add(text);
            }
        }
    }

    /// <summary>Reads on, refusing the file when a part unpacks to more than <see cref="ImportSettings.MaxUnpackedBytes"/> or is not XML.</summary>
    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (System.Xml.XmlException)
        {
            throw new ImportRefusedException(TooLargeOrBroken(_settings), Line == 0 ? null : Line);
        }
        catch (InvalidDataException)
        {
            throw new ImportRefusedException(NotAWorkbook, Line == 0 ? null : Line);
        }
    }

    private static string TooLargeOrBroken(ImportSettings settings) =>
        $"Excel-filen kunde inte läsas: antingen blir den större än {settings.MaxUnpackedText} uppackad, eller så är den skadad. Spara om den i Excel, eller som CSV UTF-8, och läs in den igen.";

    /// <summary>Reads the next row cell by cell, so that a row never holds more than one cell beyond the limits.</summary>
    private bool NextRow()
    {
        while (Guard(_rows.Read))
        {
            if (_rows.ElementType != typeof(Row) || !_rows.IsStartElement)
            {
                continue;
            }
            Line = _rows.Attributes.FirstOrDefault(a => a.LocalName == "r").Value is { } r
                && int.TryParse(r, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : Line + 1;
            _read.Clear();
            var width = 0;
            var characters = 0L;
            while (Guard(_rows.Read) && !(_rows.ElementType == typeof(Row) && _rows.IsEndElement))
            {
                if (_rows.ElementType != typeof(Cell) || !_rows.IsStartElement)
                {
                    continue;
                }
                var cell = (Cell)Guard(() => _rows.LoadCurrentElement())!;
                var column = ColumnIndex(cell.CellReference?.Value, Line) ?? _read.Count;
                var value = ValueOf(cell);
                characters += value?.Length ?? 0;
                if (column >= MaxColumns || characters > _settings.MaxLineLength)
                {
                    throw new ImportRefusedException(TableReader.LineTooLong(_settings.MaxLineLength), Line);
                }
                _read.Add((column, value, cell.CellFormula is not null));
                width = Math.Max(width, column + 1);
            }
            _cells = new string?[width];
            _formulas = new bool[width];
            foreach (var (column, value, formula) in _read)
            {
                _cells[column] = value;
                _formulas[column] = formula;
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
