using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Conditions;

public sealed class IndexModel(ConditionsHandler handler, RegisterLookups lookups, IAuthorizationService authorization, TimeProvider clock) : ListPageModel
{
    public const string GeneralFilter = "general";

    /// <summary>"general" for the council's general conditions, a choice system's id for its specific ones, empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Set { get; set; }

    public PagedList<ConditionRow> Conditions { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Sets { get; private set; } = [];

    public Guid? ChoiceSystemId => Guid.TryParse(Set, out var id) ? id : null;

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var general = string.Equals(Set, GeneralFilter, StringComparison.OrdinalIgnoreCase);
        Conditions = await handler.ListAsync(Query, ChoiceSystemId, general, clock.SwedishToday(), cancellationToken);
        Sets = [new("Generella villkor (alla kundval)", GeneralFilter, general), .. await lookups.ChoiceSystemsAsync(cancellationToken)];
        Sets.ForEach(s => s.Selected = string.Equals(s.Value, Set, StringComparison.OrdinalIgnoreCase));
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
