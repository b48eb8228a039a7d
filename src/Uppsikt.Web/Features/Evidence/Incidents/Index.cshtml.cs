using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Incidents;

public sealed class IndexModel(IncidentsHandler handler, IAuthorizationService authorization) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public IncidentKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public IncidentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    /// <summary>Only open serious incidents still lacking a stance on referral.</summary>
    [BindProperty(SupportsGet = true)]
    public bool StanceMissing { get; set; }

    public PagedList<IncidentRow> Incidents { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public bool CanReport { get; private set; }

    public bool IsProvider => User.IsProviderUser();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Incidents = await handler.ListAsync(Query, Kind, Status, UnitId, ProviderId, StanceMissing, cancellationToken);
        CanReport = (await authorization.AuthorizeAsync(User, EvidencePolicies.IncidentReporter)).Succeeded;
    }
}
