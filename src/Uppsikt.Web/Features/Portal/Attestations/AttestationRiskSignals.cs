using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>
/// What the attestations say of a unit's risk (<see cref="RiskSignalKind.MissingAttestation"/>): in the latest round whose last
/// day has passed, the unit's provider was expected to attest a choice system the unit serves (it holds an active authorisation
/// in it, as the round's status says) and has not. Three queries: the round, what is missing of the units' providers, and the units.
/// </summary>
public sealed class AttestationRiskSignals(AttestationsHandler attestations) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IQueryable<Unit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var status = await attestations.MissingInLatestPastDueAsync(units, today, cancellationToken);
        var missing = (status?.Missing ?? []).ToLookup(e => e.ProviderId);
        var unitRows = await units.Where(u => u.ProviderId != null)
            .Select(u => new { u.Id, u.ProviderId, ChoiceSystems = u.ChoiceSystems.Select(c => c.Id).ToList() })
            .ToListAsync(cancellationToken);
        var signals = new List<RiskSignal>();
        foreach (var unit in unitRows)
        {
            var ofUnit = missing[unit.ProviderId!.Value].Where(e => unit.ChoiceSystems.Contains(e.ChoiceSystemId))
                .Select(e => $"”{e.ChoiceSystemName}”").Order(StringComparer.Ordinal).ToList();
            if (ofUnit.Count > 0)
            {
                var round = status!.Value.Round;
                signals.Add(new RiskSignal(unit.Id, RiskSignalKind.MissingAttestation, 1,
                    $"Egenintygandet {round.Year} saknas för {string.Join(", ", ofUnit)}; sista dagen var {SwedishWording.Date(round.DueOn)}.",
                    $"Egenintygande {round.Year}", $"/Portal/Attestations/Round/{round.Id}"));
            }
        }
        return signals;
    }
}
