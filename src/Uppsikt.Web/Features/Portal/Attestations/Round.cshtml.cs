using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>One round: every provider and choice system expected to attest, and who is missing after the deadline.</summary>
public sealed class RoundModel(AttestationsHandler handler) : PageModel
{
    public RoundStatus Status { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.RoundAsync(id, cancellationToken) is not { } status)
        {
            return NotFound();
        }
        Status = status;
        return Page();
    }
}
