using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Authorisations;

public sealed class IndexModel(AuthorisationsHandler handler, RegisterLookups lookups, IAuthorizationService authorization) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public AuthorisationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ChoiceSystemId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    public PagedList<AuthorisationRow> Authorisations { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public List<SelectListItem> Providers { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || Status is not null || ChoiceSystemId is not null || ProviderId is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Authorisations = await handler.ListAsync(Query, Status, ChoiceSystemId, ProviderId, cancellationToken);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        // Scoped: a provider user is offered its own organisation only.
        Providers = await lookups.ProvidersAsync(cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
