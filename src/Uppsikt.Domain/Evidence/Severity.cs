using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Evidence;

/// <summary>Allvarlighetsgrad of a complaint, an observation or an incident.</summary>
public enum Severity
{
    [Display(Name = "Lindrig")] Minor = 1,
    [Display(Name = "Måttlig")] Moderate = 2,
    [Display(Name = "Allvarlig")] Serious = 3,
}
