using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Register;

/// <summary>
/// What the register says of a unit's risk (<see cref="RiskSignalKind.NewProvider"/>): its provider's earliest authorisation or
/// agreement (from the day it is valid, else the day it was decided) is within the last two years. An in-house unit and a unit
/// of an in-house provider are never a new provider's. One query, of the units' providers that are new.
/// </summary>
public sealed class RegisterRiskSignals(AppDbContext db) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var providerIds = units.Where(u => u.Ownership != Ownership.InHouse).Select(u => u.ProviderId).Distinct().ToList();
        if (providerIds.Count == 0)
        {
            return [];
        }
        var since = today.AddYears(-2);
        var newProviders = await db.Providers.AsNoTracking()
            .Where(p => providerIds.Contains(p.Id) && p.Ownership != Ownership.InHouse)
            .Select(p => new
            {
                p.Id,
                p.Name,
                First = db.Authorisations.Where(a => a.ProviderId == p.Id && (a.ValidFrom != null || a.DecidedOn != null))
                    .Min(a => a.ValidFrom ?? a.DecidedOn),
            })
            .Where(p => p.First > since)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. units.Where(u => u.Ownership != Ownership.InHouse)
            .Select(u => (Unit: u, Provider: newProviders.GetValueOrDefault(u.ProviderId)))
            .Where(u => u.Provider is not null)
            .Select(u => new RiskSignal(u.Unit.Id, RiskSignalKind.NewProvider, 1,
                $"Anordnaren är ny: den första auktorisationen eller det första avtalet är från {SwedishWording.Date(u.Provider!.First!.Value)}.",
                u.Provider.Name, $"/Register/Providers/Details/{u.Provider.Id}"))];
    }
}
