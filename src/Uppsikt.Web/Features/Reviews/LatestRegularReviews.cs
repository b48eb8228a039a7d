using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>A unit's latest finalised regular review: what the review intervals and the risk signals read.</summary>
public sealed record LatestRegularReview(Guid Id, string Title, DateOnly FinalisedOn, Assessment? Result);

/// <summary>
/// The latest finalised regular review (<see cref="ReviewTypes.Regular"/>, final or closed, with the day it became final) of each
/// unit, through the units each review covers. One query whatever the number of units; the latest per unit is picked in memory.
/// </summary>
public static class LatestRegularReviews
{
    /// <summary>The latest such review of each unit of <paramref name="units"/> that has one, by unit.</summary>
    public static async Task<Dictionary<Guid, LatestRegularReview>> ForUnitsAsync(AppDbContext db, IQueryable<Unit> units, CancellationToken cancellationToken)
    {
        var reviews = await db.ReviewUnits.AsNoTracking()
            .Where(ru => units.Any(u => u.Id == ru.UnitId))
            .Join(db.Reviews.Where(r => (r.State == ReviewState.Final || r.State == ReviewState.Closed) && r.FinalisedOn != null
                    && ReviewTypes.Regular.Contains(r.Type)),
                ru => ru.ReviewId, r => r.Id,
                (ru, r) => new { ru.UnitId, r.Id, r.Title, FinalisedOn = r.FinalisedOn!.Value, r.Result })
            .ToListAsync(cancellationToken);
        return reviews.GroupBy(r => r.UnitId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.FinalisedOn).ThenByDescending(r => r.Id)
                .Select(r => new LatestRegularReview(r.Id, r.Title, r.FinalisedOn, r.Result)).First());
    }
}
