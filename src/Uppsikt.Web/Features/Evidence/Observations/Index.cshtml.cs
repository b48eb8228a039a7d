using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Observations;

public sealed class IndexModel(ObservationsHandler handler, IAuthorizationService authorization, ICurrentActor actor) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    /// <summary>Only the observations the caller recorded.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public PagedList<ObservationRow> Observations { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Observations = await handler.ListAsync(Query, UnitId, ProviderId, Mine ? actor.UserId ?? "" : null, cancellationToken);
        CanRecord = (await authorization.AuthorizeAsync(User, EvidencePolicies.ObservationRecorder)).Succeeded;
    }
}
