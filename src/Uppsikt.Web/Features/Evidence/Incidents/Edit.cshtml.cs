using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Evidence.Incidents;

[Authorize(Policy = EvidencePolicies.IncidentReporter)]
public sealed class EditModel(IncidentsHandler handler, EvidenceLookups lookups, FileStore files, TimeProvider clock) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public IncidentForm Input { get; set; } = new();

    public List<SelectListItem> Units { get; private set; } = [];

    public bool IsProvider => User.IsProviderUser();

    public sealed class IncidentForm
    {
        [Display(Name = "typ")] public IncidentKind? Kind { get; set; }
        [Display(Name = "allvarlighetsgrad")] public Severity? Severity { get; set; }
        [Display(Name = "inträffade")] public DateOnly? OccurredOn { get; set; }
        [Display(Name = "enhet")] public Guid? UnitId { get; set; }
        [Display(Name = "beskrivning")] public string? Summary { get; set; }
        [Display(Name = "åtgärder")] public string? Actions { get; set; }
        [Display(Name = "underlagskälla")] public EvidenceSource? Source { get; set; } = EvidenceSource.ProviderReported;
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Input.OccurredOn = clock.SwedishToday();
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, files, cancellationToken) is not { } incident)
            {
                return NotFound();
            }
            Input = new IncidentForm
            {
                Kind = incident.Kind,
                Severity = incident.Severity,
                OccurredOn = incident.OccurredOn,
                UnitId = incident.UnitId,
                Summary = incident.Summary,
                Actions = incident.Actions,
                Source = incident.Source,
                Version = incident.Version,
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
            var result = await handler.SaveAsync(id, new IncidentInput(Input.Kind, Input.Severity, Input.OccurredOn, Input.UnitId, Input.Summary,
                Input.Actions, Input.Source, Input.Version), User, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = "Händelsen är sparad.";
                return RedirectToPage("Details", new { id = result.Id });
            }
            ModelState.AddFrom(result);
        }
        Units = await lookups.UnitsAsync(cancellationToken);
        return Page();
    }
}
