using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Plans;

/// <summary>The council board's decision on a year's review, as the page, the memo and the API show it.</summary>
public sealed record CouncilDecisionView(
    int Year, DateOnly DecidedOn, string Paragraph, string CaseNumber, string Text, string RecordedByName, DateTimeOffset RecordedAt, int Version);

/// <summary>The council board's decision as its staff enter it; <c>version</c> as last read when correcting one.</summary>
public sealed record CouncilDecisionInput(DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, [DataType(DataType.MultilineText)] string? Text, int Version = 0);

/// <summary>
/// Gathers kommunstyrelsens samlade uppföljning for a year: every committee with choice systems in use that year (by name), each
/// choice system's plan (the adopted one if there is one, else the newest draft) and the conditions in force, judged by
/// <see cref="CouncilReview"/>.
/// </summary>
public sealed class CouncilReviewHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>The council board's decision on the year's review, if recorded.</summary>
    public async Task<CouncilDecisionView?> DecisionAsync(int year, CancellationToken cancellationToken) =>
        await db.CouncilReviewDecisions.AsNoTracking().Where(d => d.Year == year)
            .Select(d => new CouncilDecisionView(d.Year, d.DecidedOn, d.Paragraph, d.CaseNumber, d.Text, d.RecordedByName, d.RecordedAt, d.Version))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Records the council board's decision on the year's review, or corrects the one recorded (at the version last read).</summary>
    public async Task<SaveResult> RecordDecisionAsync(int year, CouncilDecisionInput input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var existing = await db.CouncilReviewDecisions.FirstOrDefaultAsync(d => d.Year == year, cancellationToken);
        var (decision, refusal) = CouncilReviewDecision.Record(existing, year, input.DecidedOn, input.Paragraph, input.CaseNumber, input.Text, actor,
            clock.GetUtcNow(), clock.SwedishToday());
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        if (existing is null)
        {
            db.CouncilReviewDecisions.Add(decision!);
        }
        else
        {
            db.ExpectVersion(existing, input.Version);
        }
        try
        {
            return await db.SaveOrConflictAsync(decision!.Id, cancellationToken);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Someone else recorded the year's decision at the same moment: the unique year refuses the second.
            return SaveResult.Stale();
        }
    }

    public async Task<CouncilReviewResult> ReviewAsync(int year, CancellationToken cancellationToken)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var committees = await db.Committees.AsNoTracking()
            .Select(c => new
            {
                c.Id,
                c.Name,
                ChoiceSystems = c.ChoiceSystems.Where(s => s.PhasedOutOn == null || s.PhasedOutOn >= yearStart)
                    .Select(s => new { s.Id, s.Name, s.LegalBasis }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var plans = (await db.FollowUpPlans.AsNoTracking().AsSplitQuery().Include(p => p.Activities)
                .Where(p => p.Year == year).ToListAsync(cancellationToken))
            .GroupBy(p => p.ChoiceSystemId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.IsAdopted).ThenByDescending(p => p.RevisionNumber).First());
        var conditions = (await db.Conditions.AsNoTracking().Include(c => c.Versions).ToListAsync(cancellationToken))
            .Select(c => (Condition: c, Version: c.VersionOn(yearEnd)))
            .Where(x => x.Version is not null)
            .ToList();

        List<(Guid Id, ReviewedCondition Reviewed, ConditionInForce InForce)> ConditionsOf(Guid choiceSystemId) =>
        [
            .. conditions.Where(x => x.Condition.ChoiceSystemId is null || x.Condition.ChoiceSystemId == choiceSystemId)
                .OrderBy(x => x.Condition.Code, StringComparer.Ordinal)
                .Select(x => (x.Condition.Id,
                    new ReviewedCondition(x.Condition.Code, x.Version!.Title, x.Version.FollowUpOccasions, x.Version.Sanctions.Count),
                    new ConditionInForce(x.Condition.Id, x.Condition.Code, x.Version.Title, x.Version.FollowUpOccasions))),
        ];

        ChoiceSystemReview Review(Guid choiceSystemId, string name, LegalBasis legalBasis)
        {
            var inForce = ConditionsOf(choiceSystemId);
            ReviewedPlan? reviewed = null;
            if (plans.TryGetValue(choiceSystemId, out var plan))
            {
                var completeness = PlanCompleteness.Check(plan.Activities, inForce.Select(c => c.InForce));
                reviewed = new ReviewedPlan(
                    plan.Id, plan.State, plan.RevisionNumber, plan.Adoption, plan.ReportedToCouncilBoardOn, plan.FollowUpModel, plan.FocusThemes,
                    [.. plan.Activities.OrderBy(a => a.Position).Select(a => new ReviewedActivity(
                        a.Method, a.ConditionIds.Count, a.QualityAreaIds.Count, a.MissingParts()))],
                    [.. completeness.ConditionsWithoutActivity.Select(c => c.Code)]);
            }
            return new ChoiceSystemReview(choiceSystemId, name, reviewed, [.. inForce.Select(c => c.Reviewed)], QualityArea.FrameworksFor(legalBasis));
        }

        return new CouncilReviewResult(year,
        [
            .. committees.Where(c => c.ChoiceSystems.Count > 0)
                .Select(c => new CommitteeReview(c.Id, c.Name, [.. c.ChoiceSystems.OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(s => Review(s.Id, s.Name, s.LegalBasis))]))
                .OrderBy(c => c.Name, StringComparer.CurrentCulture),
        ]);
    }
}
