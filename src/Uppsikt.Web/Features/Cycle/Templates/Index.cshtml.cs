using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Cycle.Templates;

public sealed class IndexModel(TemplatesHandler handler, IAuthorizationService authorization) : PageModel
{
    public List<TemplateRow> Templates { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Templates = await handler.ListAsync(cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
