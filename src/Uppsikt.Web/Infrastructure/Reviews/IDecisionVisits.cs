using Uppsikt.Domain;
using Uppsikt.Domain.Register;

namespace Uppsikt.Web.Infrastructure.Reviews;

/// <summary>A follow-up visit a committee's decision calls for: the unit, when, why, and who leads it.</summary>
/// <param name="FollowsUpReviewId">The review it follows up; when null, the unit's latest final review of the provider.</param>
public sealed record DecisionVisit(
    Guid ProviderId, Guid UnitId, Guid? ChoiceSystemId, Guid CommitteeId, Guid? FollowsUpReviewId, string Title, DateOnly PlannedFor, string Reason,
    string? CaseNumber, string? LeadUserId, string LeadName);

/// <summary>
/// Plans the follow-up reviews a committee's decision calls for, such as the visit that checks a warning's deadline and the
/// following year's check ([002] §7.1). The reviews feature plans them in the caller's unit of work; the caller saves.
/// </summary>
public interface IDecisionVisits
{
    /// <summary>The planned review's id, or the refusal why it could not be planned (no earlier review to follow up, for one).</summary>
    Task<(Guid? ReviewId, Refusal? Refusal)> PlanAsync(DecisionVisit visit, CommitteeDecision decision, WorkflowActor recorder, CancellationToken cancellationToken);
}
