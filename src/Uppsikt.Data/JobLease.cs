using Uppsikt.Domain;

namespace Uppsikt.Data;

/// <summary>
/// A scheduled job's lease: the scheduled run it last started, where and when. An instance starts a run only after moving
/// its job's lease on to that run's scheduled time, and the row's version makes the move succeed on one instance only:
/// with several instances on one database, each scheduled run happens once (decision 0040).
/// </summary>
public sealed class JobLease : Entity
{
    public required string JobName { get; init; }

    /// <summary>The scheduled time of the last run started (Quartz's scheduled fire time, the same on every instance).</summary>
    public DateTimeOffset ScheduledAt { get; set; }

    /// <summary>The instance that started it: host name and process id.</summary>
    public required string Instance { get; set; }

    public DateTimeOffset StartedAt { get; set; }
}
