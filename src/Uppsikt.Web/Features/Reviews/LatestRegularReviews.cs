using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>A unit's latest finalised regular review: what the review intervals and the risk signals read.</summary>
public sealed record LatestRegularReview(Guid Id, string Title, DateOnly FinalisedOn, Assessment? Result);

/// <summary>
/// The latest finalised regular review (<see cref="ReviewTypes.Regular"/>, final or closed, with the day it became final) of each
/// unit, through the units each review covers. One query whatever the number of units; the latest per unit is picked in memory.
/// Scoped: what one request has read is kept for the request, so the risk signals and the review intervals that a selection
/// reads together ask for a unit's reviews once.
/// </summary>
public sealed class LatestRegularReviews(AppDbContext db)
{
    private readonly Dictionary<Guid, LatestRegularReview?> known = [];

    /// <summary>
    /// The latest such review of each unit of <paramref name="unitIds"/> that has one, by unit. The query starts from the units' own
    /// review links (by the index on the unit) and reads the state with the review: given a condition on the state, SQLite's planner
    /// starts from the reviews' state index instead and reads every final review of the municipality to find the units' few
    /// (at 29,000 reviews, 380 ms against 20 ms for a committee of 600 units).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, LatestRegularReview>> ForUnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var unread = unitIds.Where(id => !known.ContainsKey(id)).Distinct().ToList();
        if (unread.Count > 0)
        {
            var reviews = await db.ReviewUnits.AsNoTracking()
                .Where(ru => unread.Contains(ru.UnitId))
                .Join(db.Reviews.Where(r => r.FinalisedOn != null && ReviewTypes.Regular.Contains(r.Type)),
                    ru => ru.ReviewId, r => r.Id,
                    (ru, r) => new { ru.UnitId, r.Id, r.Title, FinalisedOn = r.FinalisedOn!.Value, r.Result, r.State })
                .ToListAsync(cancellationToken);
            var latest = reviews.Where(r => r.State is ReviewState.Final or ReviewState.Closed).GroupBy(r => r.UnitId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.FinalisedOn).ThenByDescending(r => r.Id)
                    .Select(r => new LatestRegularReview(r.Id, r.Title, r.FinalisedOn, r.Result)).First());
            foreach (var id in unread)
            {
                known[id] = latest.GetValueOrDefault(id);
            }
        }
        var result = new Dictionary<Guid, LatestRegularReview>();
        foreach (var id in unitIds)
        {
            if (known[id] is { } review)
            {
                result[id] = review;
            }
        }
        return result;
    }
}
