using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Summaries;

namespace Uppsikt.Web.Features.Evidence.Incidents;

public sealed class SummaryModel(IncidentsHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IncidentSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (from, to) = IncidentsApi.Period(From, To, clock);
        Summary = await handler.SummaryAsync(from, to, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"handelser-{Summary.From:yyyy-MM-dd}-{Summary.To:yyyy-MM-dd}.csv");
        return File(IncidentsHandler.SummaryCsv(Summary), "text/csv; charset=utf-8", name);
    }
}
