using System.Globalization;

namespace Uppsikt.Web.Infrastructure.Charts;

/// <summary>Numbers written into SVG: a point as decimal separator whatever the culture.</summary>
public static class Svg
{
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One row of a bar chart: its label and a value for each series (null when there is none).</summary>
public sealed record BarRow(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// A horizontal bar chart computed on the server, for the shared partial <c>_BarChart</c>: one band per row, one bar per series
/// (at most three). The first series is solid, the second hatched and the third dotted, each named in the legend and in the table
/// that is always drawn beside the chart, so no meaning rests on colour alone. Every value is written at the end of its bar.
/// </summary>
public sealed class BarChart
{
    public const int Width = 640;
    public const int LabelWidth = 200;
    public const int ValueWidth = 56;
    public const int BarHeight = 18;
    public const int Gap = 10;
    public const int Top = 8;

    public sealed record Bar(double X, double Y, double Width, int Series, string Text);

    /// <param name="id">Unique on the page: names the chart's title, description and hatch pattern.</param>
    /// <param name="caption">What the chart and its table show, e.g. "Brister per område 2025".</param>
    /// <param name="rowHeader">The table's first column, e.g. "Område".</param>
    /// <param name="series">The name of each series, e.g. ["Planerade", "Genomförda"]; one to three.</param>
    /// <param name="format">How a value is written; whole numbers by default.</param>
    public BarChart(string id, string caption, string rowHeader, IReadOnlyList<string> series, IReadOnlyList<BarRow> rows, Func<double, string>? format = null)
    {
        if (series.Count is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(series), "A bar chart has one to three series.");
        }
        Id = id;
        Caption = caption;
        RowHeader = rowHeader;
        Series = series;
        Rows = rows;
        Format = format ?? (v => v.ToString("N0", SwedishText.Culture));
        var maximum = rows.SelectMany(r => r.Values).OfType<double>().DefaultIfEmpty(0).Max();
        var scale = maximum <= 0 ? 0 : (Width - LabelWidth - ValueWidth) / maximum;
        var band = series.Count * BarHeight + Gap;
        Height = Top * 2 + Math.Max(1, rows.Count) * band;
        Bars = [.. rows.SelectMany((row, i) => row.Values.Take(series.Count).Select((value, s) => (value, s))
            .Where(x => x.value is not null)
            .Select(x => new Bar(LabelWidth, Top + i * band + x.s * BarHeight, Math.Max(x.value!.Value * scale, 0), x.s, Format(x.value.Value))))];
        RowY = [.. rows.Select((_, i) => Top + i * band + series.Count * BarHeight / 2.0)];
    }

    public string Id { get; }

    public string Caption { get; }

    public string RowHeader { get; }

    public IReadOnlyList<string> Series { get; }

    public IReadOnlyList<BarRow> Rows { get; }

    public Func<double, string> Format { get; }

    public int Height { get; }

    public IReadOnlyList<Bar> Bars { get; }

    /// <summary>The vertical middle of each row's band, where its label is written.</summary>
    public IReadOnlyList<double> RowY { get; }

    /// <summary>The chart in words, for screen readers: every row's values.</summary>
    public string Description => string.Join("; ", Rows.Select(r =>
        $"{r.Label}: {string.Join(", ", r.Values.Take(Series.Count).Select((v, s) => (Series.Count > 1 ? Series[s] + " " : "") + (v is { } value ? Format(value) : "inget värde")))}"));

    public string Cell(double? value) => value is { } v ? Format(v) : "–";
}
