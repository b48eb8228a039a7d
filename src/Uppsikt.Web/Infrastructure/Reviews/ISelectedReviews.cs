using Uppsikt.Domain;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Infrastructure.Reviews;

/// <summary>A review the year's risk-based selection calls for: the unit, the type, when, why, and who leads it.</summary>
/// <param name="FollowsUpReviewId">For a follow-up: the review it follows up.</param>
public sealed record SelectedReview(
    Guid UnitId, Guid CommitteeId, ReviewType Type, Guid? FollowsUpReviewId, string Title, DateOnly PlannedFor, string Reason, string? LeadUserId, string LeadName);

/// <summary>
/// Plans the reviews an accepted selection calls for. The reviews feature plans them in the caller's unit of work; the caller saves.
/// </summary>
public interface ISelectedReviews
{
    /// <summary>The planned review's id, or the refusal why it could not be planned.</summary>
    Task<(Guid? ReviewId, Refusal? Refusal)> PlanAsync(SelectedReview review, string selectionName, WorkflowActor actor, CancellationToken cancellationToken);
}
