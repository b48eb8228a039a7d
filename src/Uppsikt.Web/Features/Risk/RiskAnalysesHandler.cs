using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Risk;

/// <summary>A risk analysis in a list. Built with an object initialiser so that EF Core can sort by its properties in SQL.</summary>
public sealed record AnalysisRow
{
    public required Guid Id { get; init; }
    public required string ChoiceSystemName { get; init; }
    public required string CommitteeName { get; init; }
    public required int Year { get; init; }
    public required RiskAnalysisState State { get; init; }
    public required int Items { get; init; }
    public DateOnly? ApprovedOn { get; init; }
}

public sealed record AnalysisFilter(Guid? CommitteeId = null, Guid? ChoiceSystemId = null, int? Year = null, RiskAnalysisState? State = null);

public sealed record CreateAnalysisInput(Guid? ChoiceSystemId, int? Year);

public sealed record ItemInput(
    Guid? ConditionId, string? Requirement, [DataType(DataType.MultilineText)] string? Description, int? Likelihood, int? Consequence, RiskPriority? Priority, [DataType(DataType.MultilineText)] string? Mitigation, int Version = 0);

public sealed record ReturnInput([DataType(DataType.MultilineText)] string? Reason, int Version = 0);

public sealed record StepInput(int Version = 0);

public sealed record ReassessInput(Guid? ItemId, int? Likelihood, int? Consequence, [DataType(DataType.MultilineText)] string? Reason, DateOnly? On, int Version = 0);

/// <summary>A risk analysis with its items (the highest priority first), its re-assessments and the committee's matrix.</summary>
public sealed record AnalysisDetails(
    Guid Id, Guid ChoiceSystemId, string ChoiceSystemName, Guid CommitteeId, string CommitteeName, int Year, RiskAnalysisState State,
    string PreparedByName, DateOnly? SubmittedOn, string? ApprovedByName, DateOnly? ApprovedOn, string? ReturnReason,
    IReadOnlyList<ItemView> Items, IReadOnlyList<ReassessmentView> Reassessments, MatrixView Matrix, int Version);

public sealed record ItemView(
    Guid Id, Guid? ConditionId, string Requirement, string Description, int Likelihood, int Consequence, int Score, string Band, string BandColour,
    RiskPriority Priority, string Mitigation);

public sealed record ReassessmentView(Guid ItemId, string Requirement, DateOnly On, string Reason, int FromScore, int ToScore,
    int FromLikelihood, int FromConsequence, int ToLikelihood, int ToConsequence, string ActorName);

/// <summary>
/// Risk analyses per choice system and year (decision 0031): prepared by the quality developer, approved by the group manager,
/// re-assessed during the year with a logged reason. Who may do what is the domain's rule (<see cref="RiskAnalysis"/>).
/// </summary>
public sealed class RiskAnalysesHandler(AppDbContext db, RiskSettingsHandler settings, ConditionsInForce conditions, TimeProvider clock)
{
    public static readonly SortColumns<AnalysisRow> Sort = new SortColumns<AnalysisRow>("year")
        .Add("year", a => a.Year)
        .Add("choiceSystem", a => a.ChoiceSystemName)
        .Add("committee", a => a.CommitteeName)
        .Add("state", a => a.State)
        .Add("approved", a => a.ApprovedOn);

    public Task<PagedList<AnalysisRow>> ListAsync(ListQuery list, AnalysisFilter filter, CancellationToken cancellationToken)
    {
        var analyses = db.RiskAnalyses.AsNoTracking();
        if (filter.CommitteeId is { } committeeId)
        {
            analyses = analyses.Where(a => a.CommitteeId == committeeId);
        }
        if (filter.ChoiceSystemId is { } choiceSystemId)
        {
            analyses = analyses.Where(a => a.ChoiceSystemId == choiceSystemId);
        }
        if (filter.Year is { } year)
        {
            analyses = analyses.Where(a => a.Year == year);
        }
        if (filter.State is { } state)
        {
            analyses = analyses.Where(a => a.State == state);
        }
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            var choiceSystems = db.ChoiceSystems.Matching(list.Search);
            analyses = analyses.Where(a => choiceSystems.Any(c => c.Id == a.ChoiceSystemId));
        }
        return analyses.Select(a => new AnalysisRow
        {
            Id = a.Id,
            ChoiceSystemName = db.ChoiceSystems.Where(c => c.Id == a.ChoiceSystemId).Select(c => c.Name).First(),
            CommitteeName = db.Committees.Where(c => c.Id == a.CommitteeId).Select(c => c.Name).First(),
            Year = a.Year,
            State = a.State,
            Items = a.Items.Count,
            ApprovedOn = a.ApprovedOn,
        }).ToPageAsync(list, Sort, a => a.Id, cancellationToken);
    }

    public async Task<AnalysisDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var analysis = await db.RiskAnalyses.AsNoTracking().AsSplitQuery().Include(a => a.Items).Include(a => a.Reassessments)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return null;
        }
        var choiceSystem = await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == analysis.ChoiceSystemId).Select(c => c.Name).FirstAsync(cancellationToken);
        var matrix = (await settings.MatrixAsync(analysis.CommitteeId, cancellationToken))!;
        var items = analysis.ByPriority().Select(i =>
        {
            var band = matrix.BandOf(i.Score);
            return new ItemView(i.Id, i.ConditionId, i.Requirement, i.Description, i.Likelihood, i.Consequence, i.Score, band.Name, band.Colour, i.Priority, i.Mitigation);
        }).ToList();
        var requirements = analysis.Items.ToDictionary(i => i.Id, i => i.Requirement);
        return new AnalysisDetails(analysis.Id, analysis.ChoiceSystemId, choiceSystem, analysis.CommitteeId, matrix.CommitteeName, analysis.Year, analysis.State,
            analysis.PreparedByName, analysis.SubmittedOn, analysis.ApprovedByName, analysis.ApprovedOn, analysis.ReturnReason, items,
            [.. analysis.Reassessments.OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Select(r => new ReassessmentView(
                r.ItemId, requirements.GetValueOrDefault(r.ItemId, "–"), r.On, r.Reason, r.FromScore, r.ToScore,
                r.FromLikelihood, r.FromConsequence, r.ToLikelihood, r.ToConsequence, r.ActorName))],
            matrix, analysis.Version);
    }

    /// <summary>The conditions an item can name: those in force for the analysis's choice system during its year.</summary>
    public Task<List<ConditionInForce>> ConditionsAsync(Guid choiceSystemId, int year, CancellationToken cancellationToken) =>
        conditions.DuringAsync(choiceSystemId, year, cancellationToken);

    /// <summary>Starts the analysis of a choice system's year; one per choice system and year.</summary>
    public async Task<SaveResult> CreateAsync(CreateAnalysisInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var choiceSystem = input.ChoiceSystemId is { } cid
            ? await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == cid).Select(c => new { c.Id, c.CommitteeId, c.Name }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (choiceSystem is null)
        {
            return SaveResult.Refused(Refusal.Invalid(input.ChoiceSystemId is null ? "Välj kundval." : "Kundvalet finns inte.", nameof(CreateAnalysisInput.ChoiceSystemId)));
        }
        if (input.Year is not { } year)
        {
            return SaveResult.Refused(Refusal.Invalid("Ange år.", nameof(CreateAnalysisInput.Year)));
        }
        var (analysis, refusal) = RiskAnalysis.Create(choiceSystem.Id, choiceSystem.CommitteeId, year, actor, clock.SwedishToday());
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        if (await db.RiskAnalyses.AnyAsync(a => a.ChoiceSystemId == choiceSystem.Id && a.Year == year, cancellationToken))
        {
            return SaveResult.Refused(Refusal.Invalid($"{choiceSystem.Name} har redan en riskanalys för {year}. Öppna den och omvärdera riskerna där.", nameof(CreateAnalysisInput.Year)));
        }
        db.RiskAnalyses.Add(analysis!);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(analysis!.Id);
    }

    public Task<SaveResult> AddItemAsync(Guid id, ItemInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        WithItemAsync(id, input, (analysis, item, matrix) => analysis.AddItem(item, matrix, actor), cancellationToken);

    public Task<SaveResult> UpdateItemAsync(Guid id, Guid itemId, ItemInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        WithItemAsync(id, input, (analysis, item, matrix) => analysis.UpdateItem(itemId, item, matrix, actor), cancellationToken);

    public Task<SaveResult> RemoveItemAsync(Guid id, Guid itemId, StepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, (a, _) => a.RemoveItem(itemId, actor), cancellationToken);

    public Task<SaveResult> SubmitAsync(Guid id, StepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, (a, _) => a.Submit(actor, clock.SwedishToday()), cancellationToken);

    public Task<SaveResult> ApproveAsync(Guid id, StepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, (a, _) => a.Approve(actor, clock.SwedishToday()), cancellationToken);

    public Task<SaveResult> ReturnAsync(Guid id, ReturnInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, (a, _) => a.Return(input.Reason ?? "", actor), cancellationToken);

    public Task<SaveResult> ReassessAsync(Guid id, ReassessInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, (a, matrix) =>
            input.ItemId is not { } itemId ? Refusal.Invalid("Välj risken som omvärderas.", nameof(ReassessInput.ItemId))
            : input.Likelihood is not { } likelihood ? Refusal.Invalid("Välj sannolikhet.", nameof(ReassessInput.Likelihood))
            : input.Consequence is not { } consequence ? Refusal.Invalid("Välj konsekvens.", nameof(ReassessInput.Consequence))
            : a.Reassess(itemId, likelihood, consequence, input.Reason ?? "", input.On ?? clock.SwedishToday(), matrix, actor), cancellationToken);

    private async Task<SaveResult> WithItemAsync(Guid id, ItemInput input, Func<RiskAnalysis, RiskItemInput, RiskMatrix, Refusal?> change, CancellationToken cancellationToken)
    {
        var analysis = await db.RiskAnalyses.Include(a => a.Items).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return SaveResult.Missing();
        }
        var requirement = input.Requirement;
        if (input.ConditionId is { } conditionId)
        {
            var condition = (await ConditionsAsync(analysis.ChoiceSystemId, analysis.Year, cancellationToken)).FirstOrDefault(c => c.Id == conditionId);
            if (condition is null)
            {
                return SaveResult.Refused(Refusal.Invalid("Villkoret gäller inte kundvalet under året.", nameof(ItemInput.ConditionId)));
            }
            // A risk named after a condition is called by it unless the quality developer words it otherwise.
            requirement = string.IsNullOrWhiteSpace(requirement) ? $"{condition.Code} {condition.Title}" : requirement;
        }
        if (input.Likelihood is null)
        {
            return SaveResult.Refused(Refusal.Invalid("Välj sannolikhet.", nameof(ItemInput.Likelihood)));
        }
        if (input.Consequence is null)
        {
            return SaveResult.Refused(Refusal.Invalid("Välj konsekvens.", nameof(ItemInput.Consequence)));
        }
        if (input.Priority is not { } priority || !Enum.IsDefined(priority))
        {
            return SaveResult.Refused(Refusal.Invalid("Välj prioritet.", nameof(ItemInput.Priority)));
        }
        var matrix = await settings.MatrixForChangeAsync(analysis.CommitteeId, cancellationToken);
        db.ExpectVersion(analysis, input.Version);
        var refusal = change(analysis, new RiskItemInput(input.ConditionId, requirement ?? "", input.Description ?? "", input.Likelihood.Value, input.Consequence.Value,
            priority, input.Mitigation ?? ""), matrix);
        return refusal is not null ? SaveResult.Refused(refusal) : await db.SaveOrConflictAsync(analysis.Id, cancellationToken);
    }

    private async Task<SaveResult> StepAsync(Guid id, int version, Func<RiskAnalysis, RiskMatrix, Refusal?> step, CancellationToken cancellationToken)
    {
        var analysis = await db.RiskAnalyses.Include(a => a.Items).Include(a => a.Reassessments).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return SaveResult.Missing();
        }
        var matrix = await settings.MatrixForChangeAsync(analysis.CommitteeId, cancellationToken);
        db.ExpectVersion(analysis, version);
        return step(analysis, matrix) is { } refusal ? SaveResult.Refused(refusal) : await db.SaveOrConflictAsync(analysis.Id, cancellationToken);
    }
}

