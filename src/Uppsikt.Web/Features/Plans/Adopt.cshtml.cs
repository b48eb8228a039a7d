using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Plans;

/// <summary>The committee secretary records the committee's decision adopting a plan: date, paragraph and case number.</summary>
public sealed class AdoptModel(PlansHandler handler, TimeProvider clock, ICurrentActor actor) : PageModel
{
    public PlanDetails Plan { get; private set; } = null!;

    [BindProperty]
    public AdoptionForm Input { get; set; } = new();

    public sealed class AdoptionForm
    {
        [Display(Name = "beslutsdatum")] public DateOnly? DecidedOn { get; set; }
        [Display(Name = "paragraf")] public string? Paragraph { get; set; }
        [Display(Name = "diarienummer")] public string? CaseNumber { get; set; }
        [Display(Name = "kommentar"), DataType(DataType.MultilineText)] public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Input.DecidedOn = clock.SwedishToday();
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.AdoptAsync(id, new AdoptionInput(Input.DecidedOn, Input.Paragraph, Input.CaseNumber, Input.Comment),
                WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Nämndens beslut är registrerat. Planen är antagen och publicerad.";
                return RedirectToPage("Details", new { id });
            }
            if (this.Refused(result) is { } refused)
            {
                return refused;
            }
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.CommitteeSecretary))
        {
            return Forbid();
        }
        if (await handler.GetAsync(id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        return null;
    }
}
