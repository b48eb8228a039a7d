using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Uppsikt.Web.Features.Register.Authorisations;

public sealed class DetailsModel(AuthorisationsHandler handler, IAuthorizationService authorization) : RegisterDetailsPage(authorization)
{
    public AuthorisationDetails Authorisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(await handler.GetAsync(id, cancellationToken), found => Authorisation = found);
}
