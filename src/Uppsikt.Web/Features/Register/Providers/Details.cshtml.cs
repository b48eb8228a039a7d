using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Uppsikt.Web.Features.Register.Providers;

public sealed class DetailsModel(ProvidersHandler handler, IAuthorizationService authorization) : RegisterDetailsPage(authorization)
{
    public ProviderDetails Provider { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(await handler.GetAsync(id, cancellationToken), found => Provider = found);
}
