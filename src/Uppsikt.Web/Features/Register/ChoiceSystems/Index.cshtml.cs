using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.ChoiceSystems;

public sealed class IndexModel(ChoiceSystemsHandler handler, RegisterLookups lookups, IAuthorizationService authorization) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool IncludePhasedOut { get; set; }

    public PagedList<ChoiceSystemRow> ChoiceSystems { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Committees { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || CommitteeId is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ChoiceSystems = await handler.ListAsync(Query, CommitteeId, IncludePhasedOut, cancellationToken);
        Committees = await lookups.CommitteesAsync(cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
