namespace Uppsikt.Domain.Risk;

/// <summary>The signals' default weights, and the bounds of a committee's own.</summary>
public static class RiskSignals
{
    public const decimal MinWeight = 0m;
    public const decimal MaxWeight = 100m;

    /// <summary>Every kind, in the order the weights page and the explanation list them.</summary>
    public static readonly IReadOnlyList<RiskSignalKind> All = Enum.GetValues<RiskSignalKind>();

    /// <summary>What the signal's magnitude counts, in Swedish, for the weights page and the user guide.</summary>
    public static string Measures(RiskSignalKind kind) => kind switch
    {
        RiskSignalKind.LastReviewResult => "Senaste ordinarie granskningens resultat: 1 för godtagbar med förbättringsområden, 2 för mindre brister, 3 för allvarliga brister.",
        RiskSignalKind.ReviewAge => "Hela år sedan senaste ordinarie granskning, utöver det första.",
        RiskSignalKind.NeverReviewed => "1 om enheten aldrig har granskats.",
        RiskSignalKind.OpenDeficiencies => "Antal öppna brister.",
        RiskSignalKind.OverdueActions => "Antal åtgärder i åtgärdsplaner som är försenade.",
        RiskSignalKind.SanctionsInForce => "Antal sanktioner som nämnden beslutat om de senaste tolv månaderna.",
        RiskSignalKind.SeriousComplaints => "Allvarliga klagomål de senaste tolv månaderna, per tio platser när enhetens kapacitet är känd.",
        RiskSignalKind.OtherComplaints => "Övriga klagomål de senaste tolv månaderna, per tio platser när kapaciteten är känd.",
        RiskSignalKind.SeriousIncidents => "Lex Sarah, Lex Maria och allvarliga avvikelser de senaste tolv månaderna, per tio platser när kapaciteten är känd.",
        RiskSignalKind.OtherIncidents => "Övriga avvikelser de senaste tolv månaderna, per tio platser när kapaciteten är känd.",
        RiskSignalKind.ResultsBelowTarget => "Antal indikatorer och enkätresultat vars senaste värde är under målvärdet.",
        RiskSignalKind.LateQualityReport => "1 om anordnarens kvalitetsrapport saknas efter sista dag, eller kom in sent.",
        RiskSignalKind.MissingAttestation => "1 om årets intygande om villkoren saknas efter sista dag.",
        RiskSignalKind.NewProvider => "1 om anordnaren auktoriserades eller fick avtal de senaste två åren.",
        RiskSignalKind.ReportedChanges => "Antal anmälda förändringar av ägare, styrelse eller ledning och underleverantörer de senaste tolv månaderna.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown signal."),
    };

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
