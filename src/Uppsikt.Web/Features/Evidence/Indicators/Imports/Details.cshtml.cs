using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Web.Features.Evidence.Indicators.Imports;

public sealed class DetailsModel(ImportReports reports) : PageModel
{
    /// <summary>Seconds between reloads while the import runs (a meta refresh: no script needed).</summary>
    public const int RefreshSeconds = 2;

    public ImportReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reports.GetAsync(id, IndicatorResultImport.ImportKind, cancellationToken) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        return Page();
    }
}
