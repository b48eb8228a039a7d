namespace Uppsikt.Domain.Risk;

/// <summary>What one signal adds to a unit's score: its weight times its magnitude, rounded to one decimal (half away from zero).</summary>
public sealed record RiskContribution(RiskSignal Signal, decimal Weight, decimal Points);

/// <summary>
/// A unit's risk score, explained (rule 7): the total is exactly the sum of the listed points, the largest contribution first.
/// </summary>
public sealed record UnitRiskScore(Guid UnitId, decimal Total, IReadOnlyList<RiskContribution> Contributions);

/// <summary>Scores units from their signals and a committee's weights.</summary>
public static class RiskScorer
{
    /// <summary>
    /// Each unit's score: every signal with a magnitude above zero and a weight above zero contributes its points; the others
    /// are left out. A unit with no contribution gets no entry: callers read a missing one as 0. Contributions are ordered by
    /// points, largest first, then by kind, then by description, so that the same signals always read the same.
    /// </summary>
    public static IReadOnlyDictionary<Guid, UnitRiskScore> Score(IEnumerable<RiskSignal> signals, Func<RiskSignalKind, decimal> weightOf) =>
        signals
            .Where(s => s.Magnitude > 0)
            .Select(s => (Signal: s, Weight: weightOf(s.Kind)))
            .Where(s => s.Weight > 0)
            .Select(s => new RiskContribution(s.Signal, s.Weight, Math.Round(s.Weight * s.Signal.Magnitude, 1, MidpointRounding.AwayFromZero)))
            .GroupBy(c => c.Signal.UnitId)
            .ToDictionary(g => g.Key, g =>
            {
                List<RiskContribution> contributions =
                    [.. g.OrderByDescending(c => c.Points).ThenBy(c => c.Signal.Kind).ThenBy(c => c.Signal.Description, StringComparer.Ordinal)];
                return new UnitRiskScore(g.Key, contributions.Sum(c => c.Points), contributions);
            });
}

/// <summary>
/// A committee's own weight for one kind of signal: points per unit of magnitude, in place of
/// <see cref="RiskSignals.DefaultWeight"/>.
/// </summary>
public sealed class RiskWeight : Entity
{
    public Guid CommitteeId { get; init; }

    public RiskSignalKind Kind { get; init; }

    public decimal Weight { get; set; }

    /// <summary>The refusal of a weight outside 0–100 or with more than one decimal, naming <paramref name="field"/>; null when it fits.</summary>
    public static Refusal? Check(decimal weight, string field) =>
        weight < RiskSignals.MinWeight || weight > RiskSignals.MaxWeight || decimal.Round(weight, 1) != weight
            ? Refusal.Invalid("Ange en vikt från 0 till 100 med högst en decimal.", field)
            : null;

    /// <summary>The weight of each kind: the committee's own where it set one, otherwise the default.</summary>
    public static Func<RiskSignalKind, decimal> WeightsOf(IEnumerable<RiskWeight> committeeWeights)
    {
        var own = committeeWeights.ToDictionary(w => w.Kind, w => w.Weight);
        return kind => own.TryGetValue(kind, out var weight) ? weight : RiskSignals.DefaultWeight(kind);
    }
}
