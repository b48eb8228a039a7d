using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Risk;

/// <summary>
/// A committee's units ranked by their explained risk score, optionally of one choice system or district administration. The
/// scores are computed, so the rows are sorted and paged in memory.
/// </summary>
public sealed class IndexModel(RiskScoring scoring, RegisterLookups lookups) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ChoiceSystemId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AdministrationId { get; set; }

    public CommitteeRanking? Ranking { get; private set; }

    public PagedList<RankingRow> Rows { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Committees { get; private set; } = [];

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public List<SelectListItem> Administrations { get; private set; } = [];

    protected override (string? Sort, bool Descending) DefaultOrder => ("rank", false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Committees = await lookups.CommitteesAsync(cancellationToken);
        Ranking = await scoring.RankingAsync(new RankingFilter(CommitteeId, ChoiceSystemId, AdministrationId), cancellationToken);
        if (Ranking is null)
        {
            return CommitteeId is null ? Page() : NotFound();
        }
        RegisterLookups.MarkSelected(Committees, Ranking.CommitteeId);
        ChoiceSystems = await lookups.ChoiceSystemsOfAsync(Ranking.CommitteeId, cancellationToken);
        RegisterLookups.MarkSelected(ChoiceSystems, ChoiceSystemId);
        Administrations = await lookups.AdministrationsAsync(cancellationToken);
        RegisterLookups.MarkSelected(Administrations, AdministrationId);
        Rows = Ranking.Rows.ToPage(Query, RiskScoring.Sort, r => r.UnitId);
        return Page();
    }
}
