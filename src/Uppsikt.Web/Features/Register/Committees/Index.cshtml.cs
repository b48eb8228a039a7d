using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Committees;

public sealed class IndexModel(CommitteesHandler handler, IAuthorizationService authorization) : ListPageModel
{
    public PagedList<CommitteeRow> Committees { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Committees = await handler.ListAsync(Query, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
