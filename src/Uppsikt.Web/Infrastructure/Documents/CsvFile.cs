using System.Text;

namespace Uppsikt.Web.Infrastructure.Documents;

/// <summary>
/// Writes the product's CSV exports the way Swedish spreadsheets open them: UTF-8 with a byte-order mark, fields separated by
/// semicolons, text quoted and guarded against being run as a formula. Numbers are written by the caller (Swedish decimals).
/// </summary>
public sealed class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly StringBuilder _csv = new();

    /// <summary>A row of fields as they are, for numbers and other values the product writes itself.</summary>
    public CsvFile Row(IEnumerable<string> fields)
    {
        _csv.AppendLine(string.Join(';', fields));
        return this;
    }

    /// <summary>Quotes a text field (an absent one as empty); a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula.</summary>
    public static string Quote(string? value)
    {
        value ??= "";
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_csv.ToString())];
}
