using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Deficiencies;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Notifications;
using Uppsikt.Web.Infrastructure.Reviews;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>A sanction in the list: one row, read in the list's single query.</summary>
public sealed record SanctionRow
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public required string UnitName { get; init; }
    public required string ProviderName { get; init; }
    public SanctionState State { get; init; }
    public SanctionType ProposedType { get; init; }
    public SanctionType? DecidedType { get; init; }
    public bool Escalation { get; init; }
    public DateOnly ProposedOn { get; init; }
    public DateOnly? DecidedOn { get; init; }
    public DateOnly? FixBy { get; init; }
}

/// <summary>The list's filters; each narrows, none given lists every sanction the caller may see.</summary>
public sealed record SanctionFilter(SanctionState? State = null, Guid? ProviderId = null, Guid? UnitId = null, Guid? ActionPlanId = null);

public sealed record SanctionCondition(string Code, string Title);

/// <summary>A deficiency a sanction is for, or may be proposed for, with the sanctions its conditions allow.</summary>
public sealed record SanctionDeficiencyView(
    Guid Id, int Number, Assessment Severity, string Area, string Description, string RequiredAction, DateOnly DeadlineOn, DeficiencyState State,
    int PersistCount, IReadOnlyList<SanctionCondition> Conditions, IReadOnlyList<SanctionType> Allowed, bool UnderOpenProposal);

public sealed record SanctionStepView(SanctionStepKind Kind, DateTimeOffset OccurredAt, string ActorName, string? Comment);

/// <summary>A sanction as its page, its documents and <c>GET /api/v1/sanctions/{id}</c> show it. A provider's user gets no steps and no assessment.</summary>
public sealed record SanctionDetails(
    Guid Id, string Title, Guid ActionPlanId, Guid ProviderId, string ProviderName, string? OrganisationNumber, Guid UnitId, string UnitName,
    Guid CommitteeId, string CommitteeName, string? PlanCaseNumber, SanctionState State, IReadOnlyList<SanctionType> AllowedTypes,
    SanctionType ProposedType, string Motivation, bool Escalation, DateOnly ProposedOn, string ProposedByName, DateOnly CommunicatedOn,
    string? AssessmentComment, string? AssessedByName, DateOnly? AssessedOn, SanctionType? DecidedType, CommitteeDecision? Decision, DateOnly? FixBy,
    DateOnly? YearCheckOn, Guid? VerificationReviewId, Guid? YearCheckReviewId, IReadOnlyList<string> ProviderResponses,
    IReadOnlyList<SanctionDeficiencyView> Deficiencies, IReadOnlyList<SanctionStepView> Steps, int Version)
{
    public bool IsOpen => State is SanctionState.Proposed or SanctionState.MoreReviewNeeded or SanctionState.AwaitingCommittee;
}

/// <summary>What the proposal form shows for an action plan: its deficiencies and whether a sanction may be proposed now.</summary>
public sealed record ProposalForm(
    Guid ActionPlanId, string Title, string UnitName, string ProviderName, bool InHouse, Refusal? NotNow, IReadOnlyList<SanctionDeficiencyView> Deficiencies)
{
    /// <summary>Every sanction some deficiency's conditions allow, mildest first.</summary>
    public IReadOnlyList<SanctionType> Allowed => [.. Deficiencies.SelectMany(d => d.Allowed).Distinct().Order()];
}

public sealed record ProposeInput(Guid? ActionPlanId, IReadOnlyList<Guid>? DeficiencyIds, SanctionType? Type, [DataType(DataType.MultilineText)] string? Motivation);

public sealed record AssessInput(SanctionAssessmentOutcome? Outcome, [DataType(DataType.MultilineText)] string? Comment, int Version);

public sealed record ReviseInput(SanctionType? Type, [DataType(DataType.MultilineText)] string? Motivation, int Version);

public sealed record DecisionInput(
    bool? Decided, SanctionType? Type, DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, DateOnly? FixBy, [DataType(DataType.MultilineText)] string? Comment, int Version);

/// <summary>
/// Reads sanctions and takes their steps through the domain's rules (<see cref="Sanction"/>): the proposal, the group manager's
/// assessment, the committee's decision with the provider's letter, and the visits a warning calls for. A deficiency that
/// persists at a follow-up proposes the next step here (<see cref="IPersistingDeficiency"/>).
/// </summary>
public sealed class SanctionsHandler(AppDbContext db, TimeProvider clock, HandOffs handOffs, IDecisionVisits visits, ICurrentActor current) : IPersistingDeficiency
{
    public static string Url(Guid id) => $"/Sanctions/Details/{id}";

    public static readonly SortColumns<SanctionRow> Sort = new SortColumns<SanctionRow>("proposed")
        .Add("proposed", s => s.ProposedOn)
        .Add("decided", s => s.DecidedOn)
        .Add("title", s => s.Title)
        .Add("unit", s => s.UnitName)
        .Add("provider", s => s.ProviderName)
        .Add("type", s => s.ProposedType)
        .Add("state", s => s.State);

    public Task<PagedList<SanctionRow>> ListAsync(ListQuery list, SanctionFilter filter, CancellationToken cancellationToken)
    {
        var sanctions = db.Sanctions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            var pattern = SearchText.Pattern(list.Search);
            sanctions = sanctions.Where(s => EF.Functions.Like(EF.Property<string>(s, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(s.Unit!, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(s.Provider!, SearchText.Column), pattern, "\\"));
        }
        if (filter.State is { } state)
        {
            sanctions = sanctions.Where(s => s.State == state);
        }
        if (filter.ProviderId is { } providerId)
        {
            sanctions = sanctions.Where(s => s.ProviderId == providerId);
        }
        if (filter.UnitId is { } unitId)
        {
            sanctions = sanctions.Where(s => s.UnitId == unitId);
        }
        if (filter.ActionPlanId is { } planId)
        {
            sanctions = sanctions.Where(s => s.ActionPlanId == planId);
        }
        return sanctions
            .Select(s => new SanctionRow
            {
                Id = s.Id,
                Title = s.Title,
                UnitName = s.Unit!.Name,
                ProviderName = s.Provider!.Name,
                State = s.State,
                ProposedType = s.ProposedType,
                DecidedType = s.DecidedType,
                Escalation = s.Escalation,
                ProposedOn = s.ProposedOn,
                DecidedOn = s.DecidedOn,
                FixBy = s.FixBy,
            })
            .ToPageAsync(list, Sort, s => s.Id, cancellationToken);
    }

    public async Task<SanctionDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var sanction = await db.Sanctions.AsNoTracking().AsSplitQuery().Include(s => s.Provider).Include(s => s.Unit).Include(s => s.Steps)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sanction is null)
        {
            return null;
        }
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == sanction.ActionPlanId)
            .Select(p => new { p.Origin, p.OriginId, p.CaseNumber }).FirstAsync(cancellationToken);
        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == sanction.CommitteeId).Select(c => c.Name).FirstAsync(cancellationToken);
        var deficiencies = await DeficienciesAsync(sanction.ActionPlanId, sanction.DeficiencyIds, cancellationToken);
        var responses = plan.Origin == DeficiencyOrigin.Review
            ? await db.ReviewResponses.AsNoTracking().Where(r => r.ReviewId == plan.OriginId).OrderBy(r => r.WrittenAt).Select(r => r.Text).ToListAsync(cancellationToken)
            : [];
        var provider = current.ProviderId is not null;
        return new SanctionDetails(
            sanction.Id, sanction.Title, sanction.ActionPlanId, sanction.ProviderId, sanction.Provider?.Name ?? "", sanction.Provider?.OrganisationNumber,
            sanction.UnitId, sanction.Unit?.Name ?? "", sanction.CommitteeId, committee, plan.CaseNumber, sanction.State, sanction.AllowedTypes,
            sanction.ProposedType, sanction.Motivation, sanction.Escalation, sanction.ProposedOn, sanction.ProposedByName, sanction.CommunicatedOn,
            provider ? null : sanction.AssessmentComment, provider ? null : sanction.AssessedByName, sanction.AssessedOn, sanction.DecidedType, sanction.Decision,
            sanction.FixBy, sanction.YearCheckOn, sanction.VerificationReviewId, sanction.YearCheckReviewId, responses,
            [.. deficiencies.Where(d => sanction.DeficiencyIds.Contains(d.Id))],
            [.. sanction.Steps.OrderBy(s => s.OccurredAt).ThenBy(s => s.Id).Select(s => new SanctionStepView(s.Kind, s.OccurredAt, s.ActorName, s.Comment))],
            sanction.Version);
    }

    /// <summary>The proposal form for an action plan; null when the plan does not exist or the caller may not see it.</summary>
    public async Task<ProposalForm?> ProposalFormAsync(Guid actionPlanId, CancellationToken cancellationToken)
    {
        if (await BasisAsync(actionPlanId, cancellationToken) is not { } found)
        {
            return null;
        }
        var (basis, deficiencies, names) = found;
        return new ProposalForm(actionPlanId, basis.Title, names.Unit, names.Provider, basis.InHouse, Sanction.Groundless(basis, clock.SwedishToday()), deficiencies);
    }

    public async Task<SaveResult> ProposeAsync(ProposeInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (input.ActionPlanId is not { } planId || await BasisAsync(planId, cancellationToken) is not { } found)
        {
            return SaveResult.Refused(Refusal.Invalid("Välj åtgärdsplanen vars brister sanktionen gäller.", "ActionPlanId"));
        }
        var (sanction, refusal) = Sanction.Propose(found.Basis, input.DeficiencyIds, input.Type, input.Motivation, actor, clock.GetUtcNow(), clock.SwedishToday());
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        db.Sanctions.Add(sanction!);
        await AskGroupManagerAsync(sanction!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(sanction!.Id);
    }

    /// <summary>Proposes the next step of the ladder for a deficiency that persisted, unless none follows (<see cref="Sanction.Escalate"/>).</summary>
    async Task IPersistingDeficiency.PersistedAsync(ActionPlan plan, Guid deficiencyId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await BasisAsync(plan.Id, cancellationToken) is not { } found)
        {
            return;
        }
        var persisted = plan.Deficiencies.First(d => d.Id == deficiencyId).PersistCount;
        var basis = found.Basis with
        {
            Deficiencies = [.. found.Basis.Deficiencies.Select(d => d.Id == deficiencyId ? d with { PersistCount = persisted } : d)],
        };
        var decidedBefore = (await db.Sanctions.AsNoTracking().Where(s => s.ActionPlanId == plan.Id && s.State == SanctionState.Decided)
                .Select(s => new { s.DeficiencyIds, s.DecidedType }).ToListAsync(cancellationToken))
            .Where(s => s.DeficiencyIds.Contains(deficiencyId) && s.DecidedType is not null).Select(s => s.DecidedType!.Value);
        if (Sanction.Escalate(basis, deficiencyId, decidedBefore, actor, clock.GetUtcNow(), clock.SwedishToday()) is { } sanction)
        {
            db.Sanctions.Add(sanction);
            await AskGroupManagerAsync(sanction, cancellationToken);
        }
    }

    public Task<SaveResult> AssessAsync(Guid id, AssessInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, s => s.Assess(actor, input.Outcome, input.Comment, clock.GetUtcNow(), clock.SwedishToday()), cancellationToken,
            s => s.State == SanctionState.AwaitingCommittee
                ? handOffs.WaitsForAsync(new HandOff($"sanction-to-committee:{s.Steps[^1].Id:N}", R.CommitteeSecretary,
                    $"Sanktion att ta upp i nämnden: {s.Title}", $"Gruppchefen föreslår nämnden att besluta om {DisplayNames.Of(s.ProposedType).ToLowerInvariant()} för {s.Title}.",
                    Url(s.Id))
                { CommitteeId = s.CommitteeId }, cancellationToken)
                : handOffs.WaitsForAsync(new HandOff($"sanction-assessed:{s.Steps[^1].Id:N}", R.QualityDeveloper,
                    $"Förslag till sanktion bedömt: {s.Title}", $"Gruppchefen har bedömt förslaget: {DisplayNames.Of(s.State)}. {s.AssessmentComment}", Url(s.Id)),
                    cancellationToken));

    public Task<SaveResult> ReviseAsync(Guid id, ReviseInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, s => s.Revise(actor, input.Type, input.Motivation, clock.GetUtcNow()), cancellationToken,
            s => AskGroupManagerAsync(s, cancellationToken));

    /// <summary>
    /// The secretary records the committee's decision. A decided sanction is sent to the provider's portal as a letter; a warning's
    /// deadline plans the verification visit and the following year's check.
    /// </summary>
    public Task<SaveResult> DecideAsync(Guid id, DecisionInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version,
            s => s.RecordDecision(actor, new SanctionDecisionInput(input.Decided, input.Type, input.DecidedOn, input.Paragraph, input.CaseNumber, input.FixBy, input.Comment),
                clock.GetUtcNow(), clock.SwedishToday()),
            cancellationToken, async s =>
            {
                if (s.State != SanctionState.Decided)
                {
                    return null;
                }
                if (s.IsWarning && await PlanChecksAsync(s, actor, cancellationToken) is { } refusal)
                {
                    return refusal;
                }
                await SendLetterAsync(s, actor, cancellationToken);
                return null;
            });

    /// <summary>The names of the list's chosen provider and unit, each null when not chosen or not the caller's to see.</summary>
    public async Task<(string? Provider, string? Unit)> FilterNamesAsync(Guid? providerId, Guid? unitId, CancellationToken cancellationToken) =>
        (providerId is { } p ? await db.Providers.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null,
            unitId is { } u ? await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null);

    /// <summary>
    /// What a proposal for the plan rests on: the deciding committee (the plan's choice system's, else that of the conditions the
    /// deficiencies break), the unit's form of ownership, the sanctions each deficiency's conditions allow, open proposals, and
    /// when the provider was shown the report (a review's communication) or the matter (the plan, due by its date) and answered.
    /// </summary>
    private async Task<(SanctionBasis Basis, IReadOnlyList<SanctionDeficiencyView> Deficiencies, (string Unit, string Provider) Names)?> BasisAsync(
        Guid actionPlanId, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == actionPlanId)
            .Select(p => new
            {
                p.Id,
                p.ProviderId,
                p.UnitId,
                p.ChoiceSystemId,
                p.Title,
                p.InHouse,
                p.Origin,
                p.OriginId,
                p.CreatedOn,
                p.PlanDueOn,
                p.SubmittedAt,
                Unit = p.Unit!.Name,
                Provider = p.Provider!.Name,
                Committee = db.ChoiceSystems.Where(c => c.Id == p.ChoiceSystemId).Select(c => (Guid?)c.CommitteeId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var deficiencies = await DeficienciesAsync(plan.Id, null, cancellationToken);
        var committee = plan.Committee;
        if (committee is null)
        {
            var versionIds = await db.Deficiencies.AsNoTracking().Where(d => d.ActionPlanId == plan.Id).Select(d => d.ConditionVersionIds).ToListAsync(cancellationToken);
            var ids = versionIds.SelectMany(v => v).Distinct().ToList();
            committee = ids.Count == 0 ? null : await db.ConditionVersions.AsNoTracking().Where(v => ids.Contains(v.Id))
                .Join(db.Conditions, v => v.ConditionId, c => c.Id, (v, c) => c.ChoiceSystemId)
                .Join(db.ChoiceSystems, id => id, c => c.Id, (id, c) => (Guid?)c.CommitteeId)
                .FirstOrDefaultAsync(cancellationToken);
        }
        var review = plan.Origin == DeficiencyOrigin.Review
            ? await db.Reviews.AsNoTracking().Where(r => r.Id == plan.OriginId)
                .Select(r => new { r.CommunicatedOn, r.ResponseDueOn, Responded = r.RespondedAt != null }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var (communicatedOn, dueOn, responded) = plan.Origin == DeficiencyOrigin.Review
            ? (review?.CommunicatedOn, review?.ResponseDueOn, review?.Responded == true)
            : (plan.CreatedOn, plan.PlanDueOn, plan.SubmittedAt != null);
        var basis = new SanctionBasis(plan.Id, plan.ProviderId, plan.UnitId, committee, plan.Title, plan.InHouse,
            [.. deficiencies.Select(d => new SanctionDeficiency(d.Id, d.Number, d.Allowed, d.PersistCount, d.UnderOpenProposal))],
            communicatedOn, dueOn, responded);
        return (basis, deficiencies, (plan.Unit, plan.Provider));
    }

    /// <summary>A plan's deficiencies (or some of them) with their conditions, the sanctions those allow, and whether a proposal is open.</summary>
    private async Task<IReadOnlyList<SanctionDeficiencyView>> DeficienciesAsync(Guid actionPlanId, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var deficiencies = await db.Deficiencies.AsNoTracking().Where(d => d.ActionPlanId == actionPlanId).OrderBy(d => d.Number).ToListAsync(cancellationToken);
        var versionIds = deficiencies.SelectMany(d => d.ConditionVersionIds).Distinct().ToList();
        var conditions = versionIds.Count == 0 ? []
            : await db.ConditionVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
                .Join(db.Conditions, v => v.ConditionId, c => c.Id, (v, c) => new { v.Id, c.Code, v.Title, v.Sanctions })
                .ToDictionaryAsync(c => c.Id, cancellationToken);
        // A provider's user reads no open proposal (the query filter), so never learns of one from here.
        var taken = (await db.Sanctions.AsNoTracking().Where(s => s.ActionPlanId == actionPlanId
                && (s.State == SanctionState.Proposed || s.State == SanctionState.MoreReviewNeeded || s.State == SanctionState.AwaitingCommittee))
            .Select(s => s.DeficiencyIds).ToListAsync(cancellationToken)).SelectMany(ids => ids).ToHashSet();
        return [.. deficiencies.Where(d => only is null || only.Contains(d.Id)).Select(d =>
        {
            var mine = d.ConditionVersionIds.Where(conditions.ContainsKey).Select(v => conditions[v]).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            return new SanctionDeficiencyView(d.Id, d.Number, d.Severity, d.Area, d.Description, d.RequiredAction, d.DeadlineOn, d.State, d.PersistCount,
                [.. mine.Select(c => new SanctionCondition(c.Code, c.Title))], [.. mine.SelectMany(c => c.Sanctions).Distinct().Order()], taken.Contains(d.Id));
        })];
    }

    private Task<int> AskGroupManagerAsync(Sanction sanction, CancellationToken cancellationToken) =>
        handOffs.WaitsForAsync(new HandOff($"sanction-proposed:{sanction.Steps[^1].Id:N}", R.GroupManager,
            $"Förslag till sanktion att bedöma: {sanction.Title}",
            $"{(sanction.Escalation ? "En brist kvarstod vid uppföljningen" : sanction.ProposedByName + " föreslår")}: {DisplayNames.Of(sanction.ProposedType).ToLowerInvariant()} för {sanction.Title}. Bedöm om nämnden ska föreslås att besluta, eller om mer granskning behövs.",
            Url(sanction.Id)), cancellationToken);

    /// <summary>
    /// The follow-up reviews a decided warning calls for ([002] §7.1): the visit that checks its deadline "as soon as possible"
    /// after it, and the check a year later; led by the one who proposed the sanction.
    /// </summary>
    public static IReadOnlyList<DecisionVisit> WarningChecks(Sanction sanction, Guid? choiceSystemId, Guid? followsUpReviewId)
    {
        var decision = sanction.Decision!;
        var deadline = sanction.FixBy ?? decision.DecidedOn;
        var name = DisplayNames.Of(sanction.DecidedType!.Value).ToLowerInvariant();
        DecisionVisit Visit(string title, DateOnly on, string reason) => new(
            sanction.ProviderId, sanction.UnitId, choiceSystemId, sanction.CommitteeId, followsUpReviewId, title, on, reason, decision.CaseNumber,
            sanction.ProposedById, sanction.ProposedByName);
        return
        [
            Visit($"Kontrollbesök efter {name}: {sanction.Title}", deadline.AddDays(1),
                $"Nämnden beslutade {name} {decision.Paragraph} med tidsfrist till {SwedishText.Date(deadline)}. Kontrollera snarast genom besök att bristerna är åtgärdade."),
            Visit($"Kontroll året efter {name}: {sanction.Title}", sanction.YearCheckOn!.Value,
                $"Nämnden beslutade {name} {decision.Paragraph}. Bristerna följs upp igen året efter tidsfristen."),
        ];
    }

    /// <summary>The decision letter as a document in the provider's portal, which the provider opens and confirms reading.</summary>
    public static PortalDocument LetterInPortal(Sanction sanction, string sentBy, DateTimeOffset at)
    {
        var name = DisplayNames.Of(sanction.DecidedType!.Value).ToLowerInvariant();
        var decision = sanction.Decision!;
        return new PortalDocument
        {
            ProviderId = sanction.ProviderId,
            Title = $"Beslut om {name}: {sanction.Title}",
            Message = $"Nämnden har den {SwedishText.Date(decision.DecidedOn)} {decision.Paragraph} (dnr {decision.CaseNumber}) beslutat om {name}."
                + (sanction.FixBy is { } fixBy ? $" Bristerna ska vara åtgärdade senast {SwedishText.Date(fixBy)}." : "")
                + $" Beslutsbrevet finns på {Url(sanction.Id)}.",
            SentAt = at,
            SentBy = sentBy,
        };
    }

    /// <summary>Plans a decided warning's checks (<see cref="WarningChecks"/>) in this unit of work.</summary>
    private async Task<Refusal?> PlanChecksAsync(Sanction sanction, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == sanction.ActionPlanId)
            .Select(p => new { p.ChoiceSystemId, p.Origin, p.OriginId }).FirstAsync(cancellationToken);
        var planned = new List<Guid>();
        foreach (var visit in WarningChecks(sanction, plan.ChoiceSystemId, plan.Origin == DeficiencyOrigin.Review ? plan.OriginId : null))
        {
            var (id, refusal) = await visits.PlanAsync(visit, sanction.Decision!, actor, cancellationToken);
            if (refusal is not null)
            {
                return Refusal.WrongState($"{visit.Title} kunde inte planeras: {refusal.Message}");
            }
            planned.Add(id!.Value);
        }
        sanction.ScheduledChecks(planned[0], planned[1]);
        return null;
    }

    /// <summary>The decision letter in the provider's portal, and a notice to its users.</summary>
    private async Task SendLetterAsync(Sanction sanction, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var name = DisplayNames.Of(sanction.DecidedType!.Value).ToLowerInvariant();
        db.PortalDocuments.Add(LetterInPortal(sanction, actor.Name, clock.GetUtcNow()));
        await handOffs.WaitsForAsync(new HandOff($"sanction-decided:{sanction.Id:N}", R.ProviderUser, $"Beslut om {name}: {sanction.Title}",
            $"Nämnden har beslutat om {name}. Läs beslutsbrevet i portalen.", Url(sanction.Id))
        { ProviderId = sanction.ProviderId }, cancellationToken);
    }

    /// <summary>
    /// One step on the sanction: the domain decides whether the actor may and the state allows it; the version the caller read
    /// guards against a step on a sanction someone else has changed meanwhile. <paramref name="after"/> may still refuse.
    /// </summary>
    private async Task<SaveResult> StepAsync(
        Guid id, int? version, Func<Sanction, Refusal?> step, CancellationToken cancellationToken, Func<Sanction, Task<Refusal?>>? after = null)
    {
        var sanction = await db.Sanctions.Include(s => s.Steps).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sanction is null)
        {
            return SaveResult.Missing();
        }
        if (version is null)
        {
            return SaveResult.Refused(Refusal.Invalid("Ange versionen av sanktionen, som den var när du läste den.", "version"));
        }
        if (step(sanction) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        if (after is not null && await after(sanction) is { } later)
        {
            return SaveResult.Refused(later);
        }
        db.ExpectVersion(sanction, version.Value);
        return await db.SaveOrConflictAsync(sanction.Id, cancellationToken);
    }

    private Task<SaveResult> StepAsync(Guid id, int? version, Func<Sanction, Refusal?> step, CancellationToken cancellationToken, Func<Sanction, Task<int>> after) =>
        StepAsync(id, version, step, cancellationToken, async s =>
        {
            await after(s);
            return (Refusal?)null;
        });
}
