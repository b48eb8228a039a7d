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
        var settings = configuration.GetSection(JobSettings.Section).Get<JobSettings>() ?? new JobSettings();
        services.AddSingleton(settings);
        services.AddQuartz(quartz =>
        {
            quartz.SchedulerName = "Uppsikt";
            quartz.UseInMemoryStore();
        });
        if (settings.Enabled)
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
        var key = new JobKey(typeof(TWork).Name);
        services.Configure<QuartzOptions>(options =>
        {
            options.AddJob<ScheduledJob<TWork>>(job => job.WithIdentity(key).WithDescription(description));
            options.AddTrigger(trigger => trigger.ForJob(key).WithIdentity(key.Name + ".trigger")
                .WithCronSchedule(cron, schedule => schedule.InTimeZone(SwedishCalendar.Zone).WithMisfireHandlingInstructionDoNothing()));
        });
        return services;
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
