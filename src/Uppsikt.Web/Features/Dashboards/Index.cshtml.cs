using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Dashboards;

/// <summary>One committee's dashboard for a year; the committee member's own committee only.</summary>
public sealed class IndexModel(DashboardHandler handler, RegisterLookups lookups, ICurrentActor actor, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public Dashboard? Dashboard { get; private set; }

    public List<SelectListItem> Committees { get; private set; } = [];

    /// <summary>Whether the reader chooses the committee: everyone but a committee member, who sees its own.</summary>
    public bool ChoosesCommittee => actor.ReportedTo().Every;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var year = Year ?? clock.SwedishToday().Year;
        if (!FollowUpYear.IsValid(year))
        {
            ModelState.AddModelError(nameof(Year), FollowUpYear.Message);
            year = clock.SwedishToday().Year;
        }
        Year = year;
        Dashboard = await handler.GetAsync(CommitteeId, year, cancellationToken);
        Committees = await lookups.CommitteesAsync(cancellationToken);
        RegisterLookups.MarkSelected(Committees, Dashboard?.CommitteeId);
        return Page();
    }
}
