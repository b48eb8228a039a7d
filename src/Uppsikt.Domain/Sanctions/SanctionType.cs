using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Sanctions;

/// <summary>
/// The sanctions a committee may decide on a proposal [000][002][003], mildest first. Conditions name the ones that may
/// apply; later features (deficiencies, sanction decisions) use the same values.
/// </summary>
public enum SanctionType
{
    [Display(Name = "Anmärkning")] Remark = 1,
    [Display(Name = "Föreläggande")] Injunction = 2,
    [Display(Name = "Varning")] Warning = 3,
    [Display(Name = "Varning med åtgärdsplan")] WarningWithActionPlan = 4,
    [Display(Name = "Hävning av avtal")] Termination = 5,
    [Display(Name = "Återkallelse av auktorisation")] Revocation = 6,
}
