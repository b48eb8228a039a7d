using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Risk;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>
/// What the sanctions say of a unit's risk: the sanctions the committee decided in the last twelve months
/// (<see cref="RiskSignalKind.SanctionsInForce"/>; a proposal, or one the committee did not decide, is no signal). One query;
/// the signal links to the sanction when there is one, else to the unit's decided sanctions.
/// </summary>
public sealed class SanctionRiskSignals(AppDbContext db) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var unitIds = units.Select(u => u.Id).ToList();
        var since = today.AddMonths(-12);
        var decided = await db.Sanctions.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && s.State == SanctionState.Decided && s.DecidedOn > since)
            .Select(s => new { s.Id, s.UnitId, s.Title, DecidedOn = s.DecidedOn!.Value, s.DecidedType })
            .ToListAsync(cancellationToken);
        return [.. decided.GroupBy(s => s.UnitId).Select(unit =>
        {
            var sanctions = unit.OrderByDescending(s => s.DecidedOn).ThenBy(s => s.Id).ToList();
            var latest = sanctions[0];
            var type = latest.DecidedType is { } t ? t.Name() : "sanktion";
            return sanctions.Count == 1
                ? new RiskSignal(unit.Key, RiskSignalKind.SanctionsInForce, 1,
                    $"Nämnden beslutade {SwedishWording.Date(latest.DecidedOn)} om {type.ToLower(SwedishText.Culture)}.", latest.Title,
                    SanctionsHandler.Url(latest.Id))
                : new RiskSignal(unit.Key, RiskSignalKind.SanctionsInForce, sanctions.Count,
                    $"{sanctions.Count} sanktioner beslutade senaste 12 månaderna, den senaste {SwedishWording.Date(latest.DecidedOn)} "
                    + $"({type.ToLower(SwedishText.Culture)}).", null, $"/Sanctions?UnitId={unit.Key}&State={SanctionState.Decided}");
        })];
    }
}
