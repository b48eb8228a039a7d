using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Plans.Public;

/// <summary>One adopted follow-up plan for anyone to read; a plan the committee has not adopted does not exist here.</summary>
public sealed class PlanModel(PlansHandler handler) : PageModel
{
    public PlanDetails Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { IsAdopted: true } plan)
        {
            return NotFound();
        }
        Plan = plan;
        return Page();
    }
}
