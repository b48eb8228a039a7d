using System.ComponentModel.DataAnnotations;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.Risk;

/// <summary>Why a unit is in the year's selection. Stored by number: never renumber.</summary>
public enum SelectionReason
{
    [Display(Name = "Obligatorisk")] Mandatory = 1,
    [Display(Name = "Hög risk")] HighRisk = 2,
    [Display(Name = "Slumpat tillitsstickprov")] TrustSample = 3,
}

/// <summary>A unit that may be reviewed in the year, as the selection sees it.</summary>
/// <param name="DistrictId">Null for the central unit's pool; otherwise the district whose own follow-up reviews the unit (seed 004).</param>
/// <param name="Score">The unit's risk score (<see cref="RiskScorer"/>); 0 when it has none.</param>
/// <param name="Type">The review it would get, which decides the hours it takes.</param>
/// <param name="MandatoryReason">Non-null makes the unit mandatory (a follow-up due, an interval overdue): the Swedish why.</param>
/// <param name="DueOn">When the mandatory review is due, if known.</param>
public sealed record SelectionCandidate(Guid UnitId, string UnitName, Guid? DistrictId, decimal Score, ReviewType Type, string? MandatoryReason, DateOnly? DueOn);

/// <summary>The hours the year has for reviews, and how they are shared.</summary>
/// <param name="CentralHours">The central unit's hours.</param>
/// <param name="DistrictHours">Each district's own hours; a district not listed has none.</param>
/// <param name="HoursPerType">What one review of each type takes; a type not listed cannot be selected.</param>
/// <param name="RiskSharePercent">The share of the hours left after the mandatory reviews that goes to the highest risks; the rest is a random trust sample.</param>
public sealed record SelectionCapacity(
    decimal CentralHours, IReadOnlyDictionary<Guid, decimal> DistrictHours, IReadOnlyDictionary<ReviewType, decimal> HoursPerType, int RiskSharePercent = 70);

/// <summary>A unit in the selection: the review it gets, the hours it takes, why it is there, and its place in the selection (1 first).</summary>
public sealed record SelectedUnit(Guid UnitId, string UnitName, Guid? DistrictId, ReviewType Type, decimal Hours, SelectionReason Reason, string Explanation, int Rank);

/// <summary>How much of a pool the selection uses; <paramref name="Shortfall"/> is above 0 only when the mandatory reviews alone exceed it.</summary>
public sealed record PoolUse(Guid? DistrictId, decimal Capacity, decimal Used, decimal Shortfall);

/// <summary>The proposed selection, reproducible from its seed and the same candidates.</summary>
/// <param name="Candidates">How many candidates it was chosen from.</param>
public sealed record SelectionProposal(int Seed, IReadOnlyList<SelectedUnit> Selected, IReadOnlyList<PoolUse> Pools, int Candidates);

/// <summary>
/// The year's risk-based selection within capacity (rule 7): mandatory reviews first, then the highest risks, then a random
/// trust sample, each unit with the reason it is in. The central unit and every district are separate pools with their own
/// hours, selected independently.
/// </summary>
public static class AnnualSelection
{
    public const decimal MaxHours = 100_000m;

    /// <summary>
    /// The refusal of a capacity that cannot be used: hours (central, per district) outside 0–<see cref="MaxHours"/>, a risk share
    /// outside 0–100 %, a type's hours not above 0 or above <see cref="MaxHours"/>, or — given the candidates — a type they need
    /// that has no hours. Fields: <c>CentralHours</c>, <c>DistrictHours[&lt;district id&gt;]</c>, <c>RiskSharePercent</c> and
    /// <c>HoursPerType[&lt;type name&gt;]</c> (e.g. <c>HoursPerType[QualityReview]</c>). Null when the capacity may be proposed from.
    /// </summary>
    public static Refusal? Check(SelectionCapacity capacity, IEnumerable<SelectionCandidate>? candidates = null)
    {
        if (capacity.CentralHours is < 0 or > MaxHours)
        {
            return Refusal.Invalid($"Ange den centrala enhetens timmar som ett tal från 0 till {MaxHoursText}.", "CentralHours");
        }
        foreach (var (district, hours) in capacity.DistrictHours.OrderBy(d => d.Key))
        {
            if (hours is < 0 or > MaxHours)
            {
                return Refusal.Invalid($"Ange stadsdelens timmar som ett tal från 0 till {MaxHoursText}.", $"DistrictHours[{district}]");
            }
        }
        if (capacity.RiskSharePercent is < 0 or > 100)
        {
            return Refusal.Invalid("Ange andelen för hög risk som ett tal från 0 till 100 procent.", "RiskSharePercent");
        }
        foreach (var (type, hours) in capacity.HoursPerType.OrderBy(t => t.Key))
        {
            if (hours is <= 0 or > MaxHours)
            {
                return Refusal.Invalid($"Ange hur många timmar en granskning av typen ”{DisplayNames.Of(type)}” tar, som ett tal större än 0 och högst {MaxHoursText}.", $"HoursPerType[{type}]");
            }
        }
        var unpriced = (candidates ?? []).Where(c => !capacity.HoursPerType.ContainsKey(c.Type)).GroupBy(c => c.Type).OrderBy(g => g.Key).FirstOrDefault();
        return unpriced is null ? null
            : Refusal.Invalid($"Ange hur många timmar en granskning av typen ”{DisplayNames.Of(unpriced.Key)}” tar: {SwedishWording.Count(unpriced.Count(), "enhet", "enheter")} kan väljas för den.",
                $"HoursPerType[{unpriced.Key}]");
    }

    /// <summary>
    /// The selection, pool by pool (the central unit's first, then each district's by id). In each pool: (1) every mandatory
    /// candidate, by due date (unknown last), then name, even beyond the pool's hours, which its shortfall then shows; (2) of the
    /// hours left, <see cref="SelectionCapacity.RiskSharePercent"/> go to the highest scores above 0 (ties by unit id), each taken
    /// if it still fits, its explanation giving its place in that ranking of the pool's candidates that are not mandatory; (3) the
    /// rest of the hours, with what the risk step left unused, go to a trust sample of the candidates not yet taken, whatever
    /// their score: ordered by unit id, shuffled with <c>new Random(seed)</c> (Fisher–Yates, from the last place down), each
    /// taken if it still fits. The same candidates, in any order, with the same capacity and seed give the same selection.
    /// </summary>
    /// <exception cref="ArgumentException">A unit that is a candidate twice, or a candidate whose type has no hours (see <see cref="Check"/>).</exception>
    public static SelectionProposal Propose(IReadOnlyList<SelectionCandidate> candidates, SelectionCapacity capacity, int seed)
    {
        if (candidates.GroupBy(c => c.UnitId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Unit {twice.Key} is a candidate more than once.", nameof(candidates));
        }
        if (candidates.FirstOrDefault(c => !capacity.HoursPerType.TryGetValue(c.Type, out var hours) || hours <= 0) is { } unpriced)
        {
            throw new ArgumentException($"Reviews of type {unpriced.Type} have no hours; check the capacity with the candidates first.", nameof(capacity));
        }
        var selected = new List<SelectedUnit>();
        var pools = candidates.Select(c => c.DistrictId).Concat(capacity.DistrictHours.Keys.Select(d => (Guid?)d)).Append(null).Distinct().Order();
        var uses = pools.Select(pool => SelectInPool([.. candidates.Where(c => c.DistrictId == pool)], pool, capacity, seed, selected)).ToList();
        return new SelectionProposal(seed, selected, uses, candidates.Count);
    }

    private static PoolUse SelectInPool(List<SelectionCandidate> candidates, Guid? pool, SelectionCapacity capacity, int seed, List<SelectedUnit> selected)
    {
        var hoursOf = capacity.HoursPerType;
        var poolHours = pool is { } district ? capacity.DistrictHours.GetValueOrDefault(district) : capacity.CentralHours;
        var taken = new HashSet<Guid>();
        var used = 0m;
        void Take(SelectionCandidate candidate, SelectionReason reason, string explanation)
        {
            var hours = hoursOf[candidate.Type];
            selected.Add(new SelectedUnit(candidate.UnitId, candidate.UnitName, pool, candidate.Type, hours, reason, explanation, selected.Count + 1));
            taken.Add(candidate.UnitId);
            used += hours;
        }

        foreach (var candidate in candidates.Where(c => c.MandatoryReason is not null)
            .OrderBy(c => c.DueOn ?? DateOnly.MaxValue).ThenBy(c => c.UnitName, NameOrder).ThenBy(c => c.UnitId))
        {
            Take(candidate, SelectionReason.Mandatory, FreeText.Trimmed(candidate.MandatoryReason) ?? "Obligatorisk uppföljning.");
        }
        var mandatoryHours = used;
        var left = Math.Max(0, poolHours - mandatoryHours);
        var riskBudget = left * capacity.RiskSharePercent / 100m;

        var ranked = candidates.Where(c => c.MandatoryReason is null && c.Score > 0).OrderByDescending(c => c.Score).ThenBy(c => c.UnitId).ToList();
        for (var place = 1; place <= ranked.Count; place++)
        {
            var candidate = ranked[place - 1];
            if (used - mandatoryHours + hoursOf[candidate.Type] <= riskBudget)
            {
                Take(candidate, SelectionReason.HighRisk,
                    $"Riskpoäng {candidate.Score.ToString("#,0.#", SwedishWording.Culture)} – plats {place} av {ranked.Count} i rangordningen");
            }
        }

        var rest = candidates.Where(c => !taken.Contains(c.UnitId)).OrderBy(c => c.UnitId).ToArray();
        var random = new Random(seed);
        for (var i = rest.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rest[i], rest[j]) = (rest[j], rest[i]);
        }
        foreach (var candidate in rest)
        {
            if (used + hoursOf[candidate.Type] <= mandatoryHours + left)
            {
                Take(candidate, SelectionReason.TrustSample, $"Slumpat tillitsstickprov (frö {seed.ToString(SwedishWording.Culture)})");
            }
        }
        return new PoolUse(pool, poolHours, used, Math.Max(0, mandatoryHours - poolHours));
    }

    private static readonly StringComparer NameOrder = StringComparer.Create(SwedishWording.Culture, ignoreCase: true);

    private static string MaxHoursText => MaxHours.ToString("N0", SwedishWording.Culture);
}
