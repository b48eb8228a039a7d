using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Uppsikt.Web.Features.Register.Units;

public sealed class DetailsModel(UnitsHandler handler, IAuthorizationService authorization) : RegisterDetailsPage(authorization)
{
    public UnitDetails Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(await handler.GetAsync(id, cancellationToken), found => Unit = found);
}
