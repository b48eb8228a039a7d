using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Notifications;

namespace Uppsikt.Web.Features.Plans;

public sealed record PlanRow
{
    public required Guid Id { get; init; }
    public required string ChoiceSystemName { get; init; }
    public required string CommitteeName { get; init; }
    public int Year { get; init; }
    public int RevisionNumber { get; init; }
    public PlanState State { get; init; }
    public DateOnly? AdoptedOn { get; init; }
    public int ActivityCount { get; init; }
}

public sealed record NamedRef(Guid Id, string Name);

public sealed record ActivityView(
    Guid Id, int Position, string? What, IReadOnlyList<NamedRef> Conditions, IReadOnlyList<NamedRef> QualityAreas, FollowUpMethod? Method,
    string? Who, ActivityFrequency? Frequency, Tertial? Tertial, int? Month, decimal? EstimatedHours, int Version)
{
    public string When => Tertial is { } t ? t.Name()
        : Month is { } m ? SwedishText.Culture.DateTimeFormat.GetMonthName(m) : "–";
}

public sealed record PlanStepView(PlanStepKind Kind, DateTimeOffset OccurredAt, string ActorName, string? Comment);

/// <summary>A follow-up plan as the pages, the API and the council-wide review read it.</summary>
public sealed record PlanDetails(
    Guid Id, Guid ChoiceSystemId, string ChoiceSystemName, Guid CommitteeId, string CommitteeName, int Year, PlanState State,
    int RevisionNumber, Guid? RevisesPlanId, Guid? RevisedById, IReadOnlyList<string> FocusThemes, string? FollowUpModel, string? RiskAnalysisReference,
    CommitteeDecision? Adoption, DateOnly? ReportedToCouncilBoardOn, IReadOnlyList<ActivityView> Activities, IReadOnlyList<PlanStepView> Timeline,
    int Version)
{
    public bool IsAdopted => State is PlanState.Adopted or PlanState.ReportedToCouncilBoard;

    public decimal EstimatedHours => Activities.Sum(a => a.EstimatedHours ?? 0);

    /// <summary>The linked risk analysis, for the municipality's pages; null when none is linked.</summary>
    public RiskAnalysisRef? RiskAnalysis { get; init; }

    /// <summary>How the committee's year of reviews was selected, published with the plan: the method and the seed; null until a selection is accepted.</summary>
    public string? SelectionMethod { get; init; }
}

/// <summary>A risk analysis as a plan links to it.</summary>
public sealed record RiskAnalysisRef(Guid Id, int Year, RiskAnalysisState State);

public sealed record PlanInput(IReadOnlyList<string>? FocusThemes, [DataType(DataType.MultilineText)] string? FollowUpModel, [DataType(DataType.MultilineText)] string? RiskAnalysisReference, int Version = 0, Guid? RiskAnalysisId = null);

public sealed record ActivityInput(
    [DataType(DataType.MultilineText)] string? What, IReadOnlyList<Guid>? ConditionIds, IReadOnlyList<Guid>? QualityAreaIds, FollowUpMethod? Method, string? Who,
    ActivityFrequency? Frequency, Tertial? Tertial, int? Month, decimal? EstimatedHours);

public sealed record NewPlanInput(Guid? ChoiceSystemId, int? Year, bool FromLastYear);

public sealed record AdoptionInput(DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, [DataType(DataType.MultilineText)] string? Comment);

/// <summary>
/// What the plan list is filtered by: the year, choice system, committee and state; <paramref name="AdoptedOnly"/> the newest
/// adopted revision of each choice system and year (what is published); <paramref name="SentForApproval"/> drafts sent to the
/// group manager for approval.
/// </summary>
public sealed record PlanFilter(int? Year = null, Guid? ChoiceSystemId = null, Guid? CommitteeId = null, PlanState? State = null,
    bool AdoptedOnly = false, bool SentForApproval = false);

/// <summary>Reads follow-up plans and takes every step on them through the domain's rules; pages and <c>/api/v1/plans</c> call it.</summary>
public sealed class PlansHandler(AppDbContext db, ConditionsInForce conditions, HandOffs handOffs, TimeProvider clock, ICurrentActor actor)
{
    public static readonly SortColumns<PlanRow> Sort = new SortColumns<PlanRow>("choiceSystem")
        .Add("choiceSystem", p => p.ChoiceSystemName)
        .Add("committee", p => p.CommitteeName)
        .Add("year", p => p.Year)
        .Add("state", p => p.State);

    public Task<PagedList<PlanRow>> ListAsync(ListQuery list, PlanFilter filter, CancellationToken cancellationToken)
    {
        var (year, choiceSystemId, committeeId, state, adoptedOnly, sentForApproval) = filter;
        var plans = Readable();
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            var pattern = SearchText.Pattern(list.Search);
            plans = plans.Where(p => EF.Functions.Like(EF.Property<string>(p.ChoiceSystem!, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(p.ChoiceSystem!.Committee!, SearchText.Column), pattern, "\\"));
        }
        if (year is { } y)
        {
            plans = plans.Where(p => p.Year == y);
        }
        if (choiceSystemId is { } id)
        {
            plans = plans.Where(p => p.ChoiceSystemId == id);
        }
        if (committeeId is { } committee)
        {
            plans = plans.Where(p => p.ChoiceSystem!.CommitteeId == committee);
        }
        if (state is { } s)
        {
            plans = plans.Where(p => p.State == s);
        }
        if (sentForApproval)
        {
            // A draft is never a draft again once approved (a revision is a new plan), so any sending counts.
            plans = plans.Where(p => p.State == PlanState.Draft && p.Steps.Any(step => step.Kind == PlanStepKind.SubmittedForApproval));
        }
        if (adoptedOnly)
        {
            // The newest adopted revision of each choice system and year: what is published.
            plans = plans.Where(p => (p.State == PlanState.Adopted || p.State == PlanState.ReportedToCouncilBoard)
                && !db.FollowUpPlans.Any(later => later.ChoiceSystemId == p.ChoiceSystemId && later.Year == p.Year && later.RevisionNumber > p.RevisionNumber
                    && (later.State == PlanState.Adopted || later.State == PlanState.ReportedToCouncilBoard)));
        }
        return plans
            .Select(p => new PlanRow
            {
                Id = p.Id,
                ChoiceSystemName = p.ChoiceSystem!.Name,
                CommitteeName = p.ChoiceSystem.Committee!.Name,
                Year = p.Year,
                RevisionNumber = p.RevisionNumber,
                State = p.State,
                AdoptedOn = p.AdoptedOn,
                ActivityCount = p.Activities.Count,
            })
            .ToPageAsync(list, Sort, p => p.Id, cancellationToken);
    }

    public async Task<PlanDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await Readable().AsSplitQuery()
            .Include(p => p.ChoiceSystem).ThenInclude(c => c!.Committee).Include(p => p.Activities).Include(p => p.Steps)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var conditionIds = plan.Activities.SelectMany(a => a.ConditionIds).Distinct().ToList();
        var codes = await db.Conditions.AsNoTracking().Where(c => conditionIds.Contains(c.Id))
            .Select(c => new { c.Id, Name = c.Code + " " + c.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First() })
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var areas = (await conditions.QualityAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var revisedBy = await Readable().Where(p => p.RevisesPlanId == id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        // The risk analysis is working material: not linked for those who read only what is reported to them.
        var analysis = plan.RiskAnalysisId is { } analysisId && !actor.ReadsOnlyWhatIsReported()
            ? await db.RiskAnalyses.AsNoTracking().Where(a => a.Id == analysisId).Select(a => new RiskAnalysisRef(a.Id, a.Year, a.State)).FirstOrDefaultAsync(cancellationToken)
            : null;
        // The method and seed are published: read past the filters, which keep the working material from the public and providers.
        var selection = await db.ReviewSelections.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CommitteeId == plan.ChoiceSystem!.CommitteeId && s.Year == plan.Year)
            .Select(s => new { s.RiskSharePercent, s.Seed }).FirstOrDefaultAsync(cancellationToken);
        return new PlanDetails(
            plan.Id, plan.ChoiceSystemId, plan.ChoiceSystem!.Name, plan.ChoiceSystem.CommitteeId, plan.ChoiceSystem.Committee!.Name, plan.Year, plan.State,
            plan.RevisionNumber, plan.RevisesPlanId, revisedBy, plan.FocusThemes, plan.FollowUpModel, plan.RiskAnalysisReference, plan.Adoption,
            plan.ReportedToCouncilBoardOn,
            [.. plan.Activities.OrderBy(a => a.Position).Select(a => new ActivityView(
                a.Id, a.Position, a.What,
                [.. a.ConditionIds.Where(codes.ContainsKey).Select(c => new NamedRef(c, codes[c])).OrderBy(c => c.Name, StringComparer.Ordinal)],
                [.. a.QualityAreaIds.Where(areas.ContainsKey).Select(q => new NamedRef(q, areas[q]))],
                a.Method, a.Who, a.Frequency, a.Tertial, a.Month, a.EstimatedHours, a.Version))],
            [.. plan.Steps.OrderBy(s => s.OccurredAt).Select(s => new PlanStepView(s.Kind, s.OccurredAt, s.ActorName, s.Comment))],
            plan.Version)
        {
            RiskAnalysis = analysis,
            SelectionMethod = selection is null ? null : ReviewSelection.MethodOf(selection.RiskSharePercent, selection.Seed),
        };
    }

    /// <summary>
    /// The plans the actor may read (decision 0036): every plan for the staff; for the elected members and the council board's
    /// staff only the decided ones (adopted, or reported to the council board), and for a committee member only its own committee's.
    /// </summary>
    private IQueryable<FollowUpPlan> Readable()
    {
        var plans = db.FollowUpPlans.AsNoTracking();
        if (!actor.ReadsOnlyWhatIsReported())
        {
            return plans;
        }
        plans = plans.Where(p => p.State == PlanState.Adopted || p.State == PlanState.ReportedToCouncilBoard);
        return actor.OnlyCommittee() is { } committee ? plans.Where(p => p.ChoiceSystem!.CommitteeId == committee) : plans;
    }

    /// <summary>The choice system's risk analyses a plan can link to, the latest year first.</summary>
    public Task<List<RiskAnalysisRef>> RiskAnalysesAsync(Guid choiceSystemId, CancellationToken cancellationToken) =>
        db.RiskAnalyses.AsNoTracking().Where(a => a.ChoiceSystemId == choiceSystemId).OrderByDescending(a => a.Year)
            .Select(a => new RiskAnalysisRef(a.Id, a.Year, a.State)).ToListAsync(cancellationToken);

    /// <summary>The plan's completeness: its activities against the conditions in force for its choice system during its year.</summary>
    public async Task<PlanCompleteness?> CompletenessAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await db.FollowUpPlans.AsNoTracking().Include(p => p.Activities).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return plan is null ? null : await CompletenessOfAsync(plan, cancellationToken);
    }

    /// <summary>Whether the actor may change the plan's content now: saved (nothing is) when they may, else not found or the domain's refusal.</summary>
    public async Task<SaveResult> CheckEditableAsync(Guid id, WorkflowActor actor, CancellationToken cancellationToken) =>
        await db.FollowUpPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } plan ? SaveResult.Missing()
        : plan.CheckEditable(actor) is { } refusal ? SaveResult.Refused(refusal)
        : SaveResult.Saved(id);

    /// <summary>The conditions a plan for the choice system and year can cover, for the activity form.</summary>
    public Task<List<ConditionInForce>> ConditionsForAsync(Guid choiceSystemId, int year, CancellationToken cancellationToken) =>
        conditions.DuringAsync(choiceSystemId, year, cancellationToken);

    /// <summary>A new draft, empty or started from last year's plan ("Starta från fjolårets plan").</summary>
    public async Task<SaveResult> CreateAsync(NewPlanInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var check = new Validation();
        if (input.ChoiceSystemId is not { } choiceSystemId || !await db.ChoiceSystems.AnyAsync(c => c.Id == choiceSystemId, cancellationToken))
        {
            check.Add(nameof(NewPlanInput.ChoiceSystemId), "Välj kundval.");
        }
        if (input.Year is null)
        {
            check.Add(nameof(NewPlanInput.Year), "Ange år.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var (choice, year) = (input.ChoiceSystemId!.Value, input.Year!.Value);
        if (await db.FollowUpPlans.AnyAsync(p => p.ChoiceSystemId == choice && p.Year == year, cancellationToken))
        {
            return check.Add(nameof(NewPlanInput.Year), $"Det finns redan en uppföljningsplan för kundvalet {year}. Öppna den i stället, eller revidera den om den är antagen.").Fail();
        }
        FollowUpPlan? plan;
        Refusal? refusal;
        if (input.FromLastYear)
        {
            var last = await db.FollowUpPlans.AsNoTracking().Include(p => p.Activities)
                .Where(p => p.ChoiceSystemId == choice && p.Year == year - 1)
                .OrderByDescending(p => p.State == PlanState.Adopted || p.State == PlanState.ReportedToCouncilBoard).ThenByDescending(p => p.RevisionNumber)
                .FirstOrDefaultAsync(cancellationToken);
            if (last is null)
            {
                return check.Add(nameof(NewPlanInput.FromLastYear), $"Det finns ingen plan för kundvalet {year - 1} att starta från. Skapa en tom plan i stället.").Fail();
            }
            (plan, refusal) = last.CopyForYear(year, actor, clock.GetUtcNow());
        }
        else
        {
            (plan, refusal) = FollowUpPlan.Create(choice, year, actor, clock.GetUtcNow());
        }
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        db.FollowUpPlans.Add(plan!);
        return await db.SaveOrConflictAsync(plan!.Id, cancellationToken);
    }

    public Task<SaveResult> SaveAsync(Guid id, PlanInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        EditAsync(id, actor, input.Version, async (plan, check) =>
        {
            var themes = (input.FocusThemes ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
            if (themes.Count > 20 || themes.Any(t => t.Length > 200))
            {
                check.Add(nameof(PlanInput.FocusThemes), "Ange högst 20 fokusteman med högst 200 tecken var.");
            }
            var model = check.Optional(nameof(PlanInput.FollowUpModel), "beskrivningen av uppföljningsmodellen", input.FollowUpModel, 4000);
            var risk = check.Optional(nameof(PlanInput.RiskAnalysisReference), "riskanalysen", input.RiskAnalysisReference, 4000);
            if (input.RiskAnalysisId is { } analysisId && !await db.RiskAnalyses.AnyAsync(a => a.Id == analysisId && a.ChoiceSystemId == plan.ChoiceSystemId, cancellationToken))
            {
                check.Add(nameof(PlanInput.RiskAnalysisId), "Riskanalysen finns inte för planens kundval.");
            }
            if (check.IsValid)
            {
                plan.FocusThemes = themes;
                plan.FollowUpModel = model;
                plan.RiskAnalysisReference = risk;
                plan.RiskAnalysisId = input.RiskAnalysisId;
            }
        }, cancellationToken);

    public Task<SaveResult> SaveActivityAsync(Guid planId, Guid? activityId, ActivityInput? input, int planVersion, WorkflowActor actor, CancellationToken cancellationToken) =>
        EditAsync(planId, actor, planVersion, async (plan, check) =>
        {
            if (input is null)
            {
                check.Add("Activity", "Ange aktiviteten: vad som följs upp, med vilka villkor, metod, vem, hur ofta och när.");
                return;
            }
            var activity = activityId is null ? new FollowUpActivity { Position = plan.Activities.Count == 0 ? 1 : plan.Activities.Max(a => a.Position) + 1 }
                : plan.Activities.FirstOrDefault(a => a.Id == activityId);
            if (activity is null)
            {
                check.Add("", "Aktiviteten finns inte i planen.");
                return;
            }
            var what = check.Optional(nameof(ActivityInput.What), "vad som följs upp", input.What, 4000);
            var who = check.Optional(nameof(ActivityInput.Who), "vem", input.Who);
            var allowed = (await conditions.DuringAsync(plan.ChoiceSystemId, plan.Year, cancellationToken)).Select(c => c.Id).ToHashSet();
            var conditionIds = (input.ConditionIds ?? []).Distinct().ToList();
            if (conditionIds.Any(c => !allowed.Contains(c)))
            {
                check.Add(nameof(ActivityInput.ConditionIds), "Ett av de valda villkoren gäller inte för kundvalet det året.");
            }
            var areaIds = (input.QualityAreaIds ?? []).Distinct().ToList();
            if (areaIds.Except(Domain.Conditions.QualityArea.All.Select(a => a.Id)).Any())
            {
                check.Add(nameof(ActivityInput.QualityAreaIds), "Ett av de valda kvalitetsområdena finns inte.");
            }
            if (input.Method is { } method && !Enum.IsDefined(method))
            {
                check.Add(nameof(ActivityInput.Method), "Välj en metod i listan.");
            }
            if (input.Frequency is { } frequency && !Enum.IsDefined(frequency))
            {
                check.Add(nameof(ActivityInput.Frequency), "Välj hur ofta i listan.");
            }
            if (input.Tertial is { } tertial && !Enum.IsDefined(tertial))
            {
                check.Add(nameof(ActivityInput.Tertial), "Välj tertial 1, 2 eller 3.");
            }
            if (input.Month is < 1 or > 12)
            {
                check.Add(nameof(ActivityInput.Month), "Månaden ska vara 1–12.");
            }
            if (input.Tertial is not null && input.Month is not null)
            {
                check.Add(nameof(ActivityInput.Month), "Ange antingen tertial eller månad, inte båda.");
            }
            if (input.EstimatedHours is < 0 or > 10_000)
            {
                check.Add(nameof(ActivityInput.EstimatedHours), "Uppskattad tid ska vara mellan 0 och 10 000 timmar.");
            }
            if (!check.IsValid)
            {
                return;
            }
            activity.What = what;
            activity.ConditionIds = conditionIds;
            activity.QualityAreaIds = areaIds;
            activity.Method = input.Method;
            activity.Who = who;
            activity.Frequency = input.Frequency;
            activity.Tertial = input.Tertial;
            activity.Month = input.Month;
            activity.EstimatedHours = input.EstimatedHours;
            if (activityId is null)
            {
                plan.Activities.Add(activity);
            }
        }, cancellationToken);

    public Task<SaveResult> RemoveActivityAsync(Guid planId, Guid activityId, int planVersion, WorkflowActor actor, CancellationToken cancellationToken) =>
        EditAsync(planId, actor, planVersion, (plan, check) =>
        {
            if (plan.Activities.FirstOrDefault(a => a.Id == activityId) is { } activity)
            {
                plan.Activities.Remove(activity);
                db.FollowUpActivities.Remove(activity);
            }
            else
            {
                check.Add("", "Aktiviteten finns inte i planen.");
            }
            return Task.CompletedTask;
        }, cancellationToken);

    public static string DetailsUrl(Guid id) => $"/Plans/Details/{id}";

    /// <summary>The drafter sends a complete draft to the group managers, who are told by mail as they chose (decision 0025).</summary>
    public Task<SaveResult> SubmitAsync(Guid id, string? comment, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, async plan =>
        {
            if (plan.SubmitForApproval(actor, clock.GetUtcNow(), Limit(comment), await CompletenessOfAsync(plan, cancellationToken)) is { } refusal)
            {
                return refusal;
            }
            var name = PlanName(plan);
            await handOffs.WaitsForAsync(new HandOff($"plan-submitted:{plan.Steps[^1].Id:N}", Roles.GroupManager,
                $"Uppföljningsplan att godkänna: {name}", $"{actor.Name} har skickat uppföljningsplanen för {name} till gruppchef för godkännande.",
                DetailsUrl(plan.Id)), cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>The group manager approves a complete draft; the committee's secretaries are told that its decision is to be recorded.</summary>
    public Task<SaveResult> ApproveAsync(Guid id, string? comment, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, async plan =>
        {
            if (plan.Approve(actor, clock.GetUtcNow(), Limit(comment), await CompletenessOfAsync(plan, cancellationToken)) is { } refusal)
            {
                return refusal;
            }
            var name = PlanName(plan);
            await handOffs.WaitsForAsync(new HandOff($"plan-approved:{plan.Steps[^1].Id:N}", Roles.CommitteeSecretary,
                $"Nämndens beslut att föra in: uppföljningsplanen för {name}",
                $"{actor.Name} har godkänt uppföljningsplanen för {name}. Den väntar på nämndens beslut, som ska föras in i Uppsikt.",
                DetailsUrl(plan.Id))
            { CommitteeId = plan.ChoiceSystem!.CommitteeId }, cancellationToken);
            return null;
        }, cancellationToken);

    public Task<SaveResult> AdoptAsync(Guid id, AdoptionInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, plan => Task.FromResult(plan.Adopt(actor, clock.GetUtcNow(), clock.SwedishToday(), input.DecidedOn, input.Paragraph, input.CaseNumber, Limit(input.Comment))), cancellationToken);

    public Task<SaveResult> ReportAsync(Guid id, DateOnly? reportedOn, string? comment, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, plan => Task.FromResult(plan.ReportToCouncilBoard(actor, clock.GetUtcNow(), clock.SwedishToday(), reportedOn, Limit(comment))), cancellationToken);

    /// <summary>"Revidera": a new draft linked to the adopted plan; one open revision at a time.</summary>
    public async Task<SaveResult> ReviseAsync(Guid id, string? comment, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(id, cancellationToken);
        if (plan is null)
        {
            return SaveResult.Missing();
        }
        var (revision, refusal) = plan.StartRevision(actor, clock.GetUtcNow(), Limit(comment));
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        if (await db.FollowUpPlans.AnyAsync(p => p.ChoiceSystemId == plan.ChoiceSystemId && p.Year == plan.Year && p.RevisionNumber > plan.RevisionNumber, cancellationToken))
        {
            return SaveResult.Refused(Refusal.WrongState("Det finns redan en senare revision av planen. Arbeta vidare i den."));
        }
        db.FollowUpPlans.Add(revision!);
        return await db.SaveOrConflictAsync(revision!.Id, cancellationToken);
    }

    private async Task<PlanCompleteness> CompletenessOfAsync(FollowUpPlan plan, CancellationToken cancellationToken) =>
        PlanCompleteness.Check(plan.Activities, await conditions.DuringAsync(plan.ChoiceSystemId, plan.Year, cancellationToken));

    private Task<FollowUpPlan?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.FollowUpPlans.AsSplitQuery().Include(p => p.ChoiceSystem).Include(p => p.Activities).Include(p => p.Steps)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Changes a draft's content: the domain decides whether the actor may and the plan allows it; the version guards against lost updates.</summary>
    private async Task<SaveResult> EditAsync(Guid id, WorkflowActor actor, int version, Func<FollowUpPlan, Validation, Task> change, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(id, cancellationToken);
        if (plan is null)
        {
            return SaveResult.Missing();
        }
        if (plan.CheckEditable(actor) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        var check = new Validation();
        await change(plan, check);
        if (!check.IsValid)
        {
            return check.Fail();
        }
        db.ExpectVersion(plan, version);
        return await db.SaveOrConflictAsync(plan.Id, cancellationToken);
    }

    private async Task<SaveResult> StepAsync(Guid id, Func<FollowUpPlan, Task<Refusal?>> step, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(id, cancellationToken);
        if (plan is null)
        {
            return SaveResult.Missing();
        }
        if (await step(plan) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        return await db.SaveOrConflictAsync(plan.Id, cancellationToken);
    }

    private static string PlanName(FollowUpPlan plan) =>
        $"{plan.ChoiceSystem!.Name} {plan.Year}" + (plan.RevisionNumber > 0 ? $" (revision {plan.RevisionNumber})" : "");

    private static string? Limit(string? comment) => comment is { Length: > 1000 } ? comment[..1000] : comment;
}
