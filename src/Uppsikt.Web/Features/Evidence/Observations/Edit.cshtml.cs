using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Evidence.Observations;

public sealed class EditModel(ObservationsHandler handler, EvidenceLookups lookups, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ObservationForm Input { get; set; } = new();

    public List<SelectListItem> Units { get; private set; } = [];

    public sealed class ObservationForm
    {
        [Display(Name = "datum")] public DateOnly? ObservedOn { get; set; }
        [Display(Name = "enhet")] public Guid? UnitId { get; set; }
        [Display(Name = "område")] public ComplaintCategory? Category { get; set; }
        [Display(Name = "allvarlighetsgrad")] public Severity? Severity { get; set; }
        [Display(Name = "iakttagelse"), DataType(DataType.MultilineText)] public string? Summary { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.ObservedOn = clock.SwedishToday();
        Units = await lookups.UnitsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.RecordAsync(new ObservationInput(Input.ObservedOn, Input.UnitId, Input.Category, Input.Severity, Input.Summary), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Iakttagelsen är registrerad.";
                return RedirectToPage("Index");
            }
            ModelState.AddFrom(result);
        }
        Units = await lookups.UnitsAsync(cancellationToken);
        return Page();
    }
}
