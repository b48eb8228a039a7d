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
/// Background jobs on Quartz.NET with its in-memory store (docs/decisions: jobs are idempotent in the database
/// instead of clustered in Quartz). Every instance runs every job; each job must be safe to run twice.
/// </summary>
public static class JobsRegistration
{
    public static IServiceCollection AddUppsiktJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<JobSettings>(JobSettings.Section);
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
    public static IServiceCollection AddRecurringJob<TWork>(this IServiceCollection services, string description, string cron)
        where TWork : class, IScheduledWork
    {
        services.Configure<QuartzOptions>(options => AddJob<TWork>(options, description, cron));
        return services;
    }

    /// <summary>As <see cref="AddRecurringJob{TWork}(IServiceCollection, string, string)"/>, with the cron expression taken from bound settings.</summary>
    public static IServiceCollection AddRecurringJob<TWork, TSettings>(this IServiceCollection services, string description, Func<TSettings, string> cron)
        where TWork : class, IScheduledWork
        where TSettings : class
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<TSettings>>((options, settings) => AddJob<TWork>(options, description, cron(settings.Value)));
        return services;
    }

    /// <summary>A validation error when <paramref name="cron"/> is not a Quartz cron expression; for settings that hold a schedule.</summary>
    public static ValidationResult? CheckSchedule(string key, string? cron) =>
        CronExpression.IsValidExpression(cron ?? "") ? null
            : new ValidationResult($"{key} är inget giltigt cron-uttryck för Quartz (sekunder först, till exempel \"0 0 6 * * ?\"): \"{cron}\".");

    private static void AddJob<TWork>(QuartzOptions options, string description, string cron) where TWork : class, IScheduledWork
    {
        var key = new JobKey(typeof(TWork).Name);
        options.AddJob<ScheduledJob<TWork>>(job => job.WithIdentity(key).WithDescription(description));
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
    public Task Execute(IJobExecutionContext context) => RunAsync(context.CancellationToken);

    /// <summary>One run: the work resolved in a system scope of its own.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<TWork>().RunAsync(cancellationToken);
    }
}
