using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Portal.Documents;

/// <summary>The municipality sends a document, with an optional file, to one or more providers.</summary>
public sealed class NewModel(DocumentsHandler handler, FileStore files, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public List<Guid> ProviderIds { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Message { get; set; }

    public List<SelectListItem> Providers { get; private set; } = [];

    public string MaxSize => files.MaxSizeText;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ProviderId is { } one)
        {
            ProviderIds = [one];
        }
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = AttachmentsPageModel.UploadField)] IFormFile? upload, CancellationToken cancellationToken)
    {
        var (ids, result) = await handler.SendDocumentAsync(new DocumentInput(ProviderIds, Title, Message), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFrom(result, prefix: "");
            await LoadAsync(cancellationToken);
            return Page();
        }
        var failed = new List<string>();
        if (upload is not null)
        {
            foreach (var id in ids)
            {
                await using var content = upload.OpenReadStream();
                var stored = await files.UploadAsync(DocumentsHandler.DocumentOwnerType, id, upload.FileName, content, cancellationToken);
                failed.AddRange(stored.Errors.SelectMany(e => e.Value));
            }
        }
        TempData["Message"] = failed.Count == 0
            ? $"Dokumentet är skickat till {ids.Count} anordnare."
            : $"Dokumentet är skickat, men filen kunde inte bifogas: {failed[0]} Bifoga den på dokumentets sida.";
        return ids.Count == 1 ? RedirectToPage("/Portal/Documents/Details", new { id = ids[0] }) : RedirectToPage("/Portal/Providers/Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(), ProviderIds.Contains(p.Id))).ToListAsync(cancellationToken);
}
