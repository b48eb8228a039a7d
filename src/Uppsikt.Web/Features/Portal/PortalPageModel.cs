using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Portal;

/// <summary>What the shared portal partial shows: one provider's portal, from its own side or the municipality's.</summary>
public sealed record PortalSections(ProviderPortal Portal, bool IsProvider)
{
    public string ThreadUrl(ThreadRow thread) => PortalMatters.ThreadUrl(IsProvider, Portal.ProviderId, thread.MatterKind, thread.MatterId);
}

/// <summary>A page showing one provider's portal with its message threads: the provider's own start page, or the municipality's view of it.</summary>
public abstract class PortalPageModel(PortalHandler handler) : PageModel
{
    public PortalSections Sections { get; private set; } = null!;

    protected PortalHandler Handler => handler;

    /// <summary>The page of the thread list; from the query string only, as Razor Pages keeps its own path in the route value "page".</summary>
    [FromQuery(Name = "Page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The provider whose portal the page shows; null when the caller may not see it.</summary>
    protected abstract Guid? ProviderOf(Guid? id);

    protected async Task<IActionResult> ShowAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (ProviderOf(id) is not { } providerId || await handler.PortalAsync(providerId, PageNumber, cancellationToken) is not { } portal)
        {
            return NotFound();
        }
        Sections = new PortalSections(portal, PortalHandler.OwnProvider(User) is not null);
        return Page();
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);
}

/// <summary>
/// One message thread of a provider, about a matter (<c>?matterKind=&amp;matterId=</c>) or the general one, with a reply form:
/// the provider's own (<c>/Portal/Threads</c>) or the municipality's (<c>/Portal/Providers/Thread/{id}</c>).
/// </summary>
public abstract class ThreadPageModel(PortalHandler handler) : PageModel
{
    public PortalThread? Thread { get; private set; }

    public bool IsProvider => PortalHandler.OwnProvider(User) is not null;

    public string Heading => Thread is null ? "Meddelanden" : $"Meddelanden: {Thread.Title}";

    /// <summary>The text posted, shown again when it is refused.</summary>
    public string? Text { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? MatterKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? MatterId { get; set; }

    /// <summary>The provider whose thread the page shows; null when the caller may not see it.</summary>
    protected abstract Guid? ProviderOf(Guid? id);

    /// <summary>Where the page goes back to: the portal the thread belongs to.</summary>
    public abstract string PortalUrl { get; }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid? id, string? text, CancellationToken cancellationToken)
    {
        if (ProviderOf(id) is not { } providerId)
        {
            return NotFound();
        }
        var result = await handler.WriteAsync(providerId, new MessageInput(text, MatterKind, MatterId), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = "Meddelandet är skickat.";
            return Redirect(PortalMatters.ThreadUrl(IsProvider, providerId, MatterKind, MatterId));
        }
        Text = text;
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                // The matter is not a field the user can correct here: its error stands on its own in the summary.
                ModelState.AddModelError(field == nameof(MessageInput.MatterId) ? "" : field, message);
            }
        }
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (ProviderOf(id) is not { } providerId)
        {
            return NotFound();
        }
        var lookup = await handler.ThreadAsync(providerId, MatterKind, MatterId, cancellationToken);
        if (lookup.Refusal is { } refusal)
        {
            // Only the municipality gets here: a provider user never finds another provider's matter.
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("", refusal);
            }
            return Page();
        }
        if (lookup.Thread is null)
        {
            return NotFound();
        }
        Thread = lookup.Thread;
        return Page();
    }
}
