using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>The report alone, laid out for printing or saving as PDF from the browser: no forms, no navigation.</summary>
public sealed class PrintModel(AnnualReportsHandler handler) : PageModel
{
    public AnnualReportDetails Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        return Page();
    }
}
