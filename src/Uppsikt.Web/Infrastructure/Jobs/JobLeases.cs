using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Jobs;

/// <summary>
/// Claims a job's scheduled run for this instance (decision 0040): true when this instance moved the job's lease on to the
/// run's scheduled time, false when another instance already had, for this run or a later one.
/// </summary>
public sealed class JobLeases(AppDbContext db, TimeProvider clock, ILogger<JobLeases> logger)
{
    /// <summary>This process, as the lease names it.</summary>
    public static readonly string ThisInstance = $"{Environment.MachineName}/{Environment.ProcessId}";

    public async Task<bool> TryClaimAsync(string jobName, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var lease = await db.JobLeases.SingleOrDefaultAsync(l => l.JobName == jobName, cancellationToken);
        if (lease is not null && lease.ScheduledAt >= scheduledAt)
        {
            return Taken(jobName, scheduledAt, lease);
        }
        if (lease is null)
        {
            lease = new JobLease { JobName = jobName, Instance = ThisInstance };
            db.JobLeases.Add(lease);
        }
        lease.ScheduledAt = scheduledAt;
        lease.Instance = ThisInstance;
        lease.StartedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance saved the lease first: a newer version, or the first row for the job.
            db.ChangeTracker.Clear();
            var winner = await db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.JobName == jobName, cancellationToken);
            if (winner is null || winner.ScheduledAt < scheduledAt)
            {
                throw;
            }
            return Taken(jobName, scheduledAt, winner);
        }
    }

    private bool Taken(string jobName, DateTimeOffset scheduledAt, JobLease lease)
    {
        logger.LogInformation("Job {Job} scheduled at {ScheduledAt} is run by {Instance}; not here.", jobName, scheduledAt, lease.Instance);
        return false;
    }
}
