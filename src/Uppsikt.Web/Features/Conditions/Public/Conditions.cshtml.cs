using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Conditions.Public;

/// <summary>The conditions in force today, general and per choice system, with when each is followed up.</summary>
public sealed class ConditionsModel(ConditionsHandler handler, RegisterLookups lookups, TimeProvider clock) : PageModel
{
    public ConditionSet ConditionSet { get; private set; } = null!;

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ChoiceSystems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        if (await handler.SetAsync(choiceSystemId, clock.SwedishToday(), cancellationToken) is not { } set)
        {
            return NotFound();
        }
        ConditionSet = set;
        var choices = await lookups.ChoiceSystemsAsync(cancellationToken);
        choices.ForEach(c => c.Selected = c.Value == choiceSystemId?.ToString());
        ChoiceSystems = choices;
        return Page();
    }
}
