using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Risk.Analyses;

/// <summary>Starts the risk analysis of a choice system's year.</summary>
public sealed class NewModel(RiskAnalysesHandler handler, RegisterLookups lookups, ICurrentActor actor, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Guid? ChoiceSystemId { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Analysing the current state comes first in the cycle, in the autumn before the year it plans.
        Year = clock.SwedishToday().Year + 1;
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.CreateAsync(new CreateAnalysisInput(ChoiceSystemId, Year), WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Riskanalysen är påbörjad. Lägg till riskerna.";
            return Redirect($"/Risk/Analyses/Details/{result.Id}");
        }
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        RegisterLookups.MarkSelected(ChoiceSystems, ChoiceSystemId);
        return this.Refused(result, field => field) ?? Page();
    }
}
