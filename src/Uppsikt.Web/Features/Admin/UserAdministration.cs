using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Admin;

public sealed record NewUser(string? Email, string? DisplayName, string? Role, string? Password, string? ProviderOrganisationNumber,
    Guid? AdministrationId, DateOnly? AccessExpiresOn);

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? ProviderName, DateOnly? AccessExpiresOn, bool LockedOut);

/// <summary>Creates and lists accounts; the admin pages and the <c>create-user</c> verb both call it.</summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Creates the account. When no password is given one is generated and returned.</summary>
    public async Task<(AppUser? User, string? Password, IReadOnlyDictionary<string, string[]> Errors)> CreateAsync(NewUser input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var email = check.Required(nameof(NewUser.Email), "e-postadress", input.Email, 254);
        var name = check.Required(nameof(NewUser.DisplayName), "namn", input.DisplayName);
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, input.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            check.Add(nameof(NewUser.Role), $"Välj en roll: {string.Join(", ", Roles.All)}.");
        }
        Guid? providerId = null;
        if (role == Roles.ProviderUser)
        {
            if (!OrganisationNumber.TryParse(input.ProviderOrganisationNumber, out var number, out var error))
            {
                check.Add(nameof(NewUser.ProviderOrganisationNumber), "En anordnaranvändare behöver sin anordnares organisationsnummer. " + error);
            }
            else
            {
                providerId = await db.Providers.Where(p => p.OrganisationNumber == number.Value).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
                if (providerId is null)
                {
                    check.Add(nameof(NewUser.ProviderOrganisationNumber), $"Det finns ingen anordnare med organisationsnummer {number.Value}.");
                }
            }
        }
        if (role == Roles.DistrictFollowUp)
        {
            if (input.AdministrationId is not { } aid || !await db.Administrations.AnyAsync(a => a.Id == aid, cancellationToken))
            {
                check.Add(nameof(NewUser.AdministrationId), "En uppföljare på stadsdelsförvaltning behöver sin förvaltning.");
            }
        }
        if (!check.IsValid)
        {
            return (null, null, check.Errors);
        }

        var password = string.IsNullOrEmpty(input.Password) ? GeneratePassword() : input.Password;
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            ProviderId = providerId,
            AdministrationId = role == Roles.DistrictFollowUp ? input.AdministrationId : null,
            AccessExpiresOn = input.AccessExpiresOn,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await roles.RoleExistsAsync(role!))
        {
            await roles.CreateAsync(new IdentityRole(role!));
        }
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role!);
        }
        if (!created.Succeeded)
        {
            return (null, null, new Dictionary<string, string[]>
            {
                [created.Errors.Any(e => e.Code.Contains("Password", StringComparison.Ordinal)) ? nameof(NewUser.Password) : nameof(NewUser.Email)] =
                    [.. created.Errors.Select(e => e.Description)],
            });
        }
        await transaction.CommitAsync(cancellationToken);
        return (user, string.IsNullOrEmpty(input.Password) ? password : null, new Dictionary<string, string[]>());
    }

    public async Task<List<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.AccessExpiresOn,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Provider = db.Providers.Where(p => p.Id == u.ProviderId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.Roles, u.Provider, u.AccessExpiresOn, u.LockoutEnd > now))];
    }

    /// <summary>
    /// A temporary password that always meets the password policy: upper and lower case from the prefix,
    /// 20 random base64 characters, and a digit guaranteed by the suffix (base64 alone lacks one in about 3 % of draws).
    /// </summary>
    internal static string GeneratePassword() =>
        "Upp-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y')
        + "-" + RandomNumberGenerator.GetInt32(0, 10).ToString(CultureInfo.InvariantCulture);
}
