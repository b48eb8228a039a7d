using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Risk.Units;

/// <summary>A unit's risk score explained: under each committee, every contribution with its weight and the record it came from.</summary>
public sealed class IndexModel(RiskScoring scoring) : PageModel
{
    public UnitRisk Risk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await scoring.UnitAsync(id, cancellationToken) is not { } risk)
        {
            return NotFound();
        }
        Risk = risk;
        return Page();
    }
}
