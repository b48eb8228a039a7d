using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>One organisational unit in Kolada's register (<c>ou.json</c>).</summary>
public sealed record KoladaUnit(string Id, string Municipality, string Title);

public sealed record KoladaImportReport(int Added, int Updated, int Skipped, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a municipality's units of chosen Kolada unit types (V21 hemtjänst, V23 särskilt boende, …) into the
/// choice systems mapped to those types. Matched by Kolada id, so a second import of the same file changes nothing;
/// all or nothing: a file that cannot be read or a type without a choice system imports no unit.
/// A unit new to the register has no provider yet: the Kolada register does not say who runs it.
/// </summary>
public sealed class KoladaUnitImport(AppDbContext db)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task<KoladaImportReport> ImportAsync(Stream json, string municipality, IReadOnlyCollection<string> unitTypes, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        municipality = municipality.Trim();
        if (municipality.Length != 4 || !municipality.All(char.IsAsciiDigit))
        {
            errors.Add($"Kommunkoden ”{municipality}” ska vara fyra siffror, till exempel 0182 för Nacka.");
        }
        var types = unitTypes.Select(t => t.Trim().ToUpperInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        if (types.Count == 0)
        {
            errors.Add("Ange minst en enhetstyp, till exempel V21.");
        }
        var choiceSystems = await db.ChoiceSystems.Where(c => c.KoladaUnitTypes != null).ToListAsync(cancellationToken);
        var choiceFor = new Dictionary<string, ChoiceSystem>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var match = choiceSystems.Where(c => c.KoladaUnitTypeList().Contains(type, StringComparer.OrdinalIgnoreCase)).ToList();
            if (match.Count != 1)
            {
                errors.Add(match.Count == 0
                    ? $"Inget kundval är kopplat till enhetstypen {type}. Ange typen under kundvalets Kolada-enhetstyper först."
                    : $"Enhetstypen {type} är kopplad till flera kundval ({string.Join(", ", match.Select(c => c.Name))}).");
                continue;
            }
            choiceFor[type] = match[0];
        }
        if (errors.Count > 0)
        {
            return new KoladaImportReport(0, 0, 0, errors);
        }

        var wanted = new List<KoladaUnit>();
        try
        {
            await foreach (var unit in JsonSerializer.DeserializeAsyncEnumerable<KoladaUnit>(json, Json, cancellationToken))
            {
                if (unit is null || string.IsNullOrWhiteSpace(unit.Id) || string.IsNullOrWhiteSpace(unit.Title))
                {
                    continue;
                }
                if (unit.Municipality == municipality && types.Any(t => unit.Id.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
                {
                    wanted.Add(unit);
                }
            }
        }
        catch (JsonException exception)
        {
            return new KoladaImportReport(0, 0, 0, [$"Filen är inte Koladas enhetsregister i JSON (rad {exception.LineNumber + 1}): {exception.Message}"]);
        }

        var ids = wanted.Select(u => u.Id.ToUpperInvariant()).ToList();
        var existing = await db.Units.IgnoreQueryFilters().Include(u => u.ChoiceSystems)
            .Where(u => u.KoladaId != null && ids.Contains(u.KoladaId)).ToDictionaryAsync(u => u.KoladaId!, cancellationToken);
        int added = 0, updated = 0, skipped = 0;
        foreach (var source in wanted)
        {
            var id = source.Id.ToUpperInvariant();
            var choice = choiceFor[types.First(t => id.StartsWith(t, StringComparison.Ordinal))];
            var name = source.Title.Trim();
            if (!existing.TryGetValue(id, out var unit))
            {
                unit = new Unit { Name = name, KoladaId = id, Ownership = Ownership.Private };
                unit.ChoiceSystems.Add(choice);
                db.Units.Add(unit);
                existing[id] = unit;
                added++;
                continue;
            }
            var changed = false;
            if (unit.Name != name)
            {
                unit.Name = name;
                changed = true;
            }
            if (unit.ChoiceSystems.All(c => c.Id != choice.Id))
            {
                unit.ChoiceSystems.Add(choice);
                changed = true;
            }
            if (changed)
            {
                updated++;
            }
            else
            {
                skipped++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new KoladaImportReport(added, updated, skipped, []);
    }
}
