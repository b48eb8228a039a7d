using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Infrastructure.Files;

/// <summary>What the shared attachments partial shows: the files, and the upload form when the caller may change them.</summary>
public sealed record AttachmentsView(IReadOnlyList<Attachment> Files, bool MayChange, string MaxSize);

/// <summary>
/// A details page of a matter that carries files: lists them and handles <c>?handler=Upload</c> and <c>?handler=DeleteFile</c>
/// through <see cref="FileStore"/>, which checks the caller may see and change the matter.
/// </summary>
public abstract class AttachmentsPageModel(FileStore files) : PageModel
{
    public const string UploadField = "upload";

    public AttachmentsView Attachments { get; private set; } = new([], false, "");

    protected FileStore Files => files;

    /// <summary>The owner type the files are stored under.</summary>
    protected abstract string OwnerType { get; }

    /// <summary>Loads the page's matter for showing; false when the caller may not see it.</summary>
    protected abstract Task<bool> LoadMatterAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Loads the matter and its files; a page's GET and every failed post end here.</summary>
    protected async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadMatterAsync(id, cancellationToken) || await files.FindMatterAsync(OwnerType, id, cancellationToken) is not { } matter)
        {
            return NotFound();
        }
        Attachments = new AttachmentsView(await files.ListAsync(OwnerType, id, cancellationToken), matter.MayChangeFiles, files.MaxSizeText);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, [FromForm(Name = UploadField)] IFormFile? upload, CancellationToken cancellationToken)
    {
        await using var content = upload?.OpenReadStream() ?? Stream.Null;
        var result = await files.UploadAsync(OwnerType, id, upload?.FileName, content, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = $"Filen {FileStore.SanitiseFileName(upload?.FileName)} är bifogad.";
            return RedirectToPage(new { id });
        }
        AddErrors(result);
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var result = await files.DeleteAsync(OwnerType, id, fileId, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = "Filen är borttagen.";
            return RedirectToPage(new { id });
        }
        AddErrors(result);
        return await ShowAsync(id, cancellationToken);
    }

    private void AddErrors(SaveResult result)
    {
        foreach (var message in result.Errors.SelectMany(e => e.Value))
        {
            ModelState.AddModelError(UploadField, message);
        }
    }
}
