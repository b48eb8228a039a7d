using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Web.Features.Evidence.Indicators.Imports;

/// <summary>Upload of indicator results and the latest imports. The size limits are set on the endpoint by <see cref="EvidenceModule"/>.</summary>
public sealed class IndexModel(DataImports imports, ImportReports reports, ImportSettings settings) : PageModel
{
    public IReadOnlyList<ImportReport> Recent { get; private set; } = [];

    public ImportSettings Settings => settings;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Recent = await reports.RecentAsync(IndicatorResultImport.ImportKind, 20, cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(ImportStart.FileField, "Välj en fil att läsa in.");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var start = await imports.StartAsync(IndicatorResultImport.ImportKind, stream, file.FileName, cancellationToken);
            if (start.Record is { } record)
            {
                if (start.AlreadyImported)
                {
                    TempData["Message"] = $"Filen {record.FileName} är redan inläst (samma innehåll). Den räknas bara en gång; ingenting ändrades.";
                }
                return RedirectToPage("Details", new { id = record.Id });
            }
            ModelState.AddModelError(start.Refusal!.Field ?? "", start.Refusal.Message);
        }
        Recent = await reports.RecentAsync(IndicatorResultImport.ImportKind, 20, cancellationToken);
        return Page();
    }
}
