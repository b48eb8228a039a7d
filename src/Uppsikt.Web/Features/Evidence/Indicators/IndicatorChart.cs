using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Charts;

namespace Uppsikt.Web.Features.Evidence.Indicators;

/// <summary>
/// The geometry of one indicator's line chart, computed on the server: the unit's values (solid line, round markers),
/// the municipality's average (dashed line, square markers) and the target (dotted line). Every line differs in
/// pattern and marker as well as colour, and is named in the legend, so no meaning rests on colour alone.
/// </summary>
public sealed class IndicatorChart
{
    public const int Width = 520;
    public const int Height = 240;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 16;
    public const int Bottom = 40;
    public const int Inset = 40;

    public sealed record Point(double X, double Y, string Label, bool BelowTarget);

    public sealed record Tick(double Y, string Label);

    public IndicatorChart(IndicatorSeries series)
    {
        Series = series;
        var values = series.Points.Select(p => p.Value)
            .Concat(series.Points.Where(p => p.Average is not null).Select(p => p.Average!.Value))
            .Concat(series.Target is { } target ? [target] : [])
            .ToList();
        var (low, high) = (values.Min(), values.Max());
        var pad = Math.Max((high - low) * 0.15, Math.Max(Math.Abs(high) * 0.05, 1));
        Minimum = Math.Max(0, Math.Floor(low - pad));
        Maximum = Math.Ceiling(high + pad);
        var count = series.Points.Count;
        // Inset from the plot's edges so that the labels of the first and last points fit.
        double X(int i) => count == 1 ? Left + PlotWidth / 2.0 : Left + Inset + (PlotWidth - 2 * Inset) * i / (count - 1.0);
        Unit = [.. series.Points.Select((p, i) => new Point(X(i), YOf(p.Value), p.Period, p.BelowTarget))];
        Average = [.. series.Points.Select((p, i) => (p, i)).Where(x => x.p.Average is not null).Select(x => new Point(X(x.i), YOf(x.p.Average!.Value), x.p.Period, false))];
        TargetY = series.Target is { } t ? YOf(t) : null;
        Ticks = [.. Enumerable.Range(0, 5).Select(i => Minimum + (Maximum - Minimum) * i / 4).Select(v => new Tick(YOf(v), SwedishText.Decimal(v)))];
    }

    public IndicatorSeries Series { get; }

    public double Minimum { get; }

    public double Maximum { get; }

    public IReadOnlyList<Point> Unit { get; }

    public IReadOnlyList<Point> Average { get; }

    public double? TargetY { get; }

    public IReadOnlyList<Tick> Ticks { get; }

    public static double PlotWidth => Width - Left - Right;

    public static double PlotBottom => Height - Bottom;

    public string UnitPath => Path(Unit);

    public string AveragePath => Path(Average);

    /// <summary>The text a screen reader hears for the chart: every value, the target and the averages in words.</summary>
    public string Description => Describe(Series);

    private string Describe(IndicatorSeries s)
    {
        var parts = s.Points.Select(p => $"{p.Period}: {Value(p.Value)}{(p.Answers is { } n ? $" ({SwedishText.Number(n)} svar)" : "")}{(p.BelowTarget ? " (under målvärdet)" : "")}"
            + (p.Average is { } a ? $", kommunens snitt {Value(a)}" : ""));
        return $"Enhetens värde per period. {string.Join("; ", parts)}."
            + (s.Target is { } t ? $" Målvärde {Value(t)}, {s.Direction.Name().ToLower(SwedishText.Culture)}." : " Inget målvärde för enhetens kundval.");
    }

    public string Value(double value) => $"{SwedishText.Decimal(value)} {Series.UnitOfMeasure}";


    private double YOf(double value) => Top + (Maximum - value) / (Maximum - Minimum) * (PlotBottom - Top);

    private static string Path(IReadOnlyList<Point> points) =>
        string.Join(" ", points.Select((p, i) => $"{(i == 0 ? 'M' : 'L')}{Svg.Coordinate(p.X)},{Svg.Coordinate(p.Y)}"));
}
