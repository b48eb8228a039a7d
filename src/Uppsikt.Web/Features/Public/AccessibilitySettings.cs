using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Web.Features.Public;

/// <summary>
/// The <c>Accessibility</c> section: who stands behind the service and how to reach them, shown in the accessibility statement
/// (the law on accessibility of digital public service asks for contact details there). The defaults are fictitious and for the
/// demo only; a municipality sets its own.
/// </summary>
public sealed class AccessibilitySettings
{
    public const string Section = "Accessibility";

    /// <summary>The municipality that provides the service, as the statement names it.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Accessibility:Municipality måste anges (kommunens namn i tillgänglighetsredogörelsen).")]
    public string Municipality { get; set; } = "Exempelkommunen (fiktiv)";

    /// <summary>Where to report accessibility problems or ask for content in another format.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Accessibility:Email måste anges (kontaktadress i tillgänglighetsredogörelsen).")]
    [EmailAddress(ErrorMessage = "Accessibility:Email är ingen giltig e-postadress.")]
    public string Email { get; set; } = "tillganglighet@kommun.example";

    /// <summary>A telephone number for the same; left out of the statement when empty.</summary>
    public string? Phone { get; set; } = "070-174 06 05";
}
