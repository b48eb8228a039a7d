using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Units;

/// <summary>A unit in a list. Built with an object initialiser, not a constructor, so that EF Core can sort by its properties in SQL.</summary>
public sealed record UnitRow
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? ProviderName { get; init; }
    public Ownership Ownership { get; init; }
    public string? City { get; init; }
    public int? Capacity { get; init; }
    public string? KoladaId { get; init; }
    public bool Closed { get; init; }
}

public sealed record UnitDetails(
    Guid Id, string Name, Guid? ProviderId, string? ProviderName, Ownership Ownership, string? StreetAddress, string? PostalCode,
    string? City, int? Capacity, string? KoladaId, Guid? AdministrationId, string? AdministrationName, DateOnly? ClosedOn,
    IReadOnlyList<ChoiceSystemRef> ChoiceSystems, int Version, string? ResponsibleUserId = null, string? ResponsibleName = null);

public sealed record ChoiceSystemRef(Guid Id, string Name);

/// <summary>What a person or integration sends to create or change a unit.</summary>
public sealed record UnitInput(
    string? Name, Guid? ProviderId, Ownership? Ownership, string? StreetAddress, string? PostalCode, string? City,
    int? Capacity, string? KoladaId, Guid? AdministrationId, DateOnly? ClosedOn, IReadOnlyList<Guid>? ChoiceSystemIds, int Version = 0,
    string? ResponsibleUserId = null);

/// <summary>Reads and writes units; the pages and <c>/api/v1/units</c> both call it.</summary>
public sealed class UnitsHandler(AppDbContext db, RegisterLookups lookups)
{
    public static readonly SortColumns<UnitRow> Sort = new SortColumns<UnitRow>("name")
        .Add("name", u => u.Name)
        .Add("provider", u => u.ProviderName)
        .Add("city", u => u.City)
        .Add("capacity", u => u.Capacity);

    public Task<PagedList<UnitRow>> ListAsync(ListQuery list, Guid? providerId, Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        var units = db.Units.AsNoTracking().Matching(list.Search);
        if (providerId is { } pid)
        {
            units = units.Where(u => u.ProviderId == pid);
        }
        if (choiceSystemId is { } cid)
        {
            units = units.Where(u => u.ChoiceSystems.Any(c => c.Id == cid));
        }
        return units
            .Select(u => new UnitRow
            {
                Id = u.Id,
                Name = u.Name,
                ProviderName = u.Provider != null ? u.Provider.Name : null,
                Ownership = u.Ownership,
                City = u.City,
                Capacity = u.Capacity,
                KoladaId = u.KoladaId,
                Closed = u.ClosedOn != null,
            })
            .ToPageAsync(list, Sort, u => u.Id, cancellationToken);
    }

    public Task<UnitDetails?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UnitDetails(
                u.Id, u.Name, u.ProviderId, u.Provider != null ? u.Provider.Name : null, u.Ownership, u.StreetAddress, u.PostalCode,
                u.City, u.Capacity, u.KoladaId, u.AdministrationId, u.Administration != null ? u.Administration.Name : null, u.ClosedOn,
                u.ChoiceSystems.OrderBy(c => c.Name).Select(c => new ChoiceSystemRef(c.Id, c.Name)).ToList(), u.Version,
                u.ResponsibleUserId, db.Users.Where(p => p.Id == u.ResponsibleUserId).Select(p => p.DisplayName).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SaveResult> SaveAsync(Guid? id, UnitInput input, CancellationToken cancellationToken)
    {
        var unit = id is null ? null : await db.Units.Include(u => u.ChoiceSystems).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (id is not null && unit is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        var name = check.Required(nameof(UnitInput.Name), "enhetens namn", input.Name);
        if (input.ProviderId is null)
        {
            check.Add(nameof(UnitInput.ProviderId), "Välj anordnare.");
        }
        else if (!await db.Providers.AnyAsync(p => p.Id == input.ProviderId, cancellationToken))
        {
            check.Add(nameof(UnitInput.ProviderId), "Anordnaren finns inte.");
        }
        if (input.Ownership is not { } ownership || !Enum.IsDefined(ownership))
        {
            check.Add(nameof(UnitInput.Ownership), "Välj regiform.");
        }
        if (input.Capacity is < 0 or > 100_000)
        {
            check.Add(nameof(UnitInput.Capacity), "Kapaciteten ska vara ett heltal mellan 0 och 100 000.");
        }
        var koladaId = check.Optional(nameof(UnitInput.KoladaId), "Kolada-id", input.KoladaId, 20)?.ToUpperInvariant();
        if (koladaId is not null && await db.Units.IgnoreQueryFilters().AnyAsync(u => u.KoladaId == koladaId && u.Id != id, cancellationToken))
        {
            check.Add(nameof(UnitInput.KoladaId), $"Kolada-id {koladaId} används redan av en annan enhet.");
        }
        if (input.AdministrationId is { } aid && !await db.Administrations.AnyAsync(a => a.Id == aid, cancellationToken))
        {
            check.Add(nameof(UnitInput.AdministrationId), "Förvaltningen finns inte.");
        }
        var responsible = string.IsNullOrWhiteSpace(input.ResponsibleUserId) ? null : input.ResponsibleUserId.Trim();
        if (responsible is not null && !await lookups.ResponsiblePeople().AnyAsync(p => p.Id == responsible, cancellationToken))
        {
            check.Add(nameof(UnitInput.ResponsibleUserId), "Den ansvariga ska vara en kvalitetsutvecklare eller uppföljare i stadsdel.");
        }
        var choiceIds = (input.ChoiceSystemIds ?? []).Distinct().ToList();
        var choices = await db.ChoiceSystems.Where(c => choiceIds.Contains(c.Id)).ToListAsync(cancellationToken);
        if (choices.Count != choiceIds.Count)
        {
            check.Add(nameof(UnitInput.ChoiceSystemIds), "Ett av de valda kundvalen finns inte.");
        }
        var street = check.Optional(nameof(UnitInput.StreetAddress), "gatuadress", input.StreetAddress);
        var postalCode = check.Optional(nameof(UnitInput.PostalCode), "postnummer", input.PostalCode, 10);
        var city = check.Optional(nameof(UnitInput.City), "ort", input.City, 100);
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (unit is null)
        {
            unit = new Unit { Name = name };
            db.Units.Add(unit);
        }
        else
        {
            db.ExpectVersion(unit, input.Version);
        }
        unit.Name = name;
        unit.ProviderId = input.ProviderId;
        unit.Ownership = input.Ownership!.Value;
        unit.StreetAddress = street;
        unit.PostalCode = postalCode;
        unit.City = city;
        unit.Capacity = input.Capacity;
        unit.KoladaId = koladaId;
        unit.AdministrationId = input.AdministrationId;
        unit.ClosedOn = input.ClosedOn;
        unit.ResponsibleUserId = responsible;
        unit.ChoiceSystems.RemoveAll(c => !choiceIds.Contains(c.Id));
        unit.ChoiceSystems.AddRange(choices.Where(c => unit.ChoiceSystems.All(existing => existing.Id != c.Id)));
        return await db.SaveOrConflictAsync(unit.Id, cancellationToken);
    }
}
