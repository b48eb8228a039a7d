using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Data;

namespace Uppsikt.Web.Features.Register.Providers;

public sealed class DetailsModel(ProvidersHandler handler, ICurrentActor actor, IAuthorizationService authorization) : RegisterDetailsPage(authorization)
{
    public ProviderDetails Provider { get; private set; } = null!;

    /// <summary>A district user reads only the units in its district (decision 0024): the page says so instead of "all units".</summary>
    public bool ForDistrict => actor.Scope.Kind == AccessScopeKind.District;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(await handler.GetAsync(id, cancellationToken), found => Provider = found);
}
