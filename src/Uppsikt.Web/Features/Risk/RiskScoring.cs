using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Risk;

/// <summary>One unit in a committee's ranking: its score, its rank and what weighs most.</summary>
public sealed record RankingRow
{
    public required Guid UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string ProviderName { get; init; }
    public required Ownership Ownership { get; init; }
    public string? AdministrationName { get; init; }
    public required decimal Score { get; init; }

    /// <summary>1 for the highest score; equal scores share the rank.</summary>
    public required int Rank { get; init; }

    /// <summary>The largest contributions, for the list; the unit's page lists them all.</summary>
    public required IReadOnlyList<RiskContribution> Top { get; init; }
}

/// <summary>Whose ranking: a committee's units, optionally of one choice system or one district administration.</summary>
public sealed record RankingFilter(Guid? CommitteeId, Guid? ChoiceSystemId = null, Guid? AdministrationId = null);

/// <summary>A committee's ranking, the highest score first, with the committee it is for.</summary>
public sealed record CommitteeRanking(Guid CommitteeId, string CommitteeName, IReadOnlyList<RankingRow> Rows);

/// <summary>A unit's score under one committee's weights, contribution by contribution.</summary>
public sealed record CommitteeScore(Guid CommitteeId, string CommitteeName, decimal Total, IReadOnlyList<RiskContribution> Contributions);

/// <summary>A unit's risk as its page explains it: under each committee whose choice systems it serves.</summary>
public sealed record UnitRisk(Guid UnitId, string UnitName, string? ProviderName, DateOnly On, IReadOnlyList<CommitteeScore> Scores);

/// <summary>
/// Scores units (decision 0031): gathers every feature's signals (<see cref="IRiskSignalSource"/>) once, weighs them with each
/// committee's weights and explains each score by its contributions (<see cref="RiskScorer"/>). A fixed number of queries
/// whatever the number of units: the units are read once and each source answers for all of them at once.
/// </summary>
public sealed class RiskScoring(AppDbContext db, RiskSignalReader signals, RegisterLookups lookups, TimeProvider clock)
{
    public static readonly SortColumns<RankingRow> Sort = new SortColumns<RankingRow>("rank")
        .Add("rank", r => r.Rank)
        .Add("score", r => r.Score)
        .Add("unit", r => r.UnitName)
        .Add("provider", r => r.ProviderName)
        .Add("administration", r => r.AdministrationName);

    /// <summary>The committee's weight for each signal: its own where set, else the default.</summary>
    public async Task<IReadOnlyDictionary<RiskSignalKind, decimal>> WeightsAsync(Guid committeeId, CancellationToken cancellationToken) =>
        (await WeightsAsync([committeeId], cancellationToken))[committeeId];

    /// <summary>Each committee's weight for each signal, as <see cref="WeightsAsync(Guid, CancellationToken)"/>, in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<RiskSignalKind, decimal>>> WeightsAsync(
        IReadOnlyCollection<Guid> committeeIds, CancellationToken cancellationToken)
    {
        var own = (await db.RiskWeights.AsNoTracking().Where(w => committeeIds.Contains(w.CommitteeId))
            .Select(w => new { w.CommitteeId, w.Kind, w.Weight }).ToListAsync(cancellationToken)).ToLookup(w => w.CommitteeId);
        return committeeIds.Distinct().ToDictionary(id => id, IReadOnlyDictionary<RiskSignalKind, decimal> (id) =>
        {
            var set = own[id].ToDictionary(w => w.Kind, w => w.Weight);
            return RiskSignals.All.ToDictionary(k => k, k => set.TryGetValue(k, out var weight) ? weight : RiskSignals.DefaultWeight(k));
        });
    }

    /// <summary>The units' scores under the committee's weights; a unit without any signal has none (a score of 0).</summary>
    public async Task<IReadOnlyDictionary<Guid, UnitRiskScore>> ScoreAsync(IReadOnlyList<RiskUnit> units, Guid committeeId, DateOnly today, CancellationToken cancellationToken)
    {
        var weights = await WeightsAsync(committeeId, cancellationToken);
        return RiskScorer.Score(await signals.SignalsAsync(units, today, cancellationToken), kind => weights[kind]);
    }

    /// <summary>The committee's units ranked by score, the highest first; null when the committee does not exist.</summary>
    public async Task<CommitteeRanking?> RankingAsync(RankingFilter filter, CancellationToken cancellationToken)
    {
        if (await lookups.CommitteeOrFirstAsync(filter.CommitteeId, cancellationToken) is not { } committee)
        {
            return null;
        }
        var today = clock.SwedishToday();
        var units = lookups.UnitsFollowedUpBy(committee.Id, today);
        if (filter.ChoiceSystemId is { } choiceSystemId)
        {
            units = units.Where(u => u.ChoiceSystems.Any(c => c.Id == choiceSystemId));
        }
        if (filter.AdministrationId is { } administrationId)
        {
            units = units.Where(u => u.AdministrationId == administrationId);
        }
        var rows = await units.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                u.Name,
                ProviderName = u.Provider!.Name,
                u.Ownership,
                AdministrationName = u.Administration != null ? u.Administration.Name : null,
            })
            .ToListAsync(cancellationToken);
        var scores = await ScoreAsync(await signals.RiskUnitsAsync(units, cancellationToken), committee.Id, today, cancellationToken);
        var scored = rows.Select(u => (Unit: u, Score: scores.GetValueOrDefault(u.Id)))
            .OrderByDescending(u => u.Score?.Total ?? 0).ThenBy(u => u.Unit.Name, StringComparer.CurrentCulture).ThenBy(u => u.Unit.Id).ToList();
        var ranked = new List<RankingRow>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (unit, score) = scored[i];
            var total = score?.Total ?? 0;
            var rank = i > 0 && ranked[i - 1].Score == total ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankingRow
            {
                UnitId = unit.Id,
                UnitName = unit.Name,
                ProviderName = unit.ProviderName,
                Ownership = unit.Ownership,
                AdministrationName = unit.AdministrationName,
                Score = total,
                Rank = rank,
                Top = score is null ? [] : [.. score.Contributions.Take(3)],
            });
        }
        return new CommitteeRanking(committee.Id, committee.Name, ranked);
    }

    /// <summary>The unit's score under each committee whose running choice systems it serves; null when the caller cannot see it.</summary>
    public async Task<UnitRisk?> UnitAsync(Guid unitId, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Name, ProviderName = u.Provider != null ? u.Provider.Name : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }
        var committees = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .SelectMany(u => u.ChoiceSystems.Where(c => c.PhasedOutOn == null || c.PhasedOutOn > today))
            .Select(c => new { c.CommitteeId, c.Committee!.Name }).Distinct().ToListAsync(cancellationToken);
        // The unit's signals once, weighed with each committee's weights.
        var unitSignals = await signals.SignalsAsync(await signals.RiskUnitsAsync(db.Units.Where(u => u.Id == unitId), cancellationToken), today, cancellationToken);
        var weights = await WeightsAsync([.. committees.Select(c => c.CommitteeId)], cancellationToken);
        var scores = new List<CommitteeScore>();
        foreach (var committee in committees.OrderBy(c => c.Name, StringComparer.CurrentCulture))
        {
            var score = RiskScorer.Score(unitSignals, kind => weights[committee.CommitteeId][kind]).GetValueOrDefault(unitId);
            scores.Add(new CommitteeScore(committee.CommitteeId, committee.Name, score?.Total ?? 0, score?.Contributions ?? []));
        }
        return new UnitRisk(unit.Id, unit.Name, unit.ProviderName, today, scores);
    }
}
