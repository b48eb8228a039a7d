using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityBonus;

/// <summary>A bonus model in the list.</summary>
public sealed record BonusModelRow(Guid Id, string Name, string ChoiceSystem, BonusBasis Basis, decimal CeilingPerUnit, int Criteria);

/// <summary>One criterion as the model's page and the API show it.</summary>
public sealed record BonusCriterionView(Guid IndicatorId, string IndicatorName, Direction Direction, BonusRule Rule, double Limit, decimal Amount);

/// <summary>A bonus model as its pages and <c>GET /api/v1/bonus-models/{id}</c> show it.</summary>
public sealed record BonusModelDetails(
    Guid Id, string Name, Guid ChoiceSystemId, string ChoiceSystem, BonusBasis Basis, int? HoursPerPlace, decimal CeilingPerUnit,
    IReadOnlyList<BonusCriterionView> Criteria, int Version);

/// <summary>A bonus model as entered; <c>version</c> as last read when editing.</summary>
public sealed record BonusModelForm(
    string? Name, Guid? ChoiceSystemId, BonusBasis? Basis, int? HoursPerPlace, decimal? CeilingPerUnit, IReadOnlyList<BonusCriterionInput>? Criteria,
    int Version = 0);

/// <summary>
/// A model's simulation for one year (decision 0043): the run, the sensitivity of that year, and the history of every year with
/// whole-year results, with the years to choose from and the minimum answers a result must rest on.
/// </summary>
public sealed record BonusSimulationView(
    BonusModelDetails Model, IReadOnlyList<int> Years, int? Year, int MinimumAnswers, BonusRun? Run, IReadOnlyList<SensitivityRow> Sensitivity,
    IReadOnlyList<BonusRun> History);

/// <summary>A saved scenario in the list.</summary>
public sealed record BonusScenarioRow(Guid Id, string Name, Guid BonusModelId, string ModelName, string Years, DateTimeOffset SavedAt, string SavedByName);

/// <summary>What a scenario keeps: the model as it was, the minimum answers, and each year's run as shown then.</summary>
public sealed record ScenarioFigures(BonusModelDetails Model, int MinimumAnswers, IReadOnlyList<BonusRun> Runs);

/// <summary>A saved scenario with its figures as stored when it was saved.</summary>
public sealed record BonusScenarioDetails(Guid Id, string Name, string Years, DateTimeOffset SavedAt, string SavedByName, ScenarioFigures Figures);

/// <summary>
/// Keeps bonus models and runs their simulation (decision 0043) over the choice system's units and their whole-year results; the
/// rules are the domain's (<see cref="BonusModel"/>, <see cref="BonusSimulation"/>). Saves and reads scenarios.
/// </summary>
public sealed class QualityBonusHandler(AppDbContext db, TimeProvider clock, ResultSettings settings)
{
    public static string Url(Guid id) => $"/QualityBonus/Simulation/{id}";

    public static string ScenarioUrl(Guid id) => $"/QualityBonus/Scenarios/Details/{id}";

    public static readonly SortColumns<BonusModelRow> Sort = new SortColumns<BonusModelRow>("name")
        .Add("name", m => m.Name)
        .Add("choicesystem", m => m.ChoiceSystem)
        // As a double: SQLite orders a decimal with EF Core's EF_DECIMAL collation, which parses the stored text in the current
        // culture and, under Swedish, throws inside SQLite and ends the process.
        .Add("ceiling", m => (double)m.CeilingPerUnit);

    public static readonly SortColumns<BonusScenarioRow> ScenarioSort = new SortColumns<BonusScenarioRow>("saved")
        .Add("saved", s => s.SavedAt)
        .Add("name", s => s.Name)
        .Add("model", s => s.ModelName);

    public static readonly SortColumns<UnitBonus> UnitSort = new SortColumns<UnitBonus>("unit")
        .Add("unit", u => u.Unit.Name)
        .Add("provider", u => u.Unit.ProviderName)
        .Add("places", u => u.Unit.Capacity)
        .Add("total", u => u.Total);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<PagedList<BonusModelRow>> ListAsync(ListQuery list, CancellationToken cancellationToken) =>
        db.BonusModels.AsNoTracking()
            .Where(m => string.IsNullOrEmpty(list.Search) || m.Name.Contains(list.Search))
            .Select(m => new BonusModelRow(m.Id, m.Name, m.ChoiceSystem!.Name, m.Basis, m.CeilingPerUnit, m.Criteria.Count))
            .ToPageAsync(list, Sort, m => m.Id, cancellationToken);

    public async Task<BonusModelDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var model = await db.BonusModels.AsNoTracking().Include(m => m.ChoiceSystem).Include(m => m.Criteria)
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (model is null)
        {
            return null;
        }
        var ids = model.Criteria.Select(c => c.IndicatorId).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return new BonusModelDetails(
            model.Id, model.Name, model.ChoiceSystemId, model.ChoiceSystem!.Name, model.Basis, model.HoursPerPlace, model.CeilingPerUnit,
            [.. model.Criteria.OrderBy(c => c.Position).Select(c => new BonusCriterionView(
                c.IndicatorId, indicators[c.IndicatorId].Name, indicators[c.IndicatorId].Direction, c.Rule, c.Limit, c.Amount))],
            model.Version);
    }

    public async Task<SaveResult> CreateAsync(BonusModelForm form, CancellationToken cancellationToken)
    {
        var unknown = await UnknownAsync(form, cancellationToken);
        var (model, refusals) = BonusModel.Create(Input(form));
        if (refusals.Count > 0 || unknown.Count > 0)
        {
            return SaveResult.Refused([.. refusals, .. unknown]);
        }
        db.BonusModels.Add(model!);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(model!.Id);
    }

    public async Task<SaveResult> EditAsync(Guid id, BonusModelForm form, CancellationToken cancellationToken)
    {
        var model = await db.BonusModels.Include(m => m.Criteria).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (model is null)
        {
            return SaveResult.Missing();
        }
        var unknown = await UnknownAsync(form, cancellationToken);
        if (unknown.Count > 0)
        {
            return SaveResult.Refused([.. BonusModel.Check(Input(form)), .. unknown]);
        }
        var old = model.Criteria.ToList();
        if (model.Edit(Input(form)) is { Count: > 0 } refusals)
        {
            return SaveResult.Refused(refusals);
        }
        db.BonusCriteria.RemoveRange(old);
        db.BonusCriteria.AddRange(model.Criteria);
        db.ExpectVersion(model, form.Version);
        return await db.SaveOrConflictAsync(id, cancellationToken);
    }

    /// <summary>The simulation for a year (the latest with results when none is asked), or null when the model does not exist.</summary>
    public async Task<BonusSimulationView?> SimulateAsync(Guid id, int? year, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is not { } model)
        {
            return null;
        }
        var parameters = Parameters(model);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.ChoiceSystems.Any(c => c.Id == model.ChoiceSystemId))
            .Select(u => new BonusUnit(u.Id, u.Name, u.Provider != null ? u.Provider.Name : "", u.Ownership, u.Capacity))
            .ToListAsync(cancellationToken);
        var unitIds = units.Select(u => u.Id).ToList();
        var indicatorIds = model.Criteria.Select(c => c.IndicatorId).ToList();
        var results = (await db.Outcomes.AsNoTracking()
                .Where(o => o.PeriodKind == PeriodKind.Year && indicatorIds.Contains(o.IndicatorId) && unitIds.Contains(o.UnitId))
                .Select(o => new { o.Year, Result = new BonusResult(o.IndicatorId, o.UnitId, o.Value, o.Answers) })
                .ToListAsync(cancellationToken))
            .GroupBy(o => o.Year)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BonusResult>)[.. g.Select(o => o.Result)]);
        var years = results.Keys.Order().ToList();
        var chosen = year is { } asked && results.ContainsKey(asked) ? asked : years.Count > 0 ? years[^1] : (int?)null;
        var minimum = settings.MinimumAnswers;
        return new BonusSimulationView(
            model, years, chosen, minimum,
            chosen is { } y ? BonusSimulation.Run(parameters, y, units, results[y], minimum) : null,
            chosen is { } s ? BonusSimulation.Sensitivity(parameters, s, units, results[s], minimum) : [],
            BonusSimulation.History(parameters, units, results, minimum));
    }

    /// <summary>Saves the model's run over every year with results, as it now is, as a named scenario.</summary>
    public async Task<SaveResult> SaveScenarioAsync(Guid id, string? name, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await SimulateAsync(id, null, cancellationToken) is not { } view)
        {
            return SaveResult.Missing();
        }
        var figures = JsonSerializer.Serialize(new ScenarioFigures(view.Model, view.MinimumAnswers, view.History), Json);
        var (scenario, refusals) = BonusScenario.Save(name, id, view.Years, figures, actor, clock.GetUtcNow());
        if (refusals.Count > 0)
        {
            return SaveResult.Refused(refusals);
        }
        db.BonusScenarios.Add(scenario!);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(scenario!.Id);
    }

    public Task<PagedList<BonusScenarioRow>> ScenariosAsync(ListQuery list, CancellationToken cancellationToken) =>
        db.BonusScenarios.AsNoTracking()
            .Join(db.BonusModels, s => s.BonusModelId, m => m.Id, (s, m) => new BonusScenarioRow(s.Id, s.Name, m.Id, m.Name, s.Years, s.SavedAt, s.SavedByName))
            .Where(s => string.IsNullOrEmpty(list.Search) || s.Name.Contains(list.Search))
            .ToPageAsync(list, ScenarioSort, s => s.Id, cancellationToken);

    public async Task<BonusScenarioDetails?> ScenarioAsync(Guid id, CancellationToken cancellationToken) =>
        await db.BonusScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } s
            ? new BonusScenarioDetails(s.Id, s.Name, s.Years, s.SavedAt, s.SavedByName, JsonSerializer.Deserialize<ScenarioFigures>(s.Figures, Json)!)
            : null;

    /// <summary>The model's parameters as the simulation reads them.</summary>
    public static BonusParameters Parameters(BonusModelDetails model) => new(
        model.Basis, model.HoursPerPlace, model.CeilingPerUnit,
        [.. model.Criteria.Select(c => new BonusCriterionParameters(new BonusIndicator(c.IndicatorId, c.IndicatorName, c.Direction), c.Rule, c.Limit, c.Amount))]);

    private async Task<List<Refusal>> UnknownAsync(BonusModelForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Refusal>();
        if (form.ChoiceSystemId is { } choiceSystem && !await db.ChoiceSystems.AnyAsync(c => c.Id == choiceSystem, cancellationToken))
        {
            problems.Add(Refusal.Invalid("Välj ett kundval som finns i registret.", "ChoiceSystemId"));
        }
        var criteria = form.Criteria ?? [];
        var asked = criteria.Select(c => c.IndicatorId).OfType<Guid>().Distinct().ToList();
        var known = await db.Indicators.AsNoTracking().Where(i => asked.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < criteria.Count; i++)
        {
            if (criteria[i].IndicatorId is { } indicator && !known.Contains(indicator))
            {
                problems.Add(Refusal.Invalid($"Välj en indikator som finns för kriterium {i + 1}.", Refusal.ItemField("Criteria", i, "IndicatorId")));
            }
        }
        return problems;
    }

    private static BonusModelInput Input(BonusModelForm form) =>
        new(form.Name, form.ChoiceSystemId, form.Basis, form.HoursPerPlace, form.CeilingPerUnit, form.Criteria);
}
