using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Summaries;

namespace Uppsikt.Web.Features.Evidence.Complaints;

public sealed class SummaryModel(ComplaintsHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ComplaintSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Summary = await handler.SummaryAsync(Year is { } year && FollowUpYear.IsValid(year) ? year : clock.SwedishToday().Year, cancellationToken);
}
