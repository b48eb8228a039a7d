using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Evidence;

/// <summary>
/// The five sources the picture of a unit rests on ([002] §5). Every piece of evidence carries one, so a unit's
/// page and a later review can show what a judgement is based on.
/// </summary>
public enum EvidenceSource
{
    [Display(Name = "Brukarundersökningar")] UserSurvey = 1,
    [Display(Name = "Kvalitetsenhetens granskningar")] QualityUnitReview = 2,
    [Display(Name = "Handläggares erfarenheter")] CaseWorkerObservation = 3,
    [Display(Name = "Anordnarens egna uppgifter")] ProviderReported = 4,
    [Display(Name = "Synpunkter och klagomål")] Complaint = 5,
}
