using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Cycle.Templates;

/// <summary>A template and its steps; editors move and remove steps here, each a small form guarded by the template's version.</summary>
public sealed class DetailsModel(TemplatesHandler handler, IAuthorizationService authorization) : PageModel
{
    public TemplateDetails Template { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid stepId, int offset, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => handler.MoveStepAsync(id, stepId, offset, Version, cancellationToken), "Steget är flyttat.", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid stepId, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => handler.RemoveStepAsync(id, stepId, Version, cancellationToken), "Steget är borttaget ur mallen.", cancellationToken);

    /// <summary>Everyone municipal may read the page; only editors get past here to the change.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task<SaveResult>> change, string message, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded)
        {
            return Forbid();
        }
        var result = await change();
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        ModelState.AddFrom(result);
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } template)
        {
            return NotFound();
        }
        Template = template;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        return Page();
    }
}
