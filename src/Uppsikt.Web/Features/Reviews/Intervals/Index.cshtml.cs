using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Reviews.Intervals;

/// <summary>
/// A committee's units with when each is next due for review or follow-up and why (specification rule 2), the earliest
/// first, and the proposal of the year's regular reviews. The rows are computed, so they are filtered, sorted and paged in memory.
/// </summary>
public sealed class IndexModel(IntervalsHandler handler, RegisterLookups lookups, TimeProvider clock) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public IntervalFilter Filter { get; set; }

    /// <summary>The proposal's year: this year or the next.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public CommitteeIntervals? Intervals { get; private set; }

    public PagedList<IntervalRow> Rows { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public IReadOnlyList<IntervalRow> Proposal { get; private set; } = [];

    public int ProposalYear { get; private set; }

    public List<SelectListItem> Committees { get; private set; } = [];

    public List<SelectListItem> Years { get; private set; } = [];

    public DateOnly Today { get; private set; }

    protected override (string? Sort, bool Descending) DefaultOrder => ("dueOn", false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.SwedishToday();
        Committees = await lookups.CommitteesAsync(cancellationToken);
        Intervals = await handler.ForCommitteeAsync(CommitteeId, cancellationToken);
        if (Intervals is null)
        {
            // No committee in the register yet shows the empty state; a committee that does not exist is not found.
            return CommitteeId is null ? Page() : NotFound();
        }
        var chosen = Intervals.CommitteeId.ToString();
        foreach (var committee in Committees)
        {
            committee.Selected = committee.Value == chosen;
        }
        if (!Enum.IsDefined(Filter))
        {
            Filter = IntervalFilter.All;
        }
        Rows = Intervals.Rows(Filter).ToPage(Query, IntervalsHandler.Sort, r => r.UnitId);
        ProposalYear = Year is { } year && (year == Today.Year || year == Today.Year + 1) ? year : Today.Year;
        Proposal = Intervals.ProposedFor(ProposalYear);
        Years = [.. new[] { Today.Year, Today.Year + 1 }
            .Select(y => new SelectListItem(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), y == ProposalYear))];
        return Page();
    }

    /// <summary>The unit count with its noun, singular or plural.</summary>
    public static string Units(int count) => $"{SwedishText.Number(count)} {(count == 1 ? "enhet" : "enheter")}";
}
