using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Evidence.Complaints;

public sealed class SummaryModel(ComplaintsHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ComplaintSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Summary = await handler.SummaryAsync(Year is >= 2000 and <= 2100 ? Year.Value : clock.SwedishToday().Year, cancellationToken);
}
