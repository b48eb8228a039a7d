using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests.Access;

/// <summary>Provider B, whose data provider user A tries to reach: its ids to aim at and every name that must not show.</summary>
public sealed record Victim(
    string ProviderName,
    Guid ProviderId,
    string OrganisationNumber,
    Guid UnitId,
    string UnitName,
    int UnitVersion,
    Guid AuthorisationId,
    Guid ChoiceSystemId,
    Guid CommitteeId,
    Guid ServiceId,
    Guid LevelId,
    Guid PersonId,
    Guid SubcontractorId,
    Guid ApiTokenId,
    IReadOnlyList<Guid> EntityIds,
    IReadOnlyList<string> Names)
{
    /// <summary>Loads provider <paramref name="providerName"/> and gives its user an API token, so there is one to aim at.</summary>
    public static async Task<Victim> LoadAsync(UppsiktApp app, string providerName, string userEmail)
    {
        var tokenName = $"Integration för {providerName}";
        var (tokenId, _) = await app.CreateApiTokenAsync(userEmail, tokenName);
        return await app.WithDbAsync(async db =>
        {
            var provider = await db.Providers.AsNoTracking().Include(p => p.People).Include(p => p.Subcontractors)
                .SingleAsync(p => p.Name == providerName);
            var units = await db.Units.AsNoTracking().Where(u => u.ProviderId == provider.Id).OrderBy(u => u.Name).ToListAsync();
            var authorisations = await db.Authorisations.AsNoTracking().Where(a => a.ProviderId == provider.Id).ToListAsync();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == userEmail);
            var choiceSystem = await db.ChoiceSystems.AsNoTracking().Include(c => c.Services)
                .SingleAsync(c => c.Id == authorisations[0].ChoiceSystemId);
            var levelId = await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Code).Select(l => l.Id).FirstAsync();
            string?[] names =
            [
                provider.Name, provider.OrganisationNumber, provider.Email, provider.ParentCompanyName, provider.ParentCompanyOrganisationNumber,
                provider.PreparednessNotes, user.Email, user.DisplayName, tokenName,
                .. units.Select(u => u.Name), .. authorisations.Select(a => a.CaseNumber),
                .. provider.People.Select(p => p.Name), .. provider.Subcontractors.Select(s => s.Name),
            ];
            return new Victim(
                provider.Name, provider.Id, provider.OrganisationNumber, units[0].Id, units[0].Name, units[0].Version, authorisations[0].Id,
                choiceSystem.Id, choiceSystem.CommitteeId, choiceSystem.Services[0].Id, levelId,
                provider.People.OrderBy(p => p.Name).First().Id, provider.Subcontractors.OrderBy(s => s.Name).First().Id, tokenId,
                [provider.Id, tokenId, .. units.Select(u => u.Id), .. authorisations.Select(a => a.Id),
                    .. provider.People.Select(p => p.Id), .. provider.Subcontractors.Select(s => s.Id)],
                [.. names.OfType<string>().Where(n => n.Length > 0).Distinct()]);
        });
    }

    /// <summary>Everything of B that a write could change, as one comparable text.</summary>
    public Task<string> FingerprintAsync(UppsiktApp app) => app.WithDbAsync(async db =>
    {
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == ProviderId).Select(p => $"{p.Name}:{p.Version}").SingleAsync();
        var units = await db.Units.AsNoTracking().Where(u => u.ProviderId == ProviderId).OrderBy(u => u.Id)
            .Select(u => $"{u.Id}:{u.Name}:{u.Version}").ToListAsync();
        var authorisations = await db.Authorisations.AsNoTracking().Where(a => a.ProviderId == ProviderId).OrderBy(a => a.Id)
            .Select(a => $"{a.Id}:{a.Status}:{a.Version}").ToListAsync();
        var people = await db.ProviderPeople.AsNoTracking().Where(p => p.ProviderId == ProviderId).OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Version}").ToListAsync();
        var users = await db.Users.AsNoTracking().Where(u => u.ProviderId == ProviderId).OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.ConcurrencyStamp}").ToListAsync();
        var token = await db.ApiTokens.AsNoTracking().Where(t => t.Id == ApiTokenId).Select(t => t.RevokedAt == null ? "valid" : "revoked").SingleAsync();
        return string.Join(Environment.NewLine, [provider, .. units, .. authorisations, .. people, .. users, token]);
    });

    /// <summary>Audit rows written after <paramref name="lastAuditId"/> that touch B: the trace any successful write would leave.</summary>
    public Task<List<string>> AuditedChangesSinceAsync(UppsiktApp app, long lastAuditId) => app.WithDbAsync(async db =>
    {
        var ids = EntityIds.Select(id => id.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var provider = ProviderId.ToString();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAuditId).ToListAsync();
        return rows.Where(a => ids.Contains(a.EntityId)
                || (a.Before?.Contains(provider, StringComparison.OrdinalIgnoreCase) ?? false)
                || (a.After?.Contains(provider, StringComparison.OrdinalIgnoreCase) ?? false))
            .Select(a => $"audit row {a.Id}: {a.ActorName} {a.Action} {a.EntityType} {a.EntityId}")
            .ToList();
    });

    /// <summary>A search that finds B's first unit, short of its whole name: a page that echoes the search is not showing the unit.</summary>
    public string UnitSearch => UnitName[..^1];

    public IReadOnlyList<string> NamesIn(string text) => [.. Names.Where(n => text.Contains(n, StringComparison.Ordinal))];
}
