using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Infrastructure.Reviews;

/// <summary>When one unit is next due for review or follow-up under the interval rule (specification rule 2), and why.</summary>
/// <param name="LastReviewId">The latest finalised regular review, which a follow-up follows up; null if it was never reviewed.</param>
public sealed record UnitDue(Guid UnitId, DateOnly DueOn, DueReason Reason, Guid? LastReviewId);

/// <summary>The interval rule's due dates for a committee's units, as the reviews feature computes them for its interval page.</summary>
public interface IReviewDue
{
    /// <summary>Every open unit with a provider in the committee's running choice systems (none when the committee does not exist).</summary>
    Task<IReadOnlyList<UnitDue>> ForCommitteeAsync(Guid committeeId, CancellationToken cancellationToken);
}
