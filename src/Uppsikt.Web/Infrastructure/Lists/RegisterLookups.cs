using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;

namespace Uppsikt.Web.Infrastructure.Lists;

/// <summary>
/// Choices of register data for any feature's forms and filters: providers, administrations, committees, choice systems and
/// the people responsible for units, by name. The ids are written as text in memory, not in SQL: SQLite keeps a Guid as upper-case text, so an id written
/// there would not match the lower-case id in a URL or a bound form value.
/// </summary>
public sealed class RegisterLookups(AppDbContext db)
{
    private sealed record Option(string Text, Guid Id);

    private static async Task<List<SelectListItem>> OptionsAsync(IQueryable<Option> options, CancellationToken cancellationToken) =>
        [.. (await options.ToListAsync(cancellationToken)).Select(o => new SelectListItem(o.Text, o.Id.ToString()))];

    public async Task<List<SelectListItem>> ProvidersAsync(CancellationToken cancellationToken) =>
        await OptionsAsync(db.Providers.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new Option(p.Name + " (" + p.OrganisationNumber + ")", p.Id)), cancellationToken);

    public async Task<List<SelectListItem>> AdministrationsAsync(CancellationToken cancellationToken) =>
        await OptionsAsync(db.Administrations.AsNoTracking().OrderBy(a => a.Name).Select(a => new Option(a.Name, a.Id)), cancellationToken);

    public async Task<List<SelectListItem>> CommitteesAsync(CancellationToken cancellationToken) =>
        await OptionsAsync(db.Committees.AsNoTracking().OrderBy(c => c.Name).Select(c => new Option(c.Name, c.Id)), cancellationToken);

    public async Task<List<SelectListItem>> ChoiceSystemsAsync(CancellationToken cancellationToken) =>
        await OptionsAsync(db.ChoiceSystems.AsNoTracking().OrderBy(c => c.Committee!.Name).ThenBy(c => c.Name)
            .Select(c => new Option(c.Name + (c.PhasedOutOn != null ? " (avvecklat)" : ""), c.Id)), cancellationToken);

    /// <summary>
    /// The units a committee follows up: the open units with a provider in its running choice systems. Asked as the units among
    /// those the committee's choice systems list (<c>IN</c>) rather than, for every unit, whether one of its choice systems is
    /// the committee's (<c>EXISTS</c>), which made SQLite test all the municipality's units (30 ms against 3 ms at 6,000 units).
    /// </summary>
    public IQueryable<Unit> UnitsFollowedUpBy(Guid committeeId, DateOnly today)
    {
        var inCommittee = db.Units.SelectMany(
            u => u.ChoiceSystems.Where(c => c.CommitteeId == committeeId && (c.PhasedOutOn == null || c.PhasedOutOn > today)), (u, _) => u.Id);
        return db.Units.Where(u => u.ClosedOn == null && u.ProviderId != null && inCommittee.Contains(u.Id));
    }

    /// <summary>The committee asked for, or the first by name when none is (a page's default); null when it does not exist.</summary>
    public async Task<(Guid Id, string Name)?> CommitteeOrFirstAsync(Guid? committeeId, CancellationToken cancellationToken)
    {
        var committees = db.Committees.AsNoTracking();
        var committee = await (committeeId is { } id ? committees.Where(c => c.Id == id) : committees.OrderBy(c => c.Name))
            .Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(cancellationToken);
        return committee is null ? null : (committee.Id, committee.Name);
    }

    /// <summary>A committee's choice systems, by name.</summary>
    public async Task<List<SelectListItem>> ChoiceSystemsOfAsync(Guid committeeId, CancellationToken cancellationToken) =>
        await OptionsAsync(db.ChoiceSystems.AsNoTracking().Where(c => c.CommitteeId == committeeId).OrderBy(c => c.Name)
            .Select(c => new Option(c.Name + (c.PhasedOutOn != null ? " (avvecklat)" : ""), c.Id)), cancellationToken);

    /// <summary>Marks the option of <paramref name="id"/> as chosen, and no other.</summary>
    public static void MarkSelected(List<SelectListItem> options, Guid? id)
    {
        var chosen = id?.ToString();
        foreach (var option in options)
        {
            option.Selected = option.Value == chosen;
        }
    }

    /// <summary>The people who can be responsible for a unit's follow-up: quality developers and district follow-up officers.</summary>
    public IQueryable<AppUser> ResponsiblePeople() =>
        from user in db.Users
        where db.UserRoles.Any(ur => ur.UserId == user.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.QualityDeveloper || r.Name == Roles.DistrictFollowUp)))
        select user;

    public async Task<List<SelectListItem>> ResponsiblePeopleAsync(CancellationToken cancellationToken) =>
        [.. (await ResponsiblePeople().AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => new SelectListItem(u.DisplayName, u.Id))];
}
