using System.Text;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// The product's CSV files (the incident summary, the open data): semicolon-separated, as Swedish spreadsheets read them, UTF-8
/// with a byte-order mark, text quoted and made safe from formulas, numbers written as the caller formats them.
/// </summary>
public static class CsvFile
{
    /// <summary>The lines joined by semicolons, as UTF-8 with a byte-order mark.</summary>
    public static byte[] Write(IEnumerable<IEnumerable<string>> lines)
    {
        var csv = new StringBuilder();
        foreach (var line in lines)
        {
            csv.AppendLine(string.Join(';', line));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Quotes a field; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula.</summary>
    public static string Quote(string? value)
    {
        value ??= "";
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
