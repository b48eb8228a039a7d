using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Evidence.Indicators;

public sealed class IndexModel(IndicatorsHandler handler, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<IndicatorDetails> Indicators { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Indicators = await handler.ListAsync(cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
