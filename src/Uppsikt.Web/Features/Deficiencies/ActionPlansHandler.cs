using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Deficiencies;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Notifications;
using Uppsikt.Web.Infrastructure.Referrals;
using Uppsikt.Web.Infrastructure.Reviews;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>A deficiency in the list: one row, read in the list's single query.</summary>
public sealed record DeficiencyRow
{
    public required Guid Id { get; init; }
    public required Guid ActionPlanId { get; init; }
    public int Number { get; init; }
    public required string Area { get; init; }
    public Assessment Severity { get; init; }
    public bool InHouse { get; init; }
    public DeficiencyState State { get; init; }
    public DateOnly IdentifiedOn { get; init; }
    public DateOnly DeadlineOn { get; init; }
    public int PersistCount { get; init; }
    public required string UnitName { get; init; }
    public required string ProviderName { get; init; }
    public required string PlanTitle { get; init; }
    public ActionPlanState PlanState { get; init; }
    public DeficiencyOrigin Origin { get; init; }
}

/// <summary>What waits on a deficiency: the start page counts these and links to the list filtered by them.</summary>
public enum DeficiencyNeed
{
    /// <summary>The plan is the provider's to write or complete.</summary>
    [Display(Name = "Väntar på anordnarens åtgärdsplan")] AwaitingPlan = 1,

    /// <summary>The plan is submitted and waits for approval or return.</summary>
    [Display(Name = "Åtgärdsplan att godkänna")] AwaitingApproval = 2,

    /// <summary>Open, the plan approved and every action against it reported done: the municipality verifies it.</summary>
    [Display(Name = "Att verifiera")] AwaitingVerification = 3,

    /// <summary>Open past its deadline.</summary>
    [Display(Name = "Tidsfristen har passerat")] Overdue = 4,
}

/// <summary>The list's filters; each narrows, none given lists every deficiency the caller may see.</summary>
public sealed record DeficiencyFilter(
    DeficiencyState? State = null, Assessment? Severity = null, DeficiencyOrigin? Origin = null, Guid? ProviderId = null, Guid? UnitId = null,
    Guid? OriginId = null, DeficiencyNeed? Need = null);

public sealed record ConditionView(Guid VersionId, string Code, string Title);

public sealed record ActionView(
    Guid Id, Guid DeficiencyId, string Description, string ResponsibleName, DateOnly DueOn, DateOnly? DoneOn, string? DoneReport, string? DoneByName,
    IReadOnlyList<Attachment> Evidence);

public sealed record VerificationView(
    Guid Id, DateOnly VerifiedOn, VerificationMethod Method, string CheckedWhat, bool Fixed, Guid? ReviewId, DateOnly? NewDeadlineOn, string VerifiedByName);

public sealed record DeficiencyView(
    Guid Id, int Number, Assessment Severity, string Area, string Description, string RequiredAction, string? QuestionCode,
    IReadOnlyList<ConditionView> Conditions, DateOnly IdentifiedOn, DateOnly DeadlineOn, DeficiencyState State, DateOnly? FixedOn, int PersistCount,
    IReadOnlyList<ActionView> Actions, IReadOnlyList<VerificationView> Verifications,
    IReadOnlyList<ReferralStanceView>? Referrals = null, IReadOnlyList<ReferralAuthority>? MissingStances = null)
{
    /// <summary>The stances for the municipality's page (decision 0029); null for a provider, who never reads them.</summary>
    [JsonIgnore]
    public ReferralsView? ReferralStances =>
        Referrals is null ? null : new(Severity == Assessment.SeriousDeficiency, State == DeficiencyState.Fixed, Referrals, MissingStances ?? []);

    /// <summary>Every action against it is reported done, and there is one: ready for the municipality's verification.</summary>
    public bool ReadyToVerify => State == DeficiencyState.Open && Actions.Count > 0 && Actions.All(a => a.DoneOn is not null);
}

public sealed record PlanStepView(ActionPlanStepKind Kind, DateTimeOffset OccurredAt, string ActorName, string? Comment);

/// <summary>An action plan as its page and <c>GET /api/v1/action-plans/{id}</c> show it.</summary>
public sealed record ActionPlanDetails(
    Guid Id, string Title, DeficiencyOrigin Origin, Guid OriginId, string? OriginUrl, Guid ProviderId, string ProviderName, Guid UnitId, string UnitName,
    string? CaseNumber, bool InHouse, ActionPlanState State, DateOnly CreatedOn, DateOnly PlanDueOn, DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt, string? ApprovedByName, string? ReturnReason, DateOnly? ClosedOn,
    IReadOnlyList<DeficiencyView> Deficiencies, IReadOnlyList<PlanStepView> Timeline, int Version)
{
    public bool OpenToProvider => State is ActionPlanState.AwaitingPlan or ActionPlanState.Returned;

    /// <summary>"påtalad brist" at an in-house unit, "brist" otherwise.</summary>
    public string Noun => InHouse ? "påtalad brist" : "brist";
}

public sealed record NewDeficiencyInput(
    DeficiencyOrigin? Origin, Guid? MatterId, Assessment? Severity, string? Area, [DataType(DataType.MultilineText)] string? Description, [DataType(DataType.MultilineText)] string? RequiredAction, int? FixWithinMonths,
    IReadOnlyList<Guid>? ConditionVersionIds);

public sealed record ActionInput(Guid? DeficiencyId, [DataType(DataType.MultilineText)] string? Description, string? ResponsibleName, DateOnly? DueOn, int Version);

public sealed record PlanStepInput([DataType(DataType.MultilineText)] string? Comment, int Version);

public sealed record ReturnInput([DataType(DataType.MultilineText)] string? Reason, int Version);

public sealed record DoneInput([DataType(DataType.MultilineText)] string? Report, IReadOnlyList<Guid>? EvidenceFileIds, int Version);

public sealed record VerifyInput(
    VerificationMethod? Method, [DataType(DataType.MultilineText)] string? CheckedWhat, bool? Fixed, DateOnly? VerifiedOn, DateOnly? NewDeadlineOn, Guid? ReviewId, int Version);

/// <summary>A complaint or incident a deficiency may be registered from, as the form shows it.</summary>
public sealed record MatterView(DeficiencyOrigin Origin, Guid Id, string Title, string UnitName, string ProviderName, bool IsSerious, string Url);

/// <summary>
/// Reads deficiencies and action plans and takes each side's steps on them through the domain's rules (<see cref="ActionPlan"/>);
/// the pages and <c>/api/v1/action-plans</c> call it. A review's deficiencies are registered as its report becomes final
/// (<see cref="IFinalReportFollowUp"/>); a serious complaint's or incident's by the municipality here.
/// </summary>
public sealed class ActionPlansHandler(
    AppDbContext db, DeficiencySettings settings, TimeProvider clock, HandOffs handOffs, FileStore files, ICurrentActor caller,
    IEnumerable<IPersistingDeficiency> persisting)
    : IFinalReportFollowUp
{
    public const string FileOwnerType = nameof(ActionPlan);

    public static string PlanUrl(Guid id) => $"/Deficiencies/Plan/{id}";

    public static readonly SortColumns<DeficiencyRow> Sort = new SortColumns<DeficiencyRow>("deadline")
        .Add("deadline", d => d.DeadlineOn)
        .Add("identified", d => d.IdentifiedOn)
        .Add("area", d => d.Area)
        .Add("severity", d => d.Severity)
        .Add("unit", d => d.UnitName)
        .Add("provider", d => d.ProviderName)
        .Add("state", d => d.State);

    public Task<PagedList<DeficiencyRow>> ListAsync(ListQuery list, DeficiencyFilter filter, CancellationToken cancellationToken)
    {
        var deficiencies = db.Deficiencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            var pattern = SearchText.Pattern(list.Search);
            deficiencies = deficiencies.Where(d => EF.Functions.Like(EF.Property<string>(d, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(d.ActionPlan!, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(d.ActionPlan!.Unit!, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(d.ActionPlan!.Provider!, SearchText.Column), pattern, "\\"));
        }
        if (filter.State is { } state)
        {
            deficiencies = deficiencies.Where(d => d.State == state);
        }
        if (filter.Severity is { } severity)
        {
            deficiencies = deficiencies.Where(d => d.Severity == severity);
        }
        if (filter.Origin is { } origin)
        {
            deficiencies = deficiencies.Where(d => d.ActionPlan!.Origin == origin);
        }
        if (filter.OriginId is { } originId)
        {
            deficiencies = deficiencies.Where(d => d.ActionPlan!.OriginId == originId);
        }
        if (filter.ProviderId is { } providerId)
        {
            deficiencies = deficiencies.Where(d => d.ProviderId == providerId);
        }
        if (filter.UnitId is { } unitId)
        {
            deficiencies = deficiencies.Where(d => d.UnitId == unitId);
        }
        var today = clock.SwedishToday();
        deficiencies = filter.Need switch
        {
            DeficiencyNeed.AwaitingPlan => deficiencies.Where(d => d.State == DeficiencyState.Open
                && (d.ActionPlan!.State == ActionPlanState.AwaitingPlan || d.ActionPlan.State == ActionPlanState.Returned)),
            DeficiencyNeed.AwaitingApproval => deficiencies.Where(d => d.State == DeficiencyState.Open && d.ActionPlan!.State == ActionPlanState.Submitted),
            DeficiencyNeed.AwaitingVerification => deficiencies.Where(d => d.State == DeficiencyState.Open && d.ActionPlan!.State == ActionPlanState.Approved
                && db.PlannedActions.Any(a => a.DeficiencyId == d.Id) && !db.PlannedActions.Any(a => a.DeficiencyId == d.Id && a.DoneOn == null)),
            DeficiencyNeed.Overdue => deficiencies.Where(d => d.State == DeficiencyState.Open && d.DeadlineOn < today),
            _ => deficiencies,
        };
        return deficiencies
            .Select(d => new DeficiencyRow
            {
                Id = d.Id,
                ActionPlanId = d.ActionPlanId,
                Number = d.Number,
                Area = d.Area,
                Severity = d.Severity,
                InHouse = d.InHouse,
                State = d.State,
                IdentifiedOn = d.IdentifiedOn,
                DeadlineOn = d.DeadlineOn,
                PersistCount = d.PersistCount,
                UnitName = d.ActionPlan!.Unit!.Name,
                ProviderName = d.ActionPlan.Provider!.Name,
                PlanTitle = d.ActionPlan.Title,
                PlanState = d.ActionPlan.State,
                Origin = d.ActionPlan.Origin,
            })
            .ToPageAsync(list, Sort, d => d.Id, cancellationToken);
    }

    public async Task<ActionPlanDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Provider).Include(p => p.Unit)
            .Include(p => p.Deficiencies).ThenInclude(d => d.Verifications)
            .Include(p => p.Actions).Include(p => p.Steps)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var versionIds = plan.Deficiencies.SelectMany(d => d.ConditionVersionIds).Distinct().ToList();
        var conditions = versionIds.Count == 0 ? []
            : await db.ConditionVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
                .Join(db.Conditions, v => v.ConditionId, c => c.Id, (v, c) => new ConditionView(v.Id, c.Code, v.Title))
                .ToDictionaryAsync(c => c.VersionId, cancellationToken);
        var attachments = (await files.ListAsync(FileOwnerType, id, cancellationToken)).ToDictionary(f => f.Id);
        var municipal = R.Municipal.Any(caller.IsInRole);
        return new ActionPlanDetails(
            plan.Id, plan.Title, plan.Origin, plan.OriginId, OriginUrl(plan.Origin, plan.OriginId), plan.ProviderId, plan.Provider?.Name ?? "",
            plan.UnitId, plan.Unit?.Name ?? "", plan.CaseNumber, plan.InHouse, plan.State, plan.CreatedOn, plan.PlanDueOn, plan.SubmittedAt,
            plan.ApprovedAt, plan.ApprovedByName, plan.ReturnReason, plan.ClosedOn,
            [.. plan.Deficiencies.OrderBy(d => d.Number).Select(d => new DeficiencyView(
                d.Id, d.Number, d.Severity, d.Area, d.Description, d.RequiredAction, d.QuestionCode,
                [.. d.ConditionVersionIds.Select(v => conditions.GetValueOrDefault(v)).OfType<ConditionView>().OrderBy(c => c.Code, StringComparer.Ordinal)],
                d.IdentifiedOn, d.DeadlineOn, d.State, d.FixedOn, d.PersistCount,
                [.. plan.Actions.Where(a => a.DeficiencyId == d.Id).OrderBy(a => a.DueOn).ThenBy(a => a.Id).Select(a => new ActionView(
                    a.Id, a.DeficiencyId, a.Description, a.ResponsibleName, a.DueOn, a.DoneOn, a.DoneReport, a.DoneByName,
                    [.. a.EvidenceFileIds.Select(f => attachments.GetValueOrDefault(f)).OfType<Attachment>()]))],
                [.. d.Verifications.OrderBy(v => v.VerifiedOn).ThenBy(v => v.Id).Select(v => new VerificationView(
                    v.Id, v.VerifiedOn, v.Method, v.CheckedWhat, v.Fixed, v.ReviewId, v.NewDeadlineOn, v.VerifiedByName))],
                municipal ? ReferralsView.Of(d).Stances : null, municipal ? d.MissingStances() : null))],
            [.. plan.Steps.OrderBy(s => s.OccurredAt).ThenBy(s => s.Id).Select(s => new PlanStepView(s.Kind, s.OccurredAt, s.ActorName, s.Comment))],
            plan.Version);
    }

    /// <summary>Registers the deficiencies a final report found, one plan per unit, and tells the provider a plan is wanted.</summary>
    async Task<Refusal?> IFinalReportFollowUp.FinalisedAsync(Review review, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (!review.Findings.Any(f => f.IsDeficiency))
        {
            return null;
        }
        var providerInHouse = await db.Providers.Where(p => p.Id == review.ProviderId).Select(p => p.Ownership == Ownership.InHouse)
            .FirstOrDefaultAsync(cancellationToken);
        var unitIds = review.Units.Select(u => u.UnitId).ToList();
        var ownership = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Ownership, cancellationToken);
        var (plans, refusal) = ActionPlan.FromFinalReview(review, providerInHouse, ownership, actor, clock.GetUtcNow(), settings.PlanDays);
        if (refusal is not null)
        {
            return refusal;
        }
        db.ActionPlans.AddRange(plans);
        foreach (var plan in plans)
        {
            await TellProviderAsync(plan, "created", cancellationToken);
        }
        return null;
    }

    /// <summary>The municipality registers a deficiency from a serious complaint or incident, in a plan of its own.</summary>
    public async Task<SaveResult> RegisterAsync(NewDeficiencyInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (input.Origin is not { } origin || input.MatterId is not { } matterId || await MatterAsync(origin, matterId, cancellationToken) is not { } matter)
        {
            return SaveResult.Refused(Refusal.Invalid("Välj det klagomål eller den händelse bristen gäller.", "MatterId"));
        }
        if (await db.ActionPlans.AnyAsync(p => p.Origin == origin && p.OriginId == matterId, cancellationToken))
        {
            return SaveResult.Refused(Refusal.WrongState("En brist är redan registrerad för ärendet. Öppna dess åtgärdsplan."));
        }
        var (plan, refusal) = ActionPlan.FromMatter(matter,
            new DeficiencyInput(input.Severity, input.Area, input.Description, input.RequiredAction, input.FixWithinMonths, input.ConditionVersionIds),
            actor, clock.GetUtcNow(), clock.SwedishToday(), settings.PlanDays);
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        db.ActionPlans.Add(plan!);
        await TellProviderAsync(plan!, "created", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(plan!.Id);
    }

    /// <summary>The complaint or incident as the form and the domain need it; null when it does not exist or the caller may not see it.</summary>
    public async Task<MatterView?> MatterViewAsync(DeficiencyOrigin origin, Guid id, CancellationToken cancellationToken)
    {
        if (await MatterAsync(origin, id, cancellationToken) is not { } matter)
        {
            return null;
        }
        var names = await db.Units.AsNoTracking().Where(u => u.Id == matter.UnitId).Select(u => new { u.Name, Provider = u.Provider!.Name }).FirstAsync(cancellationToken);
        return new MatterView(origin, id, matter.Title, names.Name, names.Provider, matter.IsSerious, OriginUrl(origin, id)!);
    }

    public Task<SaveResult> AddActionAsync(Guid id, ActionInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, plan => plan.AddAction(actor, input.DeficiencyId ?? Guid.Empty, input.Description, input.ResponsibleName, input.DueOn,
            clock.SwedishToday()).Refusal, cancellationToken);

    public Task<SaveResult> RemoveActionAsync(Guid id, Guid actionId, int? version, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, version, plan => plan.RemoveAction(actor, actionId), cancellationToken);

    public Task<SaveResult> SubmitAsync(Guid id, PlanStepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, plan => plan.Submit(actor, clock.GetUtcNow(), input.Comment), cancellationToken, async plan =>
            await handOffs.WaitsForAsync(new HandOff($"action-plan-submitted:{plan.Steps[^1].Id:N}", R.QualityDeveloper,
                $"Åtgärdsplan att godkänna: {plan.Title}", $"En åtgärdsplan för {plan.Title} väntar på godkännande.", PlanUrl(plan.Id)), cancellationToken));

    public Task<SaveResult> ApproveAsync(Guid id, PlanStepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, plan => plan.Approve(actor, clock.GetUtcNow(), input.Comment), cancellationToken,
            plan => TellProviderAsync(plan, "approved", cancellationToken));

    public Task<SaveResult> ReturnAsync(Guid id, ReturnInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, plan => plan.Return(actor, input.Reason, clock.GetUtcNow(), clock.SwedishToday(), settings.PlanDays), cancellationToken,
            plan => TellProviderAsync(plan, "returned", cancellationToken));

    /// <summary>The provider reports an action done, pointing to files of the plan as evidence; files of another matter are refused.</summary>
    public async Task<SaveResult> ReportDoneAsync(Guid id, Guid actionId, DoneInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var given = (input.EvidenceFileIds ?? []).Distinct().ToList();
        var known = (await files.ListAsync(FileOwnerType, id, cancellationToken)).Select(f => f.Id).ToHashSet();
        return await StepAsync(id, input.Version, plan => given.Any(f => !known.Contains(f))
                ? Refusal.Invalid("Underlaget ska vara filer som är bifogade till åtgärdsplanen.", "Evidence")
                : plan.ReportDone(actor, actionId, input.Report, given, clock.GetUtcNow(), clock.SwedishToday()),
            cancellationToken, async plan =>
            {
                var action = plan.Actions.First(a => a.Id == actionId);
                await handOffs.WaitsForAsync(new HandOff($"action-done:{actionId:N}", R.QualityDeveloper,
                    $"Åtgärd genomförd: {plan.Title}", $"Anordnaren har rapporterat en åtgärd i åtgärdsplanen för {plan.Title} som genomförd: {action.Description}",
                    PlanUrl(plan.Id)), cancellationToken);
            });
    }

    /// <summary>The municipality's verification of one deficiency; a visit names the follow-up review it was made in.</summary>
    public async Task<SaveResult> VerifyAsync(Guid id, Guid deficiencyId, VerifyInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var visit = input.ReviewId is { } reviewId
            ? await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId)
                .Select(r => new VerificationVisit(r.Id, r.Type, r.ProviderId, r.Units.Select(u => u.UnitId).ToList(), r.State)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var verification = new VerificationInput(input.Method, input.CheckedWhat, input.Fixed, input.VerifiedOn, input.NewDeadlineOn, input.ReviewId);
        return await StepAsync(id, input.Version,
            plan => plan.Verify(actor, deficiencyId, verification, visit, clock.GetUtcNow(), clock.SwedishToday(), settings.PlanDays), cancellationToken,
            async plan =>
            {
                if (input.Fixed == false)
                {
                    await TellProviderAsync(plan, "persisting", cancellationToken);
                    foreach (var follow in persisting)
                    {
                        await follow.PersistedAsync(plan, deficiencyId, actor, cancellationToken);
                    }
                }
            });
    }

    /// <summary>The municipality's stance on referring a serious deficiency to one authority (rule 4; decision 0029), with the plan's version.</summary>
    public async Task<SaveResult> RecordStanceAsync(Guid id, Guid deficiencyId, StanceInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var check = new Validation();
        ReferralStanceRecording.Check(check, input, actor.Name, today);
        if (!await db.ActionPlans.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return SaveResult.Missing();
        }
        if (!actor.IsIn(ActionPlan.FollowUpRoles))
        {
            return SaveResult.Refused(ActionPlan.NotFollowingUp);
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        return await StepAsync(id, input.Version, plan => plan.RecordStance(actor, deficiencyId, input.Authority!.Value, input.Decision!.Value,
            input.GivenMotivation, input.DecidedOn!.Value, today), cancellationToken);
    }

    /// <summary>The follow-up reviews a visit may be verified with: of the plan's provider, covering its unit, the visit made.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title, DateOnly PlannedFor)>> VisitOptionsAsync(Guid providerId, Guid unitId, CancellationToken cancellationToken) =>
        [.. (await db.Reviews.AsNoTracking()
                .Where(r => r.ProviderId == providerId && r.Type == ReviewType.FollowUpReview && r.State >= ReviewState.VisitDone && r.Units.Any(u => u.UnitId == unitId))
                .OrderByDescending(r => r.PlannedFor).Select(r => new { r.Id, r.Title, r.PlannedFor }).ToListAsync(cancellationToken))
            .Select(r => (r.Id, r.Title, r.PlannedFor))];

    /// <summary>The names of the list's chosen provider and unit, each null when not chosen or not the caller's to see.</summary>
    public async Task<(string? Provider, string? Unit)> FilterNamesAsync(Guid? providerId, Guid? unitId, CancellationToken cancellationToken) =>
        (providerId is { } p ? await db.Providers.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null,
            unitId is { } u ? await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null);

    public static string? OriginUrl(DeficiencyOrigin origin, Guid id) => origin switch
    {
        DeficiencyOrigin.Review => $"/Reviews/Details?id={id}",
        DeficiencyOrigin.Complaint => $"/Evidence/Complaints/Details/{id}",
        DeficiencyOrigin.Incident => $"/Evidence/Incidents/Details/{id}",
        _ => null,
    };

    private async Task<DeficiencyMatter?> MatterAsync(DeficiencyOrigin origin, Guid id, CancellationToken cancellationToken)
    {
        var found = origin switch
        {
            DeficiencyOrigin.Complaint => await db.Complaints.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new
                {
                    c.UnitId,
                    c.Unit!.ProviderId,
                    UnitOwnership = c.Unit.Ownership,
                    ProviderOwnership = (Ownership?)c.Unit.Provider!.Ownership,
                    IsSerious = c.Severity == Severity.Serious,
                    Date = c.ReceivedOn
                })
                .FirstOrDefaultAsync(cancellationToken),
            DeficiencyOrigin.Incident => await db.Incidents.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new
                {
                    i.UnitId,
                    i.Unit!.ProviderId,
                    UnitOwnership = i.Unit.Ownership,
                    ProviderOwnership = (Ownership?)i.Unit.Provider!.Ownership,
                    IsSerious = i.Kind == IncidentKind.LexSarah || i.Kind == IncidentKind.LexMaria || i.Severity == Severity.Serious,
                    Date = i.OccurredOn
                })
                .FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        return found is null || found.ProviderId is not { } providerId ? null
            : new DeficiencyMatter(origin, id, $"{(origin == DeficiencyOrigin.Complaint ? "Klagomål" : "Händelse")} {SwedishText.Date(found.Date)}",
                providerId, found.UnitId, found.UnitOwnership == Ownership.InHouse, found.ProviderOwnership == Ownership.InHouse, found.IsSerious);
    }

    /// <summary>Tells the provider's users what the plan now waits for from them (or that it is approved).</summary>
    private Task<int> TellProviderAsync(ActionPlan plan, string occasion, CancellationToken cancellationToken)
    {
        var (subject, text) = occasion switch
        {
            "created" => ($"Åtgärdsplan att lämna: {plan.Title}",
                $"Kommunen har registrerat {ActionPlan.CountOf(plan.Deficiencies.Count, plan.InHouse)} "
                + $"efter {plan.Title}. Lämna en åtgärdsplan senast {SwedishText.Date(plan.PlanDueOn)}."),
            "approved" => ($"Åtgärdsplanen är godkänd: {plan.Title}", $"Åtgärdsplanen för {plan.Title} är godkänd. Rapportera varje åtgärd när den är genomförd, med underlag."),
            _ => ($"Åtgärdsplanen behöver kompletteras: {plan.Title}",
                $"Åtgärdsplanen för {plan.Title} har återsänts: {plan.ReturnReason} Lämna in den igen senast {SwedishText.Date(plan.PlanDueOn)}."),
        };
        var key = plan.Steps.Count > 0 ? plan.Steps[^1].Id : plan.Id;
        return handOffs.WaitsForAsync(new HandOff($"action-plan-{occasion}:{key:N}", R.ProviderUser, subject, text, PlanUrl(plan.Id)) { ProviderId = plan.ProviderId },
            cancellationToken);
    }

    /// <summary>
    /// One step on the plan: the domain decides whether the actor may and the state allows it; the version the caller read
    /// guards against taking a step on a plan someone else has changed meanwhile. <paramref name="after"/> queues notices before the save.
    /// </summary>
    private async Task<SaveResult> StepAsync(Guid id, int? version, Func<ActionPlan, Refusal?> step, CancellationToken cancellationToken, Func<ActionPlan, Task>? after = null)
    {
        var plan = await db.ActionPlans.AsSplitQuery().Include(p => p.Deficiencies).ThenInclude(d => d.Verifications)
            .Include(p => p.Actions).Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return SaveResult.Missing();
        }
        if (version is null)
        {
            return SaveResult.Refused(Refusal.Invalid("Ange versionen av planen, som den var när du läste den.", "version"));
        }
        if (step(plan) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        if (after is not null)
        {
            await after(plan);
        }
        db.ExpectVersion(plan, version.Value);
        return await db.SaveOrConflictAsync(plan.Id, cancellationToken);
    }
}
