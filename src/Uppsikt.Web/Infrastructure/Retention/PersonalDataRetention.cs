using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Retention;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Infrastructure.Retention;

/// <summary>One kind's period as the admin page shows it: the setting, the start of the clock and how many records have expired now.</summary>
public sealed record RetentionKindStatus(RetentionKind Kind, string EntityType, int Months, string SettingKey, string ClockStart, int ExpiredNow);

/// <summary>The last day records were removed by retention, read from the audit trail: when, and how many rows of each entity type.</summary>
public sealed record RetentionRemoval(DateTimeOffset LastAt, IReadOnlyDictionary<string, int> RowsByEntityType);

/// <summary>
/// Removes (gallrar) the records about individual service users whose retention period has ended (decision 0038), once a day:
/// for each kind, the expired records, everything that is part of them and their stored files, in batches of
/// <see cref="RetentionSettings.BatchSize"/>, one transaction per batch, audited without the removed content
/// (<see cref="AppDbContext.SaveRemovalsByRetentionAsync"/>). A record still open is never expired. Running twice removes
/// nothing more, so the job is safe on several instances. What it removed is read back from the audit trail, so no table of its own.
/// </summary>
public sealed class PersonalDataRetention(
    AppDbContext db, IEnumerable<IRetentionSource> sources, FileStore files, RetentionSettings settings, TimeProvider clock,
    ILogger<PersonalDataRetention> logger) : IScheduledWork
{
    Task IScheduledWork.RunAsync(CancellationToken cancellationToken) => RemoveExpiredAsync(cancellationToken);

    /// <summary>Removes every expired record as of today (Swedish date); returns how many of each kind.</summary>
    public async Task<IReadOnlyDictionary<RetentionKind, int>> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var removed = new Dictionary<RetentionKind, int>();
        foreach (var source in Sources)
        {
            var months = settings.MonthsFor(source.Kind);
            var latestExpiredStart = RetentionPeriod.LatestExpiredStart(today, months);
            var note = Note(source.Kind, months);
            var count = 0;
            while (true)
            {
                var ids = await source.Expired(latestExpiredStart).OrderBy(id => id).Take(settings.BatchSize).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    break;
                }
                var fileIds = await source.RemoveAsync(ids, cancellationToken);
                await db.SaveRemovalsByRetentionAsync(note, cancellationToken);
                db.ChangeTracker.Clear();
                files.DeleteBytes(fileIds);
                count += ids.Count;
                if (ids.Count < settings.BatchSize)
                {
                    break;
                }
            }
            removed[source.Kind] = count;
        }
        // Logged also when nothing was removed: the audit trail only shows the runs that removed something.
        logger.LogInformation("Retention run on {Today}: removed {Removed}.", today, string.Join(", ", removed.Select(r => $"{r.Value} {r.Key}")));
        return removed;
    }

    /// <summary>Each kind's period, the start of its clock and how many of its records the next run would remove.</summary>
    public async Task<IReadOnlyList<RetentionKindStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var statuses = new List<RetentionKindStatus>();
        foreach (var source in Sources)
        {
            var months = settings.MonthsFor(source.Kind);
            var expired = await source.Expired(RetentionPeriod.LatestExpiredStart(today, months)).CountAsync(cancellationToken);
            statuses.Add(new RetentionKindStatus(source.Kind, source.EntityType, months, RetentionSettings.KeyFor(source.Kind), source.ClockStart, expired));
        }
        return statuses;
    }

    /// <summary>What was removed on the last day anything was (Swedish date); null when nothing has been removed by retention yet.</summary>
    public async Task<RetentionRemoval?> LastRemovalAsync(CancellationToken cancellationToken)
    {
        var purged = db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditEntry.Purged);
        if (await purged.OrderByDescending(a => a.Id).Select(a => (DateTimeOffset?)a.OccurredAt).FirstOrDefaultAsync(cancellationToken) is not { } last)
        {
            return null;
        }
        var from = SwedishCalendar.StartOf(SwedishCalendar.DateOf(last));
        // Counted here rather than grouped in SQL, where SQLite would walk the index of every entity type instead of that day's removals.
        var types = await purged.Where(a => a.OccurredAt >= from).Select(a => a.EntityType).ToListAsync(cancellationToken);
        var rows = types.CountBy(t => t).ToDictionary(c => c.Key, c => c.Value);
        return new RetentionRemoval(last, rows);
    }

    /// <summary>What the audit row of a removed record says instead of its content.</summary>
    public static string Note(RetentionKind kind, int months) =>
        $"Gallrad enligt gallringsfrist {SwedishText.Count(months, "månad", "månader")} ({kind.Name()})";

    private IEnumerable<IRetentionSource> Sources => sources.OrderBy(s => s.Kind);
}

public static class RetentionRegistration
{
    public static IServiceCollection AddUppsiktRetention(this IServiceCollection services)
    {
        services.AddSettings<RetentionSettings>(RetentionSettings.Section);
        services.AddScoped<PersonalDataRetention>();
        services.AddRecurringJob<PersonalDataRetention, RetentionSettings>("Gallring av uppgifter om enskilda brukare", settings => settings.Schedule);
        return services;
    }
}
