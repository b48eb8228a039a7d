using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Complaints;

public sealed class IndexModel(ComplaintsHandler handler, EvidenceLookups lookups, IAuthorizationService authorization) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public ComplaintStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    public PagedList<ComplaintRow> Complaints { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Units { get; private set; } = [];

    public bool CanRegister { get; private set; }

    public bool IsProvider => User.IsProviderUser();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Complaints = await handler.ListAsync(Query, Status, Overdue, UnitId, ProviderId, cancellationToken);
        Units = await lookups.UnitsAsync(cancellationToken);
        Units.ForEach(u => u.Selected = u.Value == UnitId?.ToString());
        CanRegister = (await authorization.AuthorizeAsync(User, EvidencePolicies.Handler)).Succeeded;
    }
}
