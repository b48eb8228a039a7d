using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Quartz;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Infrastructure.Jobs;

/// <summary>The <c>Jobs</c> section. Tests turn the scheduler off and call a job's logic themselves.</summary>
public sealed class JobSettings
{
    public const string Section = "Jobs";

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Background jobs on Quartz.NET with its in-memory store (decision 0005). Every instance schedules every job, and each
/// scheduled run happens on the one instance that claims its lease in the database (decision 0040); the work must still be
/// safe to run twice, since a run cut off by a crash is not taken over and the next scheduled run does it again.
/// </summary>
public static class JobsRegistration
{
    public static IServiceCollection AddUppsiktJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<JobSettings>(JobSettings.Section);
        services.AddScoped<JobLeases>();
        services.AddQuartz(quartz =>
        {
            quartz.SchedulerName = "Uppsikt";
            quartz.UseInMemoryStore();
        });
        // Whether the scheduler runs decides which services exist, so this one value is read while registering.
        if (configuration.GetValue($"{JobSettings.Section}:{nameof(JobSettings.Enabled)}", defaultValue: true))
        {
            services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }
        return services;
    }

    /// <summary>
    /// Schedules <typeparamref name="TWork"/> by a Quartz cron expression (seconds first) in Swedish time. Each run
    /// resolves the work in a system scope of its own (the system is the actor), so it may take scoped services such
    /// as the database context; runs of the same work never overlap on one instance.
    /// </summary>
    /// <param name="onEveryInstance">
    /// Run on every instance rather than on the one that claims the run's lease: only for work that claims each item it
    /// handles itself, and runs so often that a lease row moved every time would only fill the audit trail.
    /// </param>
    public static IServiceCollection AddRecurringJob<TWork>(this IServiceCollection services, string description, string cron, bool onEveryInstance = false)
        where TWork : class, IScheduledWork
    {
        services.Configure<QuartzOptions>(options => AddJob<TWork>(options, description, cron, onEveryInstance));
        return services;
    }

    /// <summary>As <see cref="AddRecurringJob{TWork}(IServiceCollection, string, string)"/>, with the cron expression taken from bound settings.</summary>
    public static IServiceCollection AddRecurringJob<TWork, TSettings>(this IServiceCollection services, string description, Func<TSettings, string> cron)
        where TWork : class, IScheduledWork
        where TSettings : class
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<TSettings>>((options, settings) => AddJob<TWork>(options, description, cron(settings.Value), onEveryInstance: false));
        return services;
    }

    /// <summary>A validation error when <paramref name="cron"/> is not a Quartz cron expression; for settings that hold a schedule.</summary>
    public static ValidationResult? CheckSchedule(string key, string? cron) =>
        CronExpression.IsValidExpression(cron ?? "") ? null
            : new ValidationResult($"{key} är inget giltigt cron-uttryck för Quartz (sekunder först, till exempel \"0 0 6 * * ?\"): \"{cron}\".");

    private static void AddJob<TWork>(QuartzOptions options, string description, string cron, bool onEveryInstance) where TWork : class, IScheduledWork
    {
        var key = new JobKey(typeof(TWork).Name);
        options.AddJob<ScheduledJob<TWork>>(job => job.WithIdentity(key).WithDescription(description).UsingJobData(ScheduledJob<TWork>.OnEveryInstance, onEveryInstance));
        options.AddTrigger(trigger => trigger.ForJob(key).WithIdentity(key.Name + ".trigger")
            .WithCronSchedule(cron, schedule => schedule.InTimeZone(SwedishCalendar.Zone).WithMisfireHandlingInstructionDoNothing()));
    }
}

/// <summary>What a recurring job does; it must be safe to run twice (on one instance after another, or on two).</summary>
public interface IScheduledWork
{
    Task RunAsync(CancellationToken cancellationToken);
}

[DisallowConcurrentExecution]
internal sealed class ScheduledJob<TWork>(IServiceScopeFactory scopes) : IJob where TWork : IScheduledWork
{
    /// <summary>The job data key that says the job runs on every instance, without a lease.</summary>
    internal const string OnEveryInstance = "onEveryInstance";

    public Task Execute(IJobExecutionContext context) =>
        RunAsync(context.MergedJobDataMap.GetBoolean(OnEveryInstance) ? null : context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.CancellationToken);

    /// <summary>
    /// The run scheduled at <paramref name="scheduledAt"/>: the work resolved in a system scope of its own, if this instance
    /// claims the run's lease; false when another instance has it. Without a time, the run needs no lease.
    /// </summary>
    internal async Task<bool> RunAsync(DateTimeOffset? scheduledAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        if (scheduledAt is { } at && !await scope.ServiceProvider.GetRequiredService<JobLeases>().TryClaimAsync(typeof(TWork).Name, at, cancellationToken))
        {
            return false;
        }
        await scope.ServiceProvider.GetRequiredService<TWork>().RunAsync(cancellationToken);
        return true;
    }
}
