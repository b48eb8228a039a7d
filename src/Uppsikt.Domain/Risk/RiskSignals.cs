namespace Uppsikt.Domain.Risk;

/// <summary>The signals' default weights, and the bounds of a committee's own.</summary>
public static class RiskSignals
{
    public const decimal MinWeight = 0m;
    public const decimal MaxWeight = 100m;

    /// <summary>Every kind, in the order the weights page and the explanation list them.</summary>
    public static readonly IReadOnlyList<RiskSignalKind> All = Enum.GetValues<RiskSignalKind>();

    /// <summary>
    /// The weight a committee starts from: points per unit of magnitude. Chosen so that one serious finding (a serious
    /// deficiency, a serious incident, a decided sanction) outweighs several minor ones, and a unit never reviewed ranks with
    /// one whose last review found minor deficiencies.
    /// </summary>
    public static decimal DefaultWeight(RiskSignalKind kind) => kind switch
    {
        RiskSignalKind.LastReviewResult => 10m,
        RiskSignalKind.ReviewAge => 5m,
        RiskSignalKind.NeverReviewed => 20m,
        RiskSignalKind.OpenDeficiencies => 8m,
        RiskSignalKind.OverdueActions => 5m,
        RiskSignalKind.SanctionsInForce => 15m,
        RiskSignalKind.SeriousComplaints => 10m,
        RiskSignalKind.OtherComplaints => 2m,
        RiskSignalKind.SeriousIncidents => 12m,
        RiskSignalKind.OtherIncidents => 2m,
        RiskSignalKind.ResultsBelowTarget => 3m,
        RiskSignalKind.LateQualityReport => 8m,
        RiskSignalKind.MissingAttestation => 8m,
        RiskSignalKind.NewProvider => 10m,
        RiskSignalKind.ReportedChanges => 6m,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown signal."),
    };
}
