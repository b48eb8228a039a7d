using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Threads;

/// <summary>
/// One message thread of a provider, about a matter (<c>?matterKind=&amp;matterId=</c>) or the general one, with a reply form:
/// the provider's own (<c>/Portal/Threads</c>) or the municipality's (<c>/Portal/Providers/Thread/{id}</c>).
/// </summary>
public abstract class ThreadPageModel(ThreadsHandler handler) : PageModel
{
    public PortalThread? Thread { get; private set; }

    public bool IsProvider => PortalAccess.OwnProvider(User) is not null;

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

    public async Task<IActionResult> OnPostAsync(Guid? id, [DataType(DataType.MultilineText)] string? text, CancellationToken cancellationToken)
    {
        if (ProviderOf(id) is not { } providerId)
        {
            return NotFound();
        }
        var result = await handler.WriteAsync(providerId, new MessageInput(text, MatterKind, MatterId), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Meddelandet är skickat.";
            return Redirect(PortalAccess.ThreadUrl(IsProvider, providerId, MatterKind, MatterId));
        }
        // The matter is not a field the user can correct here: its error stands on its own in the summary.
        if (this.Refused(result, field => field == nameof(MessageInput.MatterId) ? "" : field) is { } refused)
        {
            return refused;
        }
        Text = text;
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
                ModelState.AddModelError("", refusal.Message);
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
