using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Evidence.Complaints;

[Authorize(Policy = EvidencePolicies.Handler)]
public sealed class EditModel(ComplaintsHandler handler, EvidenceLookups lookups, FileStore files, TimeProvider clock) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public ComplaintForm Input { get; set; } = new();

    public List<SelectListItem> Units { get; private set; } = [];

    public sealed class ComplaintForm
    {
        [Display(Name = "inkom")] public DateOnly? ReceivedOn { get; set; }
        [Display(Name = "kanal")] public ComplaintChannel? Channel { get; set; }
        [Display(Name = "enhet")] public Guid? UnitId { get; set; }
        [Display(Name = "kategori")] public ComplaintCategory? Category { get; set; }
        [Display(Name = "allvarlighetsgrad")] public Severity? Severity { get; set; }
        [Display(Name = "sammanfattning")] public string? Summary { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Input.ReceivedOn = clock.SwedishToday();
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, files, cancellationToken) is not { } complaint)
            {
                return NotFound();
            }
            Input = new ComplaintForm
            {
                ReceivedOn = complaint.ReceivedOn,
                Channel = complaint.Channel,
                UnitId = complaint.UnitId,
                Category = complaint.Category,
                Severity = complaint.Severity,
                Summary = complaint.Summary,
                Version = complaint.Version,
            };
        }
        Units = await lookups.UnitsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, new ComplaintInput(Input.ReceivedOn, Input.Channel, Input.UnitId, Input.Category,
                Input.Severity, Input.Summary, Input.Version), cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = "Klagomålet är registrerat.";
                return RedirectToPage("Details", new { id = result.Id });
            }
            ModelState.AddFrom(result);
        }
        Units = await lookups.UnitsAsync(cancellationToken);
        return Page();
    }
}
