using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Evidence.Indicators;

public sealed record TargetDetails(Guid ChoiceSystemId, string ChoiceSystemName, double Value);

public sealed record IndicatorDetails(
    Guid Id, string Code, string Name, string UnitOfMeasure, IndicatorValueKind ValueKind, Direction Direction, EvidenceSource Source,
    string? KoladaKpiId, string? Description, IReadOnlyList<TargetDetails> Targets, int Version);

/// <summary>
/// What a person sends to create or change an indicator; targets by choice system, an empty value removes one. Without a value
/// kind a new indicator is a share when its unit of measure is "%" and a number otherwise, and a changed one keeps its kind.
/// </summary>
public sealed record IndicatorInput(
    string? Code, string? Name, string? UnitOfMeasure, Direction? Direction, EvidenceSource? Source, string? KoladaKpiId, [DataType(DataType.MultilineText)] string? Description,
    IReadOnlyDictionary<Guid, double?>? Targets, int Version = 0, IndicatorValueKind? ValueKind = null);

/// <summary>Indicator definitions and their targets; the pages and <c>/api/v1/indicators</c> both call it.</summary>
public sealed class IndicatorsHandler(AppDbContext db)
{
    public async Task<IReadOnlyList<IndicatorDetails>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await LoadAsync(null, cancellationToken)).OrderBy(i => i.Source).ThenBy(i => i.Code, StringComparer.Ordinal)];

    public async Task<IndicatorDetails?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await LoadAsync(id, cancellationToken)).FirstOrDefault();

    private async Task<List<IndicatorDetails>> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).Where(i => id == null || i.Id == id).ToListAsync(cancellationToken);
        var choiceIds = indicators.SelectMany(i => i.Targets).Select(t => t.ChoiceSystemId).Distinct().ToList();
        var names = await db.ChoiceSystems.AsNoTracking().Where(c => choiceIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return [.. indicators.Select(i => new IndicatorDetails(i.Id, i.Code, i.Name, i.UnitOfMeasure, i.ValueKind, i.Direction, i.Source, i.KoladaKpiId, i.Description,
            [.. i.Targets.Select(t => new TargetDetails(t.ChoiceSystemId, names[t.ChoiceSystemId], t.Value)).OrderBy(t => t.ChoiceSystemName, StringComparer.Ordinal)],
            i.Version))];
    }

    public async Task<SaveResult> SaveAsync(Guid? id, IndicatorInput input, CancellationToken cancellationToken)
    {
        var indicator = id is null ? null : await db.Indicators.Include(i => i.Targets).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (id is not null && indicator is null)
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        var code = check.Required(nameof(IndicatorInput.Code), "kod", input.Code, 40).ToUpperInvariant();
        if (code.Length > 0 && (Infrastructure.Import.TableColumns.FormulaInjection(code) is not null || code.Any(char.IsWhiteSpace)))
        {
            check.Add(nameof(IndicatorInput.Code), "Koden får inte innehålla mellanslag eller börja med =, +, - eller @.");
        }
        else if (code.Length > 0 && await db.Indicators.AnyAsync(i => i.Code == code && i.Id != id, cancellationToken))
        {
            check.Add(nameof(IndicatorInput.Code), $"Koden {code} används redan av en annan indikator.");
        }
        var name = check.Required(nameof(IndicatorInput.Name), "indikatorns namn", input.Name);
        var unitOfMeasure = check.Required(nameof(IndicatorInput.UnitOfMeasure), "enhet för värdet (till exempel %)", input.UnitOfMeasure, 40);
        if (input.Direction is not { } direction || !Enum.IsDefined(direction))
        {
            check.Add(nameof(IndicatorInput.Direction), "Välj om högre eller lägre värden är bättre.");
        }
        if (input.ValueKind is { } kind && !Enum.IsDefined(kind))
        {
            check.Add(nameof(IndicatorInput.ValueKind), "Välj om värdet är en andel i procent, ett medelvärde eller ett annat tal.");
        }
        if (input.Source is not { } source || !Enum.IsDefined(source))
        {
            check.Add(nameof(IndicatorInput.Source), "Välj vilket underlag resultaten kommer från.");
        }
        var kpi = check.Optional(nameof(IndicatorInput.KoladaKpiId), "Kolada-KPI", input.KoladaKpiId, 20)?.ToUpperInvariant();
        if (kpi is not null && await db.Indicators.AnyAsync(i => i.KoladaKpiId == kpi && i.Id != id, cancellationToken))
        {
            check.Add(nameof(IndicatorInput.KoladaKpiId), $"Kolada-KPI {kpi} används redan av en annan indikator.");
        }
        var description = check.Optional(nameof(IndicatorInput.Description), "beskrivning", input.Description, 4000);
        var targets = (input.Targets ?? new Dictionary<Guid, double?>()).Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!.Value);
        var targetIds = targets.Keys.ToList();
        if (await db.ChoiceSystems.CountAsync(c => targetIds.Contains(c.Id), cancellationToken) != targetIds.Count)
        {
            check.Add(nameof(IndicatorInput.Targets), "Ett av kundvalen finns inte.");
        }
        if (targets.Values.Any(v => !double.IsFinite(v)))
        {
            check.Add(nameof(IndicatorInput.Targets), "Målvärdena ska vara tal.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (indicator is null)
        {
            indicator = new Indicator { Code = code, Name = name, UnitOfMeasure = unitOfMeasure };
            db.Indicators.Add(indicator);
        }
        else
        {
            db.ExpectVersion(indicator, input.Version);
        }
        indicator.Code = code;
        indicator.Name = name;
        indicator.UnitOfMeasure = unitOfMeasure;
        indicator.ValueKind = input.ValueKind ?? (db.Entry(indicator).State == EntityState.Added ? Indicator.DefaultValueKind(unitOfMeasure) : indicator.ValueKind);
        indicator.Direction = input.Direction!.Value;
        indicator.Source = input.Source!.Value;
        indicator.KoladaKpiId = kpi;
        indicator.Description = description;
        foreach (var removed in indicator.Targets.Where(t => !targets.ContainsKey(t.ChoiceSystemId)).ToList())
        {
            indicator.Targets.Remove(removed);
            db.Targets.Remove(removed);
        }
        foreach (var (choiceSystemId, value) in targets)
        {
            if (indicator.Targets.FirstOrDefault(t => t.ChoiceSystemId == choiceSystemId) is { } existing)
            {
                existing.Value = value;
            }
            else
            {
                indicator.Targets.Add(new Target { ChoiceSystemId = choiceSystemId, Value = value });
            }
        }
        return await db.SaveOrConflictAsync(indicator.Id, cancellationToken);
    }
}
