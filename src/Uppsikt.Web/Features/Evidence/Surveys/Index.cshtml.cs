using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Surveys;

/// <summary>The surveys, newest year first, filtered by year and committee, searched, sorted and paged.</summary>
public sealed class IndexModel(SurveysHandler handler, RegisterLookups lookups) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    public PagedList<SurveyRow> Surveys { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Committees { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool Filtered => Year is not null || CommitteeId is not null;

    protected override (string? Sort, bool Descending) DefaultOrder => ("year", true);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Surveys = await handler.ListAsync(Query, new SurveyFilter(Year, CommitteeId), cancellationToken);
        Committees = await lookups.CommitteesAsync(cancellationToken);
        RegisterLookups.MarkSelected(Committees, CommitteeId);
        CanEdit = handler.MayEdit;
    }
}
