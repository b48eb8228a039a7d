using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Risk;

/// <summary>
/// What a signal says about a unit (docs/specification.md, risk). Each kind has a documented magnitude and a default weight
/// (<see cref="RiskSignals.DefaultWeight"/>); a committee may change the weights. Stored by number: never renumber.
/// </summary>
public enum RiskSignalKind
{
    /// <summary>Magnitude 0–3: the latest regular review's result (0 satisfactory, 1 can improve, 2 minor, 3 serious deficiency).</summary>
    [Display(Name = "Senaste granskningens resultat")] LastReviewResult = 1,

    /// <summary>Magnitude: whole years since the latest regular review beyond the first; a unit never reviewed gets <see cref="NeverReviewed"/> instead.</summary>
    [Display(Name = "Tid sedan senaste granskning")] ReviewAge = 2,

    /// <summary>Magnitude 1.</summary>
    [Display(Name = "Aldrig granskad")] NeverReviewed = 3,

    /// <summary>Magnitude: the number of open deficiencies.</summary>
    [Display(Name = "Öppna brister")] OpenDeficiencies = 4,

    /// <summary>Magnitude: the number of actions in an action plan past their date and not reported done.</summary>
    [Display(Name = "Försenade åtgärder")] OverdueActions = 5,

    /// <summary>Magnitude: the number of sanctions decided in the last twelve months.</summary>
    [Display(Name = "Beslutade sanktioner")] SanctionsInForce = 6,

    /// <summary>Magnitude: serious complaints in the last twelve months, per ten places when the unit's capacity is known.</summary>
    [Display(Name = "Allvarliga klagomål")] SeriousComplaints = 7,

    /// <summary>Magnitude: other complaints in the last twelve months, per ten places when the unit's capacity is known.</summary>
    [Display(Name = "Övriga klagomål")] OtherComplaints = 8,

    /// <summary>Magnitude: serious incidents (Lex Sarah, Lex Maria, serious deviations) in the last twelve months, per ten places when known.</summary>
    [Display(Name = "Allvarliga händelser")] SeriousIncidents = 9,

    /// <summary>Magnitude: other incidents in the last twelve months, per ten places when known.</summary>
    [Display(Name = "Övriga händelser")] OtherIncidents = 10,

    /// <summary>Magnitude: the number of indicators and survey results whose latest value misses its target.</summary>
    [Display(Name = "Resultat under målvärde")] ResultsBelowTarget = 11,

    /// <summary>Magnitude 1: the latest requested quality report is missing after its due date, or came late.</summary>
    [Display(Name = "Sen eller saknad kvalitetsrapport")] LateQualityReport = 12,

    /// <summary>Magnitude 1: the year's attestation that the conditions are met is missing after its due date.</summary>
    [Display(Name = "Saknat intygande")] MissingAttestation = 13,

    /// <summary>Magnitude 1: the provider was first authorised within the last two years.</summary>
    [Display(Name = "Ny anordnare")] NewProvider = 14,

    /// <summary>Magnitude: changes of ownership, representatives or subcontractors the provider reported in the last twelve months.</summary>
    [Display(Name = "Anmälda förändringar (ägare, företrädare, underleverantörer)")] ReportedChanges = 15,
}

/// <summary>
/// One thing a feature knows that raises a unit's risk, with where it came from so that the score can be explained.
/// </summary>
/// <param name="UnitId">The unit the signal is about.</param>
/// <param name="Kind">What it says.</param>
/// <param name="Magnitude">How much of it there is, as <see cref="RiskSignalKind"/> documents per kind; zero or more.</param>
/// <param name="Description">Swedish, for the explanation: what was found, with its figures.</param>
/// <param name="SourceTitle">The record it came from, as a person would name it; null when it comes from several.</param>
/// <param name="SourceLink">A local link to that record or list; null when there is none to show.</param>
public sealed record RiskSignal(Guid UnitId, RiskSignalKind Kind, decimal Magnitude, string Description, string? SourceTitle = null, string? SourceLink = null);
