using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Evidence;

/// <summary>How a result's value is read, which decides how its uncertainty is computed.</summary>
public enum ResultScale
{
    /// <summary>A share of the answers, in per cent (0–100): "andel nöjda".</summary>
    Share = 1,

    /// <summary>A mean of the answers (a score, a number of days): needs its spread for an interval.</summary>
    Mean = 2,
}

/// <summary>What a comparison of two results may say: a difference only when their intervals do not overlap.</summary>
public enum ComparisonVerdict
{
    [Display(Name = "Ingen säker skillnad")] NoCertainDifference = 0,
    [Display(Name = "Högre")] Higher = 1,
    [Display(Name = "Lägre")] Lower = 2,
}

/// <summary>A 95 % confidence interval, in the result's own unit (per cent for a share).</summary>
public readonly record struct ConfidenceInterval(double Low, double High)
{
    public bool Contains(double value) => Low <= value && value <= High;

    /// <summary>True when the two share at least one value, touching ends included.</summary>
    public bool Overlaps(ConfidenceInterval other) => Low <= other.High && other.Low <= High;
}

/// <summary>
/// One result with its base: the value, the number of answers it rests on (n, when known) and, for a mean, the standard
/// deviation of the answers (when known). An indicator's result and, later, a survey question's result have this shape.
/// </summary>
public sealed record ResultWithBase(double Value, int? Answers, double? StandardDeviation = null);

/// <summary>
/// The statistics results are compared with (decision 0041): a 95 % interval (Wilson's score interval for a share, the
/// normal approximation for a mean whose spread is known, none otherwise), the overlap rule that claims a difference only
/// when the intervals do not overlap, suppression of results from too few answers, and pooling of several units' results.
/// </summary>
public static class ResultStatistics
{
    /// <summary>The standard normal quantile for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Results from fewer answers than this are not shown outside the municipality's staff, unless configured otherwise.</summary>
    public const int DefaultMinimumAnswers = 5;

    /// <summary>
    /// Wilson's score interval for a share given in per cent, from n answers, in per cent. None when n is unknown or 0, or
    /// the share is not between 0 and 100 (then it is not a share). Unlike the plain p ± z·√(p(1−p)/n) it stays within
    /// 0–100 and is not zero-width at 0 % or 100 %, which matters for small units.
    /// </summary>
    public static ConfidenceInterval? ShareInterval(double percent, int? answers)
    {
        if (answers is not > 0 || !(percent >= 0 && percent <= 100))
        {
            return null;
        }
        double n = answers.Value, p = percent / 100, z2 = Z95 * Z95;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = Z95 / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // The ends are kept within 0–100 and on either side of the share, which rounding could otherwise cross when the share
        // lies within a rounding error of 0 or 100.
        return new ConfidenceInterval(Math.Clamp((centre - half) * 100, 0, percent), Math.Clamp((centre + half) * 100, percent, 100));
    }

    /// <summary>
    /// The interval for a mean, mean ± z·s/√n, when the answers' standard deviation s is known and n is at least 2. None
    /// otherwise: a mean without its spread says nothing of its uncertainty, so no difference is claimed from it.
    /// </summary>
    public static ConfidenceInterval? MeanInterval(double mean, double? standardDeviation, int? answers)
    {
        if (answers is not >= 2 || standardDeviation is not { } s || !(s >= 0) || !double.IsFinite(s) || !double.IsFinite(mean))
        {
            return null;
        }
        var half = Z95 * s / Math.Sqrt(answers.Value);
        return new ConfidenceInterval(mean - half, mean + half);
    }

    /// <summary>The result's interval as its scale calls for.</summary>
    public static ConfidenceInterval? IntervalOf(ResultScale scale, ResultWithBase result) => scale == ResultScale.Share
        ? ShareInterval(result.Value, result.Answers)
        : MeanInterval(result.Value, result.StandardDeviation, result.Answers);

    /// <summary>
    /// How a result stands against a reference: higher or lower only when both intervals are known and do not overlap;
    /// otherwise no certain difference, however far apart the values are.
    /// </summary>
    public static ComparisonVerdict Compare(ConfidenceInterval? result, ConfidenceInterval? reference) =>
        result is not { } r || reference is not { } against || r.Overlaps(against) ? ComparisonVerdict.NoCertainDifference
        : r.Low > against.High ? ComparisonVerdict.Higher
        : ComparisonVerdict.Lower;

    /// <summary>
    /// A result is suppressed when it rests on fewer than <paramref name="minimumAnswers"/> answers. A result without a known
    /// number of answers (a cost, a waiting time, Kolada's published figures) is not a count of answers and is not suppressed.
    /// </summary>
    public static bool IsSuppressed(int? answers, int minimumAnswers) => answers < minimumAnswers;

    /// <summary>
    /// Several units' results as one: n summed and the value weighted by each result's n (for a share, the share of all
    /// their answers together). The spread is pooled from each part's spread and its distance from the pooled mean when every
    /// part has one. Results without a known n cannot be weighted and are left out; null when none is left.
    /// </summary>
    public static ResultWithBase? Pool(IEnumerable<ResultWithBase> results)
    {
        var parts = results.Where(r => r.Answers > 0).ToList();
        if (parts.Count == 0)
        {
            return null;
        }
        var total = parts.Sum(r => (long)r.Answers!.Value);
        var value = parts.Sum(r => r.Value * r.Answers!.Value) / total;
        double? spread = null;
        if (total >= 2 && parts.All(r => r.StandardDeviation is not null))
        {
            var squares = parts.Sum(r => (r.Answers!.Value - 1) * r.StandardDeviation!.Value * r.StandardDeviation.Value
                + r.Answers.Value * (r.Value - value) * (r.Value - value));
            spread = Math.Sqrt(squares / (total - 1));
        }
        return new ResultWithBase(value, (int)Math.Min(total, int.MaxValue), spread);
    }
}
