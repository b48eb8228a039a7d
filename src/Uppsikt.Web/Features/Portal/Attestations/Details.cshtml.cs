using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>A signed attestation, as the provider and the municipality see it.</summary>
public sealed class DetailsModel(AttestationsHandler handler) : PageModel
{
    public AttestationView Attestation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetWithConditionsAsync(id, cancellationToken) is not { } attestation)
        {
            return NotFound();
        }
        Attestation = attestation;
        return Page();
    }
}
