using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Uppsikt.Web.Features.Register.ChoiceSystems;

public sealed class DetailsModel(ChoiceSystemsHandler handler, IAuthorizationService authorization) : RegisterDetailsPage(authorization)
{
    public ChoiceSystemDetails ChoiceSystem { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(await handler.GetAsync(id, cancellationToken), found => ChoiceSystem = found);
}
