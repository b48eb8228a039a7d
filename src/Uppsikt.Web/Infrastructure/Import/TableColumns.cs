using System.Globalization;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>A column an import expects: its header name, whether it must be there, and whether it holds text or a number.</summary>
public sealed record ColumnSpec(string Name, bool Required, bool IsText);

/// <summary>Finds an import's columns in a file's header and checks single cells the same way for every kind of import.</summary>
public static class TableColumns
{
    /// <summary>
    /// The ordinal of each expected column (-1 for an absent optional one), matched case-insensitively. Refuses the file
    /// when a required column is missing, a column is unknown or a column appears twice, naming the expected columns.
    /// </summary>
    public static int[] Resolve(IReadOnlyList<string> header, IReadOnlyList<ColumnSpec> columns)
    {
        var expected = string.Join(", ", columns.Select(c => c.Required ? c.Name : c.Name + " (frivillig)"));
        var ordinals = Enumerable.Repeat(-1, columns.Count).ToArray();
        var problems = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var index = columns.ToList().FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                problems.Add(name.Length == 0 ? $"Kolumn {i + 1} saknar rubrik." : $"Kolumnen ”{name}” är okänd.");
            }
            else if (ordinals[index] >= 0)
            {
                problems.Add($"Kolumnen ”{name}” finns två gånger.");
            }
            else
            {
                ordinals[index] = i;
            }
        }
        problems.AddRange(columns.Where((c, i) => c.Required && ordinals[i] < 0).Select(c => $"Kolumnen ”{c.Name}” saknas."));
        if (problems.Count > 0)
        {
            throw new ImportRefusedException($"Filen har fel kolumner. {string.Join(" ", problems)} Första raden ska ha rubrikerna: {expected}.", 1);
        }
        return ordinals;
    }

    /// <summary>
    /// The reason a text cell is refused when it could run as a formula once the data is exported to a spreadsheet
    /// again (CSV/formula injection): it starts with =, +, -, @, tab or carriage return. Null when the cell is safe.
    /// </summary>
    public static string? FormulaInjection(ReadOnlySpan<char> cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            ? $"Cellen börjar med ”{(cell[0] is '\t' or '\r' ? "tabb" : cell[0].ToString())}” och kan tolkas som en formel. Ta bort tecknet och läs in filen igen."
            : null;

    /// <summary>A number written either way: 87,5 or 87.5, with an optional sign; no thousands separators.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> cell, out double value)
    {
        cell = cell.Trim();
        Span<char> buffer = stackalloc char[Math.Min(cell.Length, 64)];
        if (cell.Length is 0 or > 64)
        {
            value = 0;
            return false;
        }
        for (var i = 0; i < cell.Length; i++)
        {
            buffer[i] = cell[i] == ',' ? '.' : cell[i];
        }
        return double.TryParse(buffer, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
