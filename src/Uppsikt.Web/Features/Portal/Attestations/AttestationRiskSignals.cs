using Uppsikt.Domain;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>
/// What the attestations say of a unit's risk (<see cref="RiskSignalKind.MissingAttestation"/>): in the latest round whose last
/// day has passed, the unit's provider was expected to attest a choice system the unit serves (it holds an active authorisation
/// in it, as the round's status says) and has not. Two queries: the round, and what is missing of the units' providers.
/// </summary>
public sealed class AttestationRiskSignals(AttestationsHandler attestations) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        if (units.Count == 0 || await attestations.MissingInLatestPastDueAsync([.. units.Select(u => u.ProviderId).Distinct()], today, cancellationToken)
            is not var (round, missing))
        {
            return [];
        }
        var byProvider = missing.ToLookup(e => e.ProviderId);
        var signals = new List<RiskSignal>();
        foreach (var unit in units)
        {
            var ofUnit = byProvider[unit.ProviderId].Where(e => unit.ChoiceSystemIds.Contains(e.ChoiceSystemId))
                .Select(e => $"”{e.ChoiceSystemName}”").Order(StringComparer.Ordinal).ToList();
            if (ofUnit.Count > 0)
            {
                signals.Add(new RiskSignal(unit.Id, RiskSignalKind.MissingAttestation, 1,
                    $"Egenintygandet {round.Year} saknas för {string.Join(", ", ofUnit)}; sista dagen var {SwedishWording.Date(round.DueOn)}.",
                    $"Egenintygande {round.Year}", $"/Portal/Attestations/Round/{round.Id}"));
            }
        }
        return signals;
    }
}
