using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Sanctions.Decided;

/// <summary>A sanction as the committee decided it, without the deliberation that led there.</summary>
public sealed class DetailsModel(DecidedSanctionsHandler handler) : PageModel
{
    public DecidedSanction Sanction { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } sanction)
        {
            return NotFound();
        }
        Sanction = sanction;
        return Page();
    }
}
