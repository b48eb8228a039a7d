using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// A page that edits one record, new or existing: it reads the record into the form, saves the posted form through
/// the feature's handler and goes on to the record's details with a message, or shows the form again with the
/// handler's reasons by the fields (404 when the record is not found, the access-denied page when the role may not). A page adds only its form, how to read and save it, and its select lists.
/// Checks that need the form as typed (such as a number in a text field) go in <see cref="SaveAsync"/>, which returns
/// them as an invalid <see cref="SaveResult"/> keyed by the form's property names.
/// </summary>
public abstract class EditPageModel<TForm> : PageModel
    where TForm : class, new()
{
    /// <summary>The record's id; null for a new one.</summary>
    public Guid? Id { get; private set; }

    [BindProperty]
    public TForm Input { get; set; } = new();

    /// <summary>The stored record as a form; null when it does not exist or is outside the caller's scope.</summary>
    protected abstract Task<TForm?> ReadAsync(Guid id, CancellationToken cancellationToken);

    protected abstract Task<SaveResult> SaveAsync(Guid? id, TForm form, CancellationToken cancellationToken);

    /// <summary>The confirmation shown on the details page after a save.</summary>
    protected abstract string SavedMessage(TForm form);

    /// <summary>Where a successful save goes on to: the record's details unless a page says otherwise.</summary>
    protected virtual IActionResult Saved(Guid id) => RedirectToPage("Details", new { id });

    /// <summary>Loads what the form's select lists offer.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The form: empty for a new record (as the page has prepared <see cref="Input"/>), filled for an existing one.</summary>
    protected async Task<IActionResult> FormAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await ReadAsync(existing, cancellationToken) is not { } form)
            {
                return NotFound();
            }
            Input = form;
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var result = await SaveAsync(id, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = SavedMessage(Input);
                return Saved(result.Id!.Value);
            }
            if (this.Refused(result) is { } refused)
            {
                return refused;
            }
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
