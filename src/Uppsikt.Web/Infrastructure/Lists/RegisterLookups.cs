using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Lists;

/// <summary>
/// Choices of register data for any feature's forms and filters: providers, administrations, committees and choice systems,
/// by name.
/// </summary>
public sealed class RegisterLookups(AppDbContext db)
{
    public async Task<List<SelectListItem>> ProvidersAsync(CancellationToken cancellationToken) =>
        await db.Providers.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name + " (" + p.OrganisationNumber + ")", p.Id.ToString())).ToListAsync(cancellationToken);

    public async Task<List<SelectListItem>> AdministrationsAsync(CancellationToken cancellationToken) =>
        await db.Administrations.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync(cancellationToken);

    public async Task<List<SelectListItem>> CommitteesAsync(CancellationToken cancellationToken) =>
        await db.Committees.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(cancellationToken);

    public async Task<List<SelectListItem>> ChoiceSystemsAsync(CancellationToken cancellationToken) =>
        await db.ChoiceSystems.AsNoTracking().OrderBy(c => c.Committee!.Name).ThenBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name + (c.PhasedOutOn != null ? " (avvecklat)" : ""), c.Id.ToString())).ToListAsync(cancellationToken);
}
