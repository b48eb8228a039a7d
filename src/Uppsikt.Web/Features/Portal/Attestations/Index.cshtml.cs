using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>The municipality's attestation rounds: one a year with a deadline.</summary>
public sealed class IndexModel(AttestationsHandler handler, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public DateOnly? DueOn { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        Year = today.Year;
        DueOn = today.AddMonths(1);
        Rounds = await handler.RoundsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.OpenRoundAsync(new RoundInput(Year, DueOn), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Omgången för {Year} är öppnad. Anordnarna ser den i sin portal.";
            return RedirectToPage("/Portal/Attestations/Round", new { id = result.Id });
        }
        ModelState.AddFrom(result, prefix: "");
        Rounds = await handler.RoundsAsync(cancellationToken);
        return Page();
    }
}
