using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Reported.Sanctions;

/// <summary>A sanction as the committee decided it, without the deliberation that led there.</summary>
public sealed class DetailsModel(ReportedHandler handler) : PageModel
{
    public DecidedSanction Sanction { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.SanctionAsync(id, cancellationToken) is not { } sanction)
        {
            return NotFound();
        }
        Sanction = sanction;
        return Page();
    }
}
