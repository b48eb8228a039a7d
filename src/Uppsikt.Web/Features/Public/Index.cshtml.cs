using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Public;

/// <summary>What anyone may read: running choice systems and the units of providers authorised in them.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record PublicUnit(string Name, string? ProviderName, Ownership Ownership, string? City);

    public sealed record PublicChoiceSystem(string Name, List<PublicUnit> Units);

    public sealed record PublicCommittee(Guid Id, string Name, List<PublicChoiceSystem> ChoiceSystems);

    public IReadOnlyList<PublicCommittee> Committees { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        // Explicitly published data only, whoever is signed in: running choice systems, open units, active authorisations.
        var choices = await db.ChoiceSystems.AsNoTracking()
            .Where(c => c.PhasedOutOn == null || c.PhasedOutOn > today)
            .Select(c => new { c.Id, c.Name, c.CommitteeId, Committee = c.Committee!.Name })
            .ToListAsync(cancellationToken);
        var units = await (
                from link in db.Set<Dictionary<string, object>>("UnitChoiceSystems")
                join unit in db.Units on EF.Property<Guid>(link, "UnitId") equals unit.Id
                join provider in db.Providers on unit.ProviderId equals provider.Id
                let choiceSystemId = EF.Property<Guid>(link, "ChoiceSystemsId")
                where unit.ClosedOn == null
                    && db.Authorisations.Any(a => a.ProviderId == provider.Id && a.ChoiceSystemId == choiceSystemId && a.Status == AuthorisationStatus.Active)
                select new { ChoiceSystemId = choiceSystemId, unit.Name, Provider = provider.Name, unit.Ownership, unit.City })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var swedish = StringComparer.Create(Infrastructure.SwedishText.Culture, false);
        var unitsByChoice = units.ToLookup(u => u.ChoiceSystemId);
        Committees = [.. choices.GroupBy(c => (c.CommitteeId, c.Committee)).OrderBy(g => g.Key.Committee, swedish)
            .Select(g => new PublicCommittee(g.Key.CommitteeId, g.Key.Committee,
                [.. g.OrderBy(c => c.Name, swedish).Select(c => new PublicChoiceSystem(c.Name,
                    [.. unitsByChoice[c.Id].OrderBy(u => u.Name, swedish).Select(u => new PublicUnit(u.Name, u.Provider, u.Ownership, u.City))]))]))];
    }
}
