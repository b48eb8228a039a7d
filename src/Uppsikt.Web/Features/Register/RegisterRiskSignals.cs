using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Register;

/// <summary>
/// What the register says of a unit's risk (<see cref="RiskSignalKind.NewProvider"/>): its provider's earliest authorisation or
/// agreement (from the day it is valid, else the day it was decided) is within the last two years. An in-house unit, a unit of
/// an in-house provider and a unit without a provider are never a new provider's. One query.
/// </summary>
public sealed class RegisterRiskSignals(AppDbContext db) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IQueryable<Unit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var since = today.AddYears(-2);
        var rows = await units
            .Where(u => u.ProviderId != null && u.Ownership != Ownership.InHouse && u.Provider!.Ownership != Ownership.InHouse)
            .Select(u => new
            {
                u.Id,
                ProviderId = u.ProviderId!.Value,
                ProviderName = u.Provider!.Name,
                First = db.Authorisations.Where(a => a.ProviderId == u.ProviderId && (a.ValidFrom != null || a.DecidedOn != null))
                    .Min(a => a.ValidFrom ?? a.DecidedOn),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.First > since).Select(r => new RiskSignal(r.Id, RiskSignalKind.NewProvider, 1,
            $"Anordnaren är ny: den första auktorisationen eller det första avtalet är från {SwedishWording.Date(r.First!.Value)}.",
            r.ProviderName, $"/Register/Providers/Details/{r.ProviderId}"))];
    }
}
