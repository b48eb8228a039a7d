using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Portal.Providers;

/// <summary>The municipality's way into each provider's portal.</summary>
public sealed class IndexModel(PortalHandler handler) : PageModel
{
    public IReadOnlyList<PortalProviderRow> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Providers = await handler.ProvidersAsync(cancellationToken);
}
