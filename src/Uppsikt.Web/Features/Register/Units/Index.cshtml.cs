using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Units;

public sealed class IndexModel(UnitsHandler handler, IAuthorizationService authorization) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ChoiceSystemId { get; set; }

    public PagedList<UnitRow> Units { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Units = await handler.ListAsync(Query, ProviderId, ChoiceSystemId, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
