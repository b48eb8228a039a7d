using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Reviews;
using Uppsikt.Web.Infrastructure.Risk;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Risk;

/// <summary>
/// The capacity a selection is made within, as entered: the central unit's hours, each district administration's own, the hours
/// each review type takes, the share of hours for the highest risks, and the seed of the trust sample.
/// </summary>
public sealed record SelectionInput(
    Guid? CommitteeId, int? Year, decimal? CentralHours, IReadOnlyDictionary<Guid, decimal?>? DistrictHours,
    IReadOnlyDictionary<ReviewType, decimal?>? HoursPerType, int? RiskSharePercent, int? Seed);

/// <summary>One selected unit as the page and the API show it.</summary>
public sealed record SelectedView(
    int Rank, Guid UnitId, string UnitName, string ProviderName, Guid? AdministrationId, string? AdministrationName, ReviewType Type, decimal Hours, decimal Score,
    SelectionReason Reason, string Explanation, Guid? ReviewId);

/// <summary>One pool's hours and their use.</summary>
public sealed record PoolView(Guid? AdministrationId, string Name, decimal Capacity, decimal Used, decimal Shortfall);

/// <summary>A proposal (or the accepted selection) for a committee's year.</summary>
public sealed record SelectionView(
    Guid CommitteeId, string CommitteeName, int Year, int Seed, int RiskSharePercent, int Candidates, IReadOnlyList<SelectedView> Selected,
    IReadOnlyList<PoolView> Pools, string Method, bool Accepted, DateOnly? AcceptedOn, string? AcceptedByName);

/// <summary>The pools and review types a committee's selection asks hours for, with sensible starting figures.</summary>
public sealed record SelectionForm(
    Guid CommitteeId, string CommitteeName, IReadOnlyList<(Guid Id, string Name)> Districts, IReadOnlyList<ReviewType> Types);

/// <summary>
/// The risk-based annual selection (specification rule 7, decision 0031): the committee's units as candidates — mandatory when the
/// interval rule has them due by the end of the year, each with its risk score and the review its choice system gives — proposed
/// within the capacity by <see cref="AnnualSelection"/>; accepting it keeps the selection with its method and seed and plans the
/// reviews. Units with a review already planned in the year are not candidates.
/// </summary>
public sealed class SelectionHandler(
    AppDbContext db, RiskScoring scoring, RiskSignalReader signals, RegisterLookups lookups, IReviewDue due, ISelectedReviews reviews, TimeProvider clock)
{
    /// <summary>Who accepts a selection, and so plans the year's reviews: the group manager, or an administrator.</summary>
    public static readonly string[] Accepters = [R.GroupManager, R.Administrator];

    /// <summary>What the form asks for; null when the committee does not exist.</summary>
    public async Task<SelectionForm?> FormAsync(Guid? committeeId, CancellationToken cancellationToken)
    {
        if (await lookups.CommitteeOrFirstAsync(committeeId, cancellationToken) is not { } committee)
        {
            return null;
        }
        var today = clock.SwedishToday();
        var units = lookups.UnitsFollowedUpBy(committee.Id, today);
        var districts = await db.Administrations.AsNoTracking().Where(a => units.Any(u => u.AdministrationId == a.Id))
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var kinds = await db.ChoiceSystems.AsNoTracking().Where(c => c.CommitteeId == committee.Id)
            .Select(c => new { c.LegalBasis, c.OperatingForm }).Distinct().ToListAsync(cancellationToken);
        var ownerships = await units.AsNoTracking().Select(u => u.Ownership).Distinct().ToListAsync(cancellationToken);
        var types = kinds.SelectMany(k => ownerships.Select(o => ReviewTypes.RegularFor(k.LegalBasis, k.OperatingForm, o)))
            .Append(ReviewType.FollowUpReview).Distinct().Order().ToList();
        return new SelectionForm(committee.Id, committee.Name, [.. districts.Select(d => (d.Id, d.Name))], types);
    }

    /// <summary>The committee's accepted selection of the year, if there is one.</summary>
    public async Task<SelectionView?> AcceptedAsync(Guid committeeId, int year, CancellationToken cancellationToken)
    {
        var selection = await db.ReviewSelections.AsNoTracking().AsSplitQuery().Include(s => s.Items).Include(s => s.Pools)
            .FirstOrDefaultAsync(s => s.CommitteeId == committeeId && s.Year == year, cancellationToken);
        if (selection is null)
        {
            return null;
        }
        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstAsync(cancellationToken);
        var unitIds = selection.Items.Select(i => i.UnitId).ToList();
        var names = await UnitNamesAsync(unitIds, cancellationToken);
        var districts = await DistrictNamesAsync(cancellationToken);
        return new SelectionView(committeeId, committee, year, selection.Seed, selection.RiskSharePercent, selection.Candidates,
            [.. selection.Items.OrderBy(i => i.Rank).Select(i => new SelectedView(i.Rank, i.UnitId, names.GetValueOrDefault(i.UnitId)?.Unit ?? "–",
                names.GetValueOrDefault(i.UnitId)?.Provider ?? "–", i.AdministrationId, i.AdministrationId is { } a ? districts.GetValueOrDefault(a) : null, i.Type, i.Hours, 0,
                i.Reason, i.Explanation, i.ReviewId))],
            [.. selection.Pools.Select(p => Pool(p.AdministrationId, p.Capacity, p.Used, p.Shortfall, districts))],
            selection.Method, true, selection.AcceptedOn, selection.AcceptedByName);
    }

    /// <summary>The proposal for the input, or the refusals of bad input; the same input and data always give the same proposal.</summary>
    public async Task<(SelectionView? View, SaveResult? Refused)> ProposeAsync(SelectionInput input, CancellationToken cancellationToken)
    {
        var (committee, year, capacity, seed, refused) = await ReadAsync(input, cancellationToken);
        if (refused is not null)
        {
            return (null, refused);
        }
        var (proposal, candidates, notPossible) = await ProposalAsync(committee.Id, year, capacity!, seed, cancellationToken);
        if (proposal is null)
        {
            return (null, SaveResult.Refused(notPossible!));
        }
        var districts = await DistrictNamesAsync(cancellationToken);
        var facts = candidates.ToDictionary(c => c.UnitId);
        var view = new SelectionView(committee.Id, committee.Name, year, seed, capacity!.RiskSharePercent, proposal.Candidates,
            [.. proposal.Selected.Select(s => new SelectedView(s.Rank, s.UnitId, s.UnitName, facts[s.UnitId].ProviderName,
                s.DistrictId, s.DistrictId is { } d ? districts.GetValueOrDefault(d) : null, s.Type, s.Hours, facts[s.UnitId].Score, s.Reason, s.Explanation, null))],
            [.. proposal.Pools.Select(p => Pool(p.DistrictId, p.Capacity, p.Used, p.Shortfall, districts))],
            ReviewSelection.MethodOf(capacity.RiskSharePercent, seed), false, null, null);
        return (view, null);
    }

    /// <summary>
    /// Accepts the proposal for the input: keeps the selection with its method and seed and plans one review per selected unit, all
    /// or nothing. Refused when the committee's year already has an accepted selection.
    /// </summary>
    public async Task<SaveResult> AcceptAsync(SelectionInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsIn(Accepters))
        {
            return SaveResult.Refused(Refusal.NotAllowed("Årets urval antas av gruppchefen."));
        }
        var (committee, year, capacity, seed, refused) = await ReadAsync(input, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (await db.ReviewSelections.AnyAsync(s => s.CommitteeId == committee.Id && s.Year == year, cancellationToken))
        {
            return SaveResult.Refused(Refusal.WrongState($"{committee.Name} har redan ett antaget urval för {year}."));
        }
        var (proposal, candidates, notPossible) = await ProposalAsync(committee.Id, year, capacity!, seed, cancellationToken);
        if (proposal is null)
        {
            return SaveResult.Refused(notPossible!);
        }
        var lastReviews = candidates.ToDictionary(c => c.UnitId, c => c.LastReviewId);
        var responsible = await db.Units.AsNoTracking().Where(u => proposal.Selected.Select(s => s.UnitId).Contains(u.Id))
            .Select(u => new { u.Id, u.ResponsibleUserId, Name = db.Users.Where(p => p.Id == u.ResponsibleUserId).Select(p => p.DisplayName).FirstOrDefault() })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var selectionName = $"Riskbaserat urval {year}, {committee.Name}";
        var planned = new Dictionary<Guid, Guid>();
        var refusals = new List<Refusal>();
        var count = proposal.Selected.Count;
        foreach (var selected in proposal.Selected)
        {
            var lead = responsible.GetValueOrDefault(selected.UnitId);
            var (reviewId, refusal) = await reviews.PlanAsync(new SelectedReview(
                selected.UnitId, committee.Id, selected.Type, selected.Type == ReviewType.FollowUpReview ? lastReviews.GetValueOrDefault(selected.UnitId) : null,
                $"{DisplayNames.Of(selected.Type)} {year}: {selected.UnitName}", PlannedFor(year, selected.Rank, count),
                $"{DisplayNames.Of(selected.Reason)}: {selected.Explanation}", lead?.Name is null ? actor.UserId : lead.ResponsibleUserId, lead?.Name ?? actor.Name),
                selectionName, actor, cancellationToken);
            if (refusal is not null)
            {
                refusals.Add(Refusal.Invalid($"{selected.UnitName}: {refusal.Message}"));
            }
            else
            {
                planned[selected.UnitId] = reviewId!.Value;
            }
        }
        if (refusals.Count > 0)
        {
            return SaveResult.Refused(refusals);
        }
        var selection = ReviewSelection.Accept(committee.Id, year, proposal, capacity!.RiskSharePercent, planned, actor, clock.SwedishToday());
        db.ReviewSelections.Add(selection);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(selection.Id);
    }

    /// <summary>Spreads the year's reviews over its months from February to November, in the order of the selection.</summary>
    public static DateOnly PlannedFor(int year, int rank, int count) =>
        new(year, 2 + (int)((long)(rank - 1) * 10 / Math.Max(count, 1)), 15);

    private async Task<(SelectionProposal? Proposal, IReadOnlyList<CandidateFacts> Candidates, Refusal? Refusal)> ProposalAsync(
        Guid committeeId, int year, SelectionCapacity capacity, int seed, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var yearEnd = new DateOnly(year, 12, 31);
        // Units with a review planned in the year (not yet final) are not candidates: read as the year's planned reviews' units.
        var yearStart = new DateOnly(year, 1, 1);
        var planned = await db.Reviews.AsNoTracking()
            .Where(r => r.PlannedFor >= yearStart && r.PlannedFor <= yearEnd && r.State != ReviewState.Closed && r.State != ReviewState.Final)
            .Join(db.ReviewUnits, r => r.Id, ru => ru.ReviewId, (r, ru) => ru.UnitId).Distinct().ToListAsync(cancellationToken);
        var units = lookups.UnitsFollowedUpBy(committeeId, today).Where(u => !planned.Contains(u.Id));
        var rows = await units.AsNoTracking().Select(u => new { u.Id, u.Name, ProviderName = u.Provider!.Name, u.Ownership, u.AdministrationId })
            .ToListAsync(cancellationToken);
        var riskUnits = await signals.RiskUnitsAsync(units, cancellationToken);
        var scores = await scoring.ScoreAsync(riskUnits, committeeId, today, cancellationToken);
        // The first by name of the committee's choice systems the unit serves gives its regular review.
        var committeeSystems = await db.ChoiceSystems.AsNoTracking().Where(c => c.CommitteeId == committeeId).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.LegalBasis, c.OperatingForm }).ToListAsync(cancellationToken);
        var systemsOf = riskUnits.ToDictionary(u => u.Id, u => u.ChoiceSystemIds);
        var dues = (await due.ForUnitsAsync(committeeId, systemsOf, cancellationToken)).ToDictionary(d => d.UnitId);
        var candidates = rows.Select(u =>
        {
            var kind = committeeSystems.First(c => systemsOf[u.Id].Contains(c.Id));
            var regular = ReviewTypes.RegularFor(kind.LegalBasis, kind.OperatingForm, u.Ownership);
            var unitDue = dues.GetValueOrDefault(u.Id);
            var mandatory = unitDue is not null && unitDue.DueOn <= yearEnd;
            var type = mandatory && unitDue!.Reason == DueReason.DeficiencyDeadline && unitDue.LastReviewId is not null ? ReviewType.FollowUpReview : regular;
            return new SelectionCandidate(u.Id, u.Name, u.AdministrationId, scores.GetValueOrDefault(u.Id)?.Total ?? 0, type,
                mandatory ? $"{DisplayNames.Of(unitDue!.Reason)}, {(unitDue.DueOn < today ? "försenad sedan" : "senast")} {SwedishWording.Date(unitDue.DueOn)}" : null,
                mandatory ? unitDue!.DueOn : null);
        }).ToList();
        if (AnnualSelection.Check(capacity, candidates) is { } refusal)
        {
            return (null, [], refusal);
        }
        var providers = rows.ToDictionary(u => u.Id, u => u.ProviderName);
        return (AnnualSelection.Propose(candidates, capacity, seed),
            [.. candidates.Select(c => new CandidateFacts(c.UnitId, providers[c.UnitId], c.Score, dues.GetValueOrDefault(c.UnitId)?.LastReviewId))], null);
    }

    private async Task<((Guid Id, string Name) Committee, int Year, SelectionCapacity? Capacity, int Seed, SaveResult? Refused)> ReadAsync(
        SelectionInput input, CancellationToken cancellationToken)
    {
        if (input.CommitteeId is not { } committeeId || await lookups.CommitteeOrFirstAsync(committeeId, cancellationToken) is not { } committee)
        {
            return (default, 0, null, 0, input.CommitteeId is null
                ? SaveResult.Refused(Refusal.Invalid("Välj nämnd.", nameof(SelectionInput.CommitteeId)))
                : SaveResult.Missing());
        }
        var refusals = new List<Refusal>();
        if (input.Year is not { } year || !FollowUpYear.IsValid(year))
        {
            refusals.Add(Refusal.Invalid(FollowUpYear.Message, nameof(SelectionInput.Year)));
            year = 0;
        }
        if (input.Seed is not { } seed)
        {
            refusals.Add(Refusal.Invalid("Ange ett frö för stickprovet (ett heltal).", nameof(SelectionInput.Seed)));
            seed = 0;
        }
        var capacity = new SelectionCapacity(
            input.CentralHours ?? 0,
            (input.DistrictHours ?? new Dictionary<Guid, decimal?>()).Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value!.Value),
            (input.HoursPerType ?? new Dictionary<ReviewType, decimal?>()).Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!.Value),
            input.RiskSharePercent ?? 70);
        if (AnnualSelection.Check(capacity) is { } refusal)
        {
            refusals.Add(refusal);
        }
        return refusals.Count > 0
            ? (committee, year, null, seed, SaveResult.Refused(refusals))
            : (committee, year, capacity, seed, null);
    }

    private async Task<Dictionary<Guid, (string Unit, string Provider)?>> UnitNamesAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken) =>
        (await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name, Provider = u.Provider!.Name }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => ((string, string)?)(u.Name, u.Provider));

    private async Task<Dictionary<Guid, string>> DistrictNamesAsync(CancellationToken cancellationToken) =>
        await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

    private static PoolView Pool(Guid? administrationId, decimal capacity, decimal used, decimal shortfall, Dictionary<Guid, string> districts) =>
        new(administrationId, administrationId is { } a ? districts.GetValueOrDefault(a, "Okänd förvaltning") : "Centrala enheten", capacity, used, shortfall);

    private sealed record CandidateFacts(Guid UnitId, string ProviderName, decimal Score, Guid? LastReviewId);
}
