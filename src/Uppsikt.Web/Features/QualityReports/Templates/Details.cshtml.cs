using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.QualityReports.Templates;

/// <summary>
/// A template's or a review checklist's questions (the page speaks of a checklist where it is one). While a draft: questions moved, removed and sections renamed here (each a small form guarded by the
/// template's version, working without script), export and import as XLSX, and activation with a deadline. Activation sends a
/// report to every authorised provider and cannot be undone, so its first post only shows what would happen (how many providers,
/// which, the deadline) with a button to confirm; only the confirmed post activates. A checklist is activated the same way
/// without a deadline: the step says that reviews planned from then on use it and its questions can no longer change.
/// </summary>
public sealed class DetailsModel(TemplatesHandler handler, TemplateSpreadsheet spreadsheet, TemplateEditor editor, TimeProvider clock) : PageModel
{
    public TemplateDetails Template { get; private set; } = null!;

    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    [BindProperty]
    public DateOnly? DueOn { get; set; }

    /// <summary>Set on the confirmation step: the names of the providers activation would give a report.</summary>
    public IReadOnlyList<string>? Receivers { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostActivateAsync(Guid id, int version, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            var (preview, receivers) = await handler.ActivationPreviewAsync(id, DueOn, cancellationToken);
            if (preview.Succeeded)
            {
                Receivers = receivers;
            }
            return this.Refused(preview, prefix: "") ?? await ShowAsync(id, cancellationToken);
        }
        var (result, created) = await handler.ActivateAsync(id, DueOn, version, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = await handler.TemplateAsync(id, cancellationToken) is { IsChecklist: true }
                ? "Checklistan är aktiverad. Granskningar som planeras från och med nu använder den."
                : $"Mallen är aktiverad. {created} anordnare fick en rapport att fylla i.";
            return RedirectToPage(new { id });
        }
        return this.Refused(result, prefix: "") ?? await ShowAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid questionId, int offset, int version, CancellationToken cancellationToken) =>
        ChangeAsync(id, editor.MoveAsync(id, questionId, offset, version, cancellationToken), "Frågan är flyttad.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid questionId, int version, CancellationToken cancellationToken) =>
        ChangeAsync(id, editor.RemoveAsync(id, questionId, version, cancellationToken), "Frågan är borttagen.", cancellationToken);

    public Task<IActionResult> OnPostRenameSectionAsync(Guid id, string? section, string? newName, int version, CancellationToken cancellationToken) =>
        ChangeAsync(id, editor.RenameSectionAsync(id, section ?? "", newName, version, cancellationToken), $"Avsnittet heter nu {newName?.Trim()}.", cancellationToken);

    /// <summary>Back to the page with a message, or the page again with the reason; 409 when the template is activated or changed by someone else.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Task<SaveResult> change, string message, CancellationToken cancellationToken)
    {
        var result = await change;
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        // Each section has its own name box, so a reason stands at the top rather than by one of them.
        if (this.Refused(result, _ => "") is { } refused)
        {
            return refused;
        }
        if (result.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            ModelState.AddModelError("file", "Välj en Excel-fil (.xlsx) att läsa in.");
            return await ShowAsync(id, cancellationToken);
        }
        await using var content = file.OpenReadStream();
        var result = await spreadsheet.ImportAsync(id, content, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = $"Filen är inläst: {result.Added} nya, {result.Changed} ändrade och {result.Removed} borttagna frågor.";
            return RedirectToPage(new { id });
        }
        ModelState.AddModelError("file", $"Filen lästes inte in och mallen är oförändrad. {result.Problems.Count} fel hittades, se listan nedan.");
        ImportProblems = result.Problems;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.TemplateAsync(id, cancellationToken) is not { } template)
        {
            return NotFound();
        }
        Template = template;
        DueOn ??= clock.SwedishToday().AddDays(30);
        return Page();
    }
}
