using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Register.Units;

/// <summary>
/// A unit's whole timeline, newest first, filtered by kind and period and paged. Open to whoever may see the unit: the query
/// filters give a provider user its own units only (another provider's is 404) and each source decides its kind's readers.
/// </summary>
public sealed class TimelineModel(UnitHistory history) : PageModel
{
    /// <summary>The kinds to show; none ticked shows all.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "visa")]
    public List<string> Kinds { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "från och med")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "till och med")]
    public DateOnly? To { get; set; }

    // From the query string only: Razor Pages keeps the page's own path in the route value "page".
    [FromQuery(Name = "Page")]
    public int PageNumber { get; set; } = 1;

    public UnitTimeline Timeline { get; private set; } = null!;

    public bool Filtered => Kinds.Count > 0 || From is not null || To is not null;

    public CheckboxList KindChoices
    {
        get
        {
            var chosen = UnitHistoryQuery.KindsFrom(Kinds);
            return new(nameof(Kinds), "Visa", [.. Timeline.Kinds.Select(k => new SelectListItem(k.Name, k.Key, chosen is null || chosen.Contains(k.Key)))],
                "Ingen markerad visar alla.");
        }
    }

    public PagerModel Pager => new(Timeline.Page, Timeline.PageCount, Timeline.Total, Request);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var query = new UnitHistoryQuery(UnitHistoryQuery.KindsFrom(Kinds), From, To, PageNumber);
        foreach (var (field, messages) in history.Problems(query))
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field switch { "from" => nameof(From), "to" => nameof(To), _ => nameof(Kinds) }, message);
            }
        }
        // A filter that cannot be used shows its errors and no entries, rather than entries it did not ask for.
        var timeline = await history.ReadAsync(id, ModelState.IsValid ? query : query with { Kinds = [] }, cancellationToken);
        if (timeline is null)
        {
            return NotFound();
        }
        Timeline = timeline;
        return Page();
    }
}
