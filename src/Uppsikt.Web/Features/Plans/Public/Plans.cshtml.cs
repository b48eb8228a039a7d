using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Plans.Public;

/// <summary>The adopted follow-up plans, so providers and citizens know beforehand what the follow-up covers. Never drafts.</summary>
public sealed class PlansModel(PlansHandler handler, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        var thisYear = clock.SwedishToday().Year;
        Year = year is { } chosen && FollowUpYear.IsValid(chosen) ? chosen : thisYear;
        Years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
        Plans = (await handler.ListAsync(new ListQuery(Sort: "committee", PageSize: ListQuery.MaxPageSize), new PlanFilter(Year, AdoptedOnly: true), cancellationToken)).Items;
    }
}
