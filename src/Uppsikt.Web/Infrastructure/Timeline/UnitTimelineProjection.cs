using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Timeline;

/// <summary>
/// Keeps the stored timelines in step with their records (decision 0027): before a save it asks each source which of its groups
/// and units the changes touch; after the save, in the same transaction, each source rewrites those entries. A rebuild rewrites
/// every unit's entries, for a database that has records but no timeline yet (one from before the timeline was stored).
/// </summary>
public sealed class UnitTimelineProjection(IEnumerable<IUnitHistorySource> sources) : IDerivedRows
{
    private const int RebuildBatch = 500;

    private readonly IReadOnlyList<IUnitHistorySource> _sources = [.. sources];

    public object? Note(IReadOnlyList<EntityEntry> changed)
    {
        var touched = new List<(IUnitHistorySource Source, UnitHistoryTouches Touches)>();
        foreach (var source in _sources)
        {
            var touches = new UnitHistoryTouches();
            foreach (var entry in changed)
            {
                source.Touch(entry.Entity, touches);
            }
            if (touches.Any)
            {
                touched.Add((source, touches));
            }
        }
        return touched.Count == 0 ? null : touched;
    }

    public async Task UpdateAsync(AppDbContext db, object noted, CancellationToken cancellationToken)
    {
        foreach (var (source, touches) in (List<(IUnitHistorySource, UnitHistoryTouches)>)noted)
        {
            await source.RewriteAsync(db, [.. touches.Groups], [.. touches.Units], cancellationToken);
        }
    }

    /// <summary>Rewrites every unit's timeline from the records, in batches of units; returns the number of entries written.</summary>
    public async Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.UnitTimelineEntries.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        var unitIds = await db.Units.IgnoreQueryFilters().OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var batch in unitIds.Chunk(RebuildBatch))
        {
            foreach (var source in _sources)
            {
                await source.RewriteAsync(db, [], batch, cancellationToken);
            }
        }
        return await db.UnitTimelineEntries.IgnoreQueryFilters().CountAsync(cancellationToken);
    }

    /// <summary>Builds the timelines of a database whose units have none stored yet: after the upgrade that began storing them.</summary>
    public async Task EnsureBuiltAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.UnitTimelineEntries.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            await RebuildAsync(db, cancellationToken);
        }
    }
}

public static class UnitTimelineRegistration
{
    /// <summary>
    /// The stored timeline's upkeep; each feature registers its own sources (<see cref="IUnitHistorySource"/>) as singletons.
    /// </summary>
    public static IServiceCollection AddUnitTimeline(this IServiceCollection services)
    {
        services.AddSingleton<UnitTimelineProjection>();
        services.AddSingleton<IDerivedRows>(provider => provider.GetRequiredService<UnitTimelineProjection>());
        return services;
    }
}
