using CsCheck;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Risk;
using static Uppsikt.Domain.Risk.SelectionReason;

namespace Uppsikt.Domain.Tests.Risk;

public sealed class AnnualSelectionTests
{
    /// <summary>A unit id whose order is its number: unit 1 sorts before unit 2.</summary>
    private static Guid U(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static SelectionCandidate Candidate(int n, decimal score, ReviewType type = ReviewType.QualityReview, Guid? district = null) =>
        new(U(n), $"Enhet {n} (fiktiv)", district, score, type, null, null);

    private static SelectionCandidate Due(int n, string name, string reason, DateOnly? dueOn, Guid? district = null) =>
        new(U(n), name, district, 0m, ReviewType.QualityReview, reason, dueOn);

    private static SelectionCapacity Capacity(decimal central, int riskShare = 70, IReadOnlyDictionary<Guid, decimal>? districts = null) =>
        new(central, districts ?? new Dictionary<Guid, decimal>(), new Dictionary<ReviewType, decimal>
        {
            [ReviewType.QualityReview] = 10m,
            [ReviewType.SpotCheck] = 5m,
            [ReviewType.TargetedFollowUp] = 20m,
        }, riskShare);

    // ---------------------------------------------------------------- by hand

    [Fact]
    public void Mandatory_first_then_half_the_rest_to_the_highest_risks_then_a_trust_sample()
    {
        // 100 hours, 10 per review, half of what the mandatory leave to risk. Mandatory: 20 h; left 80 h: 40 h for the four
        // highest scores (units 1–4; unit 4 before unit 5 on the tie at 20, by id), 40 h for the sample: the three left all fit.
        SelectionCandidate[] candidates =
        [
            Candidate(1, 50m), Candidate(2, 42.5m), Candidate(3, 30m), Candidate(4, 20m), Candidate(5, 20m), Candidate(6, 10m), Candidate(7, 0m),
            Due(8, "Björkgården (fiktiv)", "Uppföljning av brist 2, senast 15 mars 2026", new DateOnly(2026, 3, 15)),
            Due(9, "Aspgården (fiktiv)", "Granskningsintervallet gick ut 1 februari 2026", new DateOnly(2026, 2, 1)),
        ];

        var proposal = AnnualSelection.Propose(candidates, Capacity(100m, riskShare: 50), seed: 7);

        Assert.Equal((7, 9), (proposal.Seed, proposal.Candidates));
        Assert.Equal([U(9), U(8), U(1), U(2), U(3), U(4)], proposal.Selected.Take(6).Select(s => s.UnitId));
        Assert.Equal([U(5), U(6), U(7)], proposal.Selected.Skip(6).Select(s => s.UnitId).Order());
        Assert.Equal([Mandatory, Mandatory, HighRisk, HighRisk, HighRisk, HighRisk, TrustSample, TrustSample, TrustSample], proposal.Selected.Select(s => s.Reason));
        Assert.Equal(Enumerable.Range(1, 9), proposal.Selected.Select(s => s.Rank));
        Assert.Equal("Granskningsintervallet gick ut 1 februari 2026", proposal.Selected[0].Explanation);
        Assert.Equal("Riskpoäng 42,5 – plats 2 av 6 i rangordningen", proposal.Selected[3].Explanation);
        Assert.Equal("Riskpoäng 20 – plats 4 av 6 i rangordningen", proposal.Selected[5].Explanation);
        Assert.All(proposal.Selected.Skip(6), s => Assert.Equal("Slumpat tillitsstickprov (frö 7)", s.Explanation));
        Assert.All(proposal.Selected, s => Assert.Equal(10m, s.Hours));
        Assert.Equal(new PoolUse(null, 100m, 90m, 0m), Assert.Single(proposal.Pools));
    }

    [Fact]
    public void A_high_risk_that_does_not_fit_the_risk_hours_is_skipped_for_the_next_that_does_and_may_still_be_sampled()
    {
        // 50 h, half to risk: 25 h. Unit 1 (20 h) fits, unit 2 (10 h) would make 30, unit 3 (5 h) makes 25. The sample's 25 h
        // take unit 2 (10 h) and whichever of the rest fit.
        SelectionCandidate[] candidates = [Candidate(1, 9m, ReviewType.TargetedFollowUp), Candidate(2, 8m), Candidate(3, 7m, ReviewType.SpotCheck)];

        var proposal = AnnualSelection.Propose(candidates, Capacity(50m, riskShare: 50), seed: 1);

        Assert.Equal([(U(1), HighRisk, 20m), (U(3), HighRisk, 5m), (U(2), TrustSample, 10m)], proposal.Selected.Select(s => (s.UnitId, s.Reason, s.Hours)));
        Assert.Equal(35m, proposal.Pools[0].Used);
    }

    [Fact]
    public void Mandatory_reviews_beyond_the_hours_are_all_in_and_the_pool_shows_the_shortfall()
    {
        SelectionCandidate[] candidates =
        [
            Due(1, "Cedern (fiktiv)", "Uppföljning av brist 1", null),
            Due(2, "Almen (fiktiv)", "Uppföljning av brist 3", new DateOnly(2026, 4, 1)),
            Due(3, "Björken (fiktiv)", "Uppföljning av brist 2", new DateOnly(2026, 4, 1)),
            Candidate(4, 99m),
        ];

        var proposal = AnnualSelection.Propose(candidates, Capacity(25m), seed: 3);

        Assert.Equal([U(2), U(3), U(1)], proposal.Selected.Select(s => s.UnitId));
        Assert.Equal(new PoolUse(null, 25m, 30m, 5m), proposal.Pools[0]);
    }

    [Fact]
    public void Each_district_is_selected_from_its_own_hours_and_one_without_hours_gets_only_its_mandatory_reviews()
    {
        var (north, south) = (U(101), U(102));
        SelectionCandidate[] candidates =
        [
            Candidate(1, 50m), Candidate(2, 40m, district: north), Candidate(3, 30m, district: north), Candidate(4, 0m, district: south),
            Due(5, "Söderhemmet (fiktiv)", "Uppföljning av brist 1", new DateOnly(2026, 5, 1), south),
        ];

        var proposal = AnnualSelection.Propose(candidates, Capacity(10m, riskShare: 100, new Dictionary<Guid, decimal> { [north] = 10m }), seed: 5);

        Assert.Equal([(U(1), (Guid?)null, HighRisk), (U(2), north, HighRisk), (U(5), south, Mandatory)],
            proposal.Selected.Select(s => (s.UnitId, s.DistrictId, s.Reason)));
        Assert.Equal("Riskpoäng 40 – plats 1 av 2 i rangordningen", proposal.Selected[1].Explanation);
        Assert.Equal([new PoolUse(null, 10m, 10m, 0m), new PoolUse(north, 10m, 10m, 0m), new PoolUse(south, 0m, 10m, 10m)], proposal.Pools);
    }

    [Fact]
    public void With_no_risk_share_every_hour_left_goes_to_the_sample_and_its_seed_decides_which()
    {
        SelectionCandidate[] candidates = [.. Enumerable.Range(1, 8).Select(n => Candidate(n, n * 10m))];

        var proposal = AnnualSelection.Propose(candidates, Capacity(30m, riskShare: 0), seed: 12345);

        Assert.All(proposal.Selected, s => Assert.Equal(TrustSample, s.Reason));
        Assert.Equal("Slumpat tillitsstickprov (frö 12345)", proposal.Selected[0].Explanation);
        // Pinned as first drawn: the same seed must pick the same units in every later version, or a past selection could not be reproduced.
        Assert.Equal([U(2), U(7), U(6)], proposal.Selected.Select(s => s.UnitId));
    }

    [Fact]
    public void A_unit_that_is_a_candidate_twice_or_a_type_without_hours_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => AnnualSelection.Propose([Candidate(1, 1m), Candidate(1, 2m, ReviewType.SpotCheck)], Capacity(100m), 1));
        Assert.Throws<ArgumentException>(() => AnnualSelection.Propose([Candidate(1, 1m, ReviewType.QualityDialogue)], Capacity(100m), 1));
    }

    // ---------------------------------------------------------------- checking the capacity

    [Fact]
    public void A_usable_capacity_passes_the_check() =>
        Assert.Null(AnnualSelection.Check(Capacity(0m, 0, new Dictionary<Guid, decimal> { [U(1)] = AnnualSelection.MaxHours }) with { RiskSharePercent = 100 },
            [Candidate(1, 1m), Candidate(2, 1m, ReviewType.SpotCheck)]));

    [Theory]
    [InlineData("negative central hours", "CentralHours")]
    [InlineData("too many central hours", "CentralHours")]
    [InlineData("negative district hours", "DistrictHours[00000000-0000-0000-0000-000000000001]")]
    [InlineData("a risk share below 0", "RiskSharePercent")]
    [InlineData("a risk share above 100", "RiskSharePercent")]
    [InlineData("a review taking no time", "HoursPerType[SpotCheck]")]
    [InlineData("a review taking too long", "HoursPerType[QualityReview]")]
    [InlineData("a candidate's type without hours", "HoursPerType[QualityDialogue]")]
    public void An_unusable_capacity_is_refused_naming_its_field(string bad, string field)
    {
        var capacity = Capacity(100m);
        IReadOnlyList<SelectionCandidate> candidates = [Candidate(1, 1m)];
        Dictionary<ReviewType, decimal> hoursPer = new(capacity.HoursPerType);
        switch (bad)
        {
            case "negative central hours": capacity = capacity with { CentralHours = -1m }; break;
            case "too many central hours": capacity = capacity with { CentralHours = AnnualSelection.MaxHours + 0.5m }; break;
            case "negative district hours": capacity = capacity with { DistrictHours = new Dictionary<Guid, decimal> { [U(2)] = 5m, [U(1)] = -0.5m } }; break;
            case "a risk share below 0": capacity = capacity with { RiskSharePercent = -1 }; break;
            case "a risk share above 100": capacity = capacity with { RiskSharePercent = 101 }; break;
            case "a review taking no time": hoursPer[ReviewType.SpotCheck] = 0m; break;
            case "a review taking too long": hoursPer[ReviewType.QualityReview] = AnnualSelection.MaxHours + 1; break;
            case "a candidate's type without hours": candidates = [Candidate(1, 1m), Candidate(2, 0m, ReviewType.QualityDialogue), Candidate(3, 0m, ReviewType.QualityDialogue)]; break;
            default: throw new ArgumentOutOfRangeException(nameof(bad));
        }

        var refusal = AnnualSelection.Check(capacity with { HoursPerType = hoursPer }, candidates);

        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Equal(field, refusal!.Field);
    }

    [Fact]
    public void The_refusal_of_a_missing_type_counts_the_units_that_need_it()
    {
        var refusal = AnnualSelection.Check(Capacity(100m), [Candidate(2, 0m, ReviewType.QualityDialogue), Candidate(3, 0m, ReviewType.QualityDialogue)]);

        Assert.Contains("2 enheter", refusal!.Message, StringComparison.Ordinal);
        Assert.Contains("”Kvalitetsdialog”", refusal.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- for any candidates

    private static readonly Guid?[] Districts = [null, U(901), U(902), U(903)];

    private static readonly ReviewType[] Types = [ReviewType.QualityReview, ReviewType.SpotCheck, ReviewType.TargetedFollowUp];

    private static readonly Gen<SelectionCandidate> GenCandidate =
        Gen.Select(Gen.Guid, Gen.Int[0, 3], Gen.Frequency((2, Gen.Const(0)), (5, Gen.Int[1, 1000])), Gen.Int[0, Types.Length - 1],
                Gen.Int[0, 9], Gen.Int[0, 400].Nullable())
            .Select((id, district, tenths, type, mandatory, due) => new SelectionCandidate(
                id, $"Enhet {id.ToString()[..4]} (fiktiv)", Districts[district], tenths / 10m, Types[type],
                mandatory < 2 ? (mandatory == 0 ? "Uppföljning av brist" : " ") : null, due is { } d ? new DateOnly(2026, 1, 1).AddDays(d) : null));

    /// <summary>Hours for the central unit and two of the three districts (the third has none), hours per type, and the risk share.</summary>
    private static readonly Gen<SelectionCapacity> GenCapacity =
        Gen.Select(Gen.Int[0, 2000], Gen.Int[0, 1000].Array[2], Gen.Int[1, 400].Array[Types.Length], Gen.Int[0, 100])
            .Select((central, districts, perType, riskShare) => new SelectionCapacity(
                central / 10m,
                new Dictionary<Guid, decimal> { [Districts[1]!.Value] = districts[0] / 10m, [Districts[2]!.Value] = districts[1] / 10m },
                Types.Zip(perType).ToDictionary(p => p.First, p => p.Second / 10m),
                riskShare));

    private static readonly Gen<(SelectionCandidate[] Candidates, SelectionCapacity Capacity, int Seed)> GenCase =
        Gen.Select(GenCandidate.Array[0, 40], GenCapacity, Gen.Int);

    [Fact]
    public void Any_selection_takes_every_mandatory_unit_once_explained_within_each_pools_hours()
    {
        GenCase.Sample(c =>
        {
            var proposal = AnnualSelection.Propose(c.Candidates, c.Capacity, c.Seed);

            Assert.Equal(c.Candidates.Length, proposal.Candidates);
            Assert.Subset(proposal.Selected.Select(s => s.UnitId).ToHashSet(), c.Candidates.Where(x => x.MandatoryReason is not null).Select(x => x.UnitId).ToHashSet());
            Assert.Equal(proposal.Selected.Count, proposal.Selected.Select(s => s.UnitId).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, proposal.Selected.Count), proposal.Selected.Select(s => s.Rank));
            Assert.All(proposal.Selected, s => Assert.False(string.IsNullOrWhiteSpace(s.Explanation)));
            Assert.All(proposal.Selected, s => Assert.Equal(c.Capacity.HoursPerType[s.Type], s.Hours));
            Assert.All(proposal.Selected.Where(s => s.Reason == HighRisk), s => Assert.True(c.Candidates.Single(x => x.UnitId == s.UnitId).Score > 0));
            Assert.Equal(proposal.Pools.Select(p => p.DistrictId).Distinct().Count(), proposal.Pools.Count);
            Assert.Contains(proposal.Pools, p => p.DistrictId is null);
            foreach (var pool in proposal.Pools)
            {
                var inPool = proposal.Selected.Where(s => s.DistrictId == pool.DistrictId).ToList();
                var mandatoryHours = inPool.Where(s => s.Reason == Mandatory).Sum(s => s.Hours);
                Assert.Equal(inPool.Sum(s => s.Hours), pool.Used);
                Assert.True(pool.Used <= Math.Max(pool.Capacity, mandatoryHours));
                Assert.Equal(Math.Max(0, mandatoryHours - pool.Capacity), pool.Shortfall);
                Assert.Equal(pool.DistrictId is { } d ? c.Capacity.DistrictHours.GetValueOrDefault(d) : c.Capacity.CentralHours, pool.Capacity);
            }
            Assert.All(proposal.Selected, s => Assert.Equal(c.Candidates.Single(x => x.UnitId == s.UnitId).DistrictId, s.DistrictId));
        });
    }

    [Fact]
    public void The_same_seed_and_candidates_in_any_order_give_the_same_selection()
    {
        GenCase.SelectMany(c => Gen.Shuffle(c.Candidates.ToArray()).Select(shuffled => (c, shuffled))).Sample(t =>
        {
            var (c, shuffled) = t;
            var first = AnnualSelection.Propose(c.Candidates, c.Capacity, c.Seed);
            var again = AnnualSelection.Propose(shuffled, c.Capacity, c.Seed);

            Assert.Equal(first.Selected, again.Selected);
            Assert.Equal(first.Pools, again.Pools);
        });
    }

    [Fact]
    public void With_hours_for_everyone_everyone_is_selected()
    {
        GenCase.Sample(c =>
        {
            var needed = c.Candidates.GroupBy(x => x.DistrictId).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Sum(x => c.Capacity.HoursPerType[x.Type]));
            var capacity = c.Capacity with
            {
                CentralHours = needed.GetValueOrDefault(Guid.Empty),
                DistrictHours = Districts.OfType<Guid>().ToDictionary(d => d, d => needed.GetValueOrDefault(d)),
            };

            var proposal = AnnualSelection.Propose(c.Candidates, capacity, c.Seed);

            Assert.Equal(c.Candidates.Select(x => x.UnitId).Order(), proposal.Selected.Select(s => s.UnitId).Order());
            Assert.All(proposal.Pools, p => Assert.Equal(0m, p.Shortfall));
        });
    }
}
