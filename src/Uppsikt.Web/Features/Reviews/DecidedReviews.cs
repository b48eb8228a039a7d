using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Reviews;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>
/// Plans the reviews others decide: the follow-up a committee's decision calls for, and the reviews of an accepted risk-based selection.
/// </summary>
public sealed class DecidedReviews(AppDbContext db, Checklists checklists, TimeProvider clock) : IDecisionVisits, ISelectedReviews
{
    /// <summary>
    /// Plans a review the accepted selection calls for (<see cref="Review.PlanBySelection"/>): of the unit, in the committee's first
    /// choice system it serves by name, with the checklist in force on the day, on site when the type requires a visit.
    /// </summary>
    public async Task<(Guid? ReviewId, Refusal? Refusal)> PlanAsync(SelectedReview selected, string selectionName, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Include(u => u.ChoiceSystems).FirstOrDefaultAsync(u => u.Id == selected.UnitId, cancellationToken);
        var choiceSystem = unit?.ChoiceSystems.Where(c => c.CommitteeId == selected.CommitteeId).OrderBy(c => c.Name, StringComparer.CurrentCulture).FirstOrDefault();
        if (unit is null || choiceSystem is null)
        {
            return (null, Refusal.Invalid("Enheten utför inte längre tjänster i något av nämndens kundval."));
        }
        var checklist = await checklists.InForceAsync(choiceSystem.Id, selected.Type, selected.PlannedFor, cancellationToken);
        var (review, refusal) = Review.PlanBySelection(
            new Review.PlanInput(selected.Type, selected.Title, choiceSystem.Id, [unit], selected.PlannedFor, selected.Reason, null, checklist?.Id,
                selected.FollowsUpReviewId, ReviewTypes.RequiresVisit(selected.Type) || selected.Type == ReviewType.FollowUpReview ? VisitMode.OnSite : VisitMode.None),
            selectionName, selected.LeadUserId, selected.LeadName, actor, clock.GetUtcNow(), clock.SwedishToday());
        if (refusal is not null)
        {
            return (null, refusal);
        }
        db.Reviews.Add(review!);
        return (review!.Id, null);
    }

    /// <summary>
    /// Plans the follow-up review a committee's decision calls for (<see cref="Review.PlanByDecision"/>): of the unit, in the choice
    /// system the decision concerns, following up the review named or else the unit's latest final review of the provider, with the
    /// checklist in force on the day.
    /// </summary>
    public async Task<(Guid? ReviewId, Refusal? Refusal)> PlanAsync(
        DecisionVisit visit, CommitteeDecision decision, WorkflowActor recorder, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Include(u => u.ChoiceSystems).FirstOrDefaultAsync(u => u.Id == visit.UnitId, cancellationToken);
        var choiceSystem = unit?.ChoiceSystems.FirstOrDefault(c => c.Id == visit.ChoiceSystemId)
            ?? unit?.ChoiceSystems.Where(c => c.CommitteeId == visit.CommitteeId).OrderBy(c => c.Name).FirstOrDefault();
        if (unit is null || choiceSystem is null)
        {
            return (null, Refusal.Invalid("Enheten utför inte längre tjänster i något av nämndens kundval; planera uppföljningen för hand."));
        }
        var followsUp = visit.FollowsUpReviewId ?? await db.Reviews.AsNoTracking()
            .Where(r => r.ProviderId == visit.ProviderId && (r.State == ReviewState.Final || r.State == ReviewState.Closed) && r.Units.Any(u => u.UnitId == visit.UnitId))
            .OrderByDescending(r => r.FinalisedOn).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (followsUp is null)
        {
            return (null, Refusal.Invalid("Det finns ingen fastställd granskning av enheten att följa upp; planera uppföljningen för hand."));
        }
        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == visit.CommitteeId).Select(c => c.Name).FirstAsync(cancellationToken);
        var checklist = await checklists.InForceAsync(choiceSystem.Id, ReviewType.FollowUpReview, visit.PlannedFor, cancellationToken);
        var (review, refusal) = Review.PlanByDecision(
            new Review.PlanInput(ReviewType.FollowUpReview, visit.Title, choiceSystem.Id, [unit], visit.PlannedFor, visit.Reason, visit.CaseNumber, checklist?.Id,
                followsUp, VisitMode.OnSite),
            decision, committee, visit.LeadUserId, visit.LeadName, recorder, clock.GetUtcNow(), clock.SwedishToday());
        if (refusal is not null)
        {
            return (null, refusal);
        }
        db.Reviews.Add(review!);
        return (review!.Id, null);
    }
}
