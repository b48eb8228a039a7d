using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Portal;

/// <summary>What the shared portal partial shows: one provider's portal, from its own side or the municipality's.</summary>
public sealed record PortalSections(ProviderPortal Portal, bool IsProvider, string? MessageText, string? MatterKind, Guid? MatterId);

/// <summary>A page showing one provider's portal with its message thread: the provider's own start page, or the municipality's view of it.</summary>
public abstract class PortalPageModel(PortalHandler handler) : PageModel
{
    public PortalSections Sections { get; private set; } = null!;

    protected PortalHandler Handler => handler;

    [BindProperty(SupportsGet = true)]
    public string? MatterKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? MatterId { get; set; }

    /// <summary>The provider whose portal the page shows; null when the caller may not see it.</summary>
    protected abstract Guid? ProviderOf(Guid? id);

    protected async Task<IActionResult> ShowAsync(Guid? id, string? messageText, CancellationToken cancellationToken)
    {
        if (ProviderOf(id) is not { } providerId || await handler.PortalAsync(providerId, cancellationToken) is not { } portal)
        {
            return NotFound();
        }
        Sections = new PortalSections(portal, PortalHandler.OwnProvider(User) is not null, messageText, MatterKind, MatterId);
        return Page();
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => ShowAsync(id, null, cancellationToken);

    public async Task<IActionResult> OnPostMessageAsync(Guid? id, string? text, CancellationToken cancellationToken)
    {
        if (ProviderOf(id) is not { } providerId)
        {
            return NotFound();
        }
        var result = await handler.WriteAsync(providerId, new MessageInput(text, MatterKind, MatterId), User, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = "Meddelandet är skickat.";
            return RedirectToPage(new { id });
        }
        ModelState.AddFrom(result, prefix: "");
        return await ShowAsync(id, text, cancellationToken);
    }
}
