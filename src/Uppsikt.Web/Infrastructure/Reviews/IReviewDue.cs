using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Infrastructure.Reviews;

/// <summary>When one unit is next due for review or follow-up under the interval rule (specification rule 2), and why.</summary>
/// <param name="LastReviewId">The latest finalised regular review, which a follow-up follows up; null if it was never reviewed.</param>
public sealed record UnitDue(Guid UnitId, DateOnly DueOn, DueReason Reason, Guid? LastReviewId);

/// <summary>The interval rule's due dates for a committee's units, as the reviews feature computes them for its interval page.</summary>
public interface IReviewDue
{
    /// <summary>
    /// The due dates of units the caller has read with every choice system each serves (<paramref name="choiceSystemsOf"/>, by unit),
    /// under the committee's running choice systems among them; a unit serving none of those is left out.
    /// </summary>
    Task<IReadOnlyList<UnitDue>> ForUnitsAsync(Guid committeeId, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> choiceSystemsOf, CancellationToken cancellationToken);
}
