using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Reviews.Portal;

/// <summary>
/// One communicated report as the provider reads it, with the answer form and the dispute form while the provider may still
/// answer. Asking for an independent review can be done once and not taken back, so its first post only shows what will happen
/// with the reason given; only the confirmed post sends it. The municipality may read the page; only provider users can post.
/// </summary>
public sealed class DetailsModel(ReviewPortalHandler handler) : PageModel
{
    public ReviewReport Report { get; private set; } = null!;

    public bool IsProvider => User.IsProviderUser();

    [BindProperty]
    public ResponseKind? Kind { get; set; }

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Text { get; set; }

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Reason { get; set; }

    /// <summary>Set on the dispute's confirmation step, when the reason given would be accepted.</summary>
    public bool Confirming { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsProvider)
        {
            return Forbid();
        }
        var result = await handler.RespondAsync(id, new ResponseInput(Kind, Text), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Ert svar är skickat till kommunen och finns nu med i granskningens handlingar.";
            return RedirectToPage(new { id });
        }
        return await RefusedAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostDisputeAsync(Guid id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!IsProvider)
        {
            return Forbid();
        }
        var input = new DisputeInput(Reason);
        if (!confirmed)
        {
            var check = await handler.CheckDisputeAsync(id, input, cancellationToken);
            Confirming = check.Succeeded;
            return check.Succeeded ? await ShowAsync(id, cancellationToken) : await RefusedAsync(id, check, cancellationToken);
        }
        var result = await handler.DisputeAsync(id, input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Er begäran är skickad. En gruppchef utser en granskare som inte har deltagit i granskningen, och rapporten fastställs inte förrän den granskaren har lämnat sin bedömning.";
            return RedirectToPage(new { id });
        }
        return await RefusedAsync(id, result, cancellationToken);
    }

    /// <summary>The page again with the reasons by their fields (409 when the report's state forbids it), or 404 or the refusal page.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, SaveResult result, CancellationToken cancellationToken)
    {
        if (this.Refused(result, prefix: "") is { } refused)
        {
            return refused;
        }
        if (result.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        return Page();
    }
}
