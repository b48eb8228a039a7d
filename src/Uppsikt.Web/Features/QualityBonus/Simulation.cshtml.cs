using Microsoft.AspNetCore.Mvc;
using Uppsikt.Data;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityBonus;

/// <summary>
/// What a bonus model would have paid (decision 0043): for the chosen year each unit (sorted and paged), the sums per provider and
/// in-house against the others, the sensitivity of the limits, and every year with results side by side; the run is saved as a scenario.
/// </summary>
public sealed class SimulationModel(QualityBonusHandler handler, ICurrentActor actor) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public BonusSimulationView View { get; private set; } = null!;

    public PagedList<UnitBonus> Units { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? ScenarioName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScenarioAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var result = await handler.SaveScenarioAsync(id, name, WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Scenariot är sparat.";
            return Redirect(QualityBonusHandler.ScenarioUrl(result.Id!.Value));
        }
        if (result.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        (Problems, ScenarioName) = ([.. result.Refusals.Select(r => r.Message)], name);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.SimulateAsync(id, Year, cancellationToken) is not { } view)
        {
            return false;
        }
        View = view;
        Units = (view.Run?.Units ?? []).ToPage(Query, QualityBonusHandler.UnitSort, u => u.Unit.Id);
        return true;
    }
}
