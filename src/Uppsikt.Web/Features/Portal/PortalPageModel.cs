using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Portal.Threads;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal;

/// <summary>What the shared portal partial shows: one provider's portal, from its own side or the municipality's.</summary>
public sealed record PortalSections(ProviderPortal Portal, bool IsProvider)
{
    public string ThreadUrl(ThreadRow thread) => PortalAccess.ThreadUrl(IsProvider, Portal.ProviderId, thread.MatterKind, thread.MatterId);
}

/// <summary>A page showing one provider's portal with its message threads: the provider's own start page, or the municipality's view of it.</summary>
public abstract class PortalPageModel(PortalHandler handler) : PageModel
{
    public PortalSections Sections { get; private set; } = null!;

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
        Sections = new PortalSections(portal, PortalAccess.OwnProvider(User) is not null);
        return Page();
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);
}
