using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Portal;

/// <summary>Who is told by e-mail when something happens in a provider's portal: the other side from the one who wrote.</summary>
public sealed class PortalRecipients(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>The municipality's side of the portal: its quality developers.</summary>
    public async Task<List<string>> MunicipalAsync() =>
        [.. (await users.GetUsersInRoleAsync(Roles.QualityDeveloper)).Select(u => u.Email).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The provider's users whose access has not expired.</summary>
    public async Task<List<string>> ProviderAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        return await db.Users.AsNoTracking()
            .Where(u => u.ProviderId == providerId && u.Email != null && (u.AccessExpiresOn == null || u.AccessExpiresOn >= today))
            .OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(cancellationToken);
    }
}
