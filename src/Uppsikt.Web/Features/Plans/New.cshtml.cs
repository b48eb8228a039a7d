using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Plans;

/// <summary>A new draft for a choice system and year: empty, or started from last year's plan.</summary>
public sealed class NewModel(PlansHandler handler, RegisterLookups lookups, TimeProvider clock, ICurrentActor actor) : PageModel
{
    [BindProperty]
    public NewPlanForm Input { get; set; } = new();

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public sealed class NewPlanForm
    {
        [Display(Name = "kundval")] public Guid? ChoiceSystemId { get; set; }
        [Display(Name = "år")] public int? Year { get; set; }
        public bool FromLastYear { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        if (!WorkflowActors.From(actor).IsIn(FollowUpPlan.Drafters))
        {
            return Forbid();
        }
        Input = new NewPlanForm { ChoiceSystemId = choiceSystemId, Year = clock.SwedishToday().Year };
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.CreateAsync(new NewPlanInput(Input.ChoiceSystemId, Input.Year, Input.FromLastYear), WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = Input.FromLastYear ? "Utkastet är skapat från fjolårets plan. Se över aktiviteterna och fokusteman." : "Utkastet är skapat.";
                return RedirectToPage("Details", new { id = result.Id });
            }
            if (this.Refused(result) is { } refused)
            {
                return refused;
            }
        }
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        return Page();
    }
}
