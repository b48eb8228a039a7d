using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;

namespace Uppsikt.Web.Features.Evidence.Indicators;

/// <summary>
/// Keeps the municipality's average per indicator and period: the mean over every unit's result, stored so that a
/// provider user (who may only read its own units' results) can still be shown what it is compared with.
/// </summary>
public static class OutcomeAverages
{
    /// <summary>Recomputes the averages of the given indicators from all their results; call within the writing transaction.</summary>
    public static async Task RebuildAsync(AppDbContext db, IEnumerable<Guid> indicatorIds, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        string Q(string name) => sql.DelimitIdentifier(name);
        var columns = $"{Q(nameof(Outcome.IndicatorId))}, {Q(nameof(Outcome.Year))}, {Q(nameof(Outcome.PeriodKind))}, {Q(nameof(Outcome.PeriodNumber))}";
        var insert = $"INSERT INTO {Q(nameof(AppDbContext.OutcomeAverages))} ({columns}, {Q(nameof(OutcomeAverage.Value))}, {Q(nameof(OutcomeAverage.UnitCount))}) "
            + $"SELECT {columns}, AVG({Q(nameof(Outcome.Value))}), COUNT(*) FROM {Q(nameof(AppDbContext.Outcomes))} "
            + $"WHERE {Q(nameof(Outcome.IndicatorId))} = {{0}} GROUP BY {columns}";
        foreach (var id in indicatorIds.Distinct())
        {
            // Derived data, rebuilt whole: not audited row by row (the import that caused it is).
            await db.OutcomeAverages.Where(a => a.IndicatorId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(insert, [id], cancellationToken);
        }
    }
}
