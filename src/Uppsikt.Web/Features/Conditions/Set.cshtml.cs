using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Conditions;

/// <summary>A choice system's condition set (general and specific conditions) in force on a date, with when each is followed up.</summary>
public sealed class SetModel(ConditionsHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public ConditionSet ConditionSet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        if (await handler.SetAsync(choiceSystemId, Date ?? clock.SwedishToday(), cancellationToken) is not { } set)
        {
            return NotFound();
        }
        ConditionSet = set;
        return Page();
    }
}
