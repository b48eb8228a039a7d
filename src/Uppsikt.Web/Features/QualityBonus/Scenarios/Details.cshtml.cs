using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.QualityBonus.Scenarios;

/// <summary>A saved scenario with its figures as saved, and its export for the committee as CSV or Word.</summary>
public sealed class DetailsModel(QualityBonusHandler handler) : PageModel
{
    public BonusScenarioDetails Scenario { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? File(BonusExport.Csv(Scenario), CsvFile.ContentType, "kvalitetsbonus-scenario.csv") : NotFound();

    public async Task<IActionResult> OnGetWordAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? File(BonusExport.Word(Scenario), WordDocument.ContentType, "kvalitetsbonus-scenario.docx") : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.ScenarioAsync(id, cancellationToken) is not { } scenario)
        {
            return false;
        }
        Scenario = scenario;
        return true;
    }
}
