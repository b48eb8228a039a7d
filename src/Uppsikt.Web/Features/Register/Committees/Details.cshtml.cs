using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Register.Committees;

public sealed class DetailsModel(CommitteesHandler handler, IAuthorizationService authorization, TimeProvider clock)
    : RegisterDetailsPage(authorization)
{
    public CommitteeDetails Committee { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = clock.SwedishToday();
        return await ShowAsync(await handler.GetAsync(id, cancellationToken), found => Committee = found);
    }
}
