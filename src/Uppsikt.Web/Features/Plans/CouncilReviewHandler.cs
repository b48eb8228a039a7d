using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;

namespace Uppsikt.Web.Features.Plans;

/// <summary>
/// Gathers kommunstyrelsens samlade uppföljning for a year: every committee with choice systems in use that year (by name), each
/// choice system's plan (the adopted one if there is one, else the newest draft) and the conditions in force, judged by
/// <see cref="CouncilReview"/>.
/// </summary>
public sealed class CouncilReviewHandler(AppDbContext db)
{
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
