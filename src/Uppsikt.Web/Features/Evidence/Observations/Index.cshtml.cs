using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Observations;

public sealed class IndexModel(ObservationsHandler handler, IAuthorizationService authorization) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    public PagedList<ObservationRow> Observations { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Observations = await handler.ListAsync(Query, UnitId, ProviderId, cancellationToken);
        CanRecord = (await authorization.AuthorizeAsync(User, EvidencePolicies.ObservationRecorder)).Succeeded;
    }
}
