using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Cycle;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Cycle;

/// <summary>The <c>Cycle:Reminders</c> section.</summary>
public sealed class ReminderSettings : IValidatableObject
{
    public const string Section = "Cycle:Reminders";

    /// <summary>An open task due within this many days gets a reminder.</summary>
    [Range(0, 366, ErrorMessage = "Cycle:Reminders:DaysAhead måste vara mellan 0 och 366 dagar.")]
    public int DaysAhead { get; set; } = 7;

    /// <summary>When the reminder job runs, as a Quartz cron expression in Swedish time; by default 06:00 every day.</summary>
    public string Schedule { get; set; } = "0 0 6 * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        JobsRegistration.CheckSchedule(Section + ":" + nameof(Schedule), Schedule) is { } error ? [error] : [];
}

/// <summary>
/// Puts reminders for cycle tasks in the outbox, to each task's owner: one when an open task comes within
/// <see cref="ReminderSettings.DaysAhead"/> days of its due date, and one a day while it is overdue. The outbox's
/// deduplication keys make a second run (the same day, or on another app instance) add nothing.
/// </summary>
public sealed class CycleReminders(AppDbContext db, Outbox outbox, AppLinks links, TimeProvider clock, ReminderSettings settings, ILogger<CycleReminders> logger)
    : IScheduledWork
{
    Task IScheduledWork.RunAsync(CancellationToken cancellationToken) => EnqueueAsync(cancellationToken);

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Enqueues today's reminders; returns how many were new.</summary>
    public async Task<int> EnqueueAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EnqueueOnceAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt == 1)
            {
                // Another instance enqueued the same reminder in between; run again, and its keys are skipped.
                logger.LogInformation(exception, "Reminders raced with another instance; running once more.");
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> EnqueueOnceAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var horizon = today.AddDays(settings.DaysAhead);
        var tasks = await (
            from task in db.CycleTasks.AsNoTracking()
            where task.Status == CycleTaskStatus.Open && task.DueOn <= horizon
            join owner in db.Users on task.OwnerUserId equals owner.Id
            where owner.Email != null
            orderby task.DueOn, task.Id
            select new
            {
                task.Id,
                task.Title,
                task.DueOn,
                Year = task.Cycle != null ? task.Cycle.Year : (int?)null,
                Email = owner.Email!,
                owner.DisplayName,
                Committee = task.Cycle != null ? db.Committees.Where(c => c.Id == task.Cycle.CommitteeId).Select(c => c.Name).First() : null,
                Unit = db.Units.Where(u => u.Id == task.UnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var added = 0;
        var link = links.LinkLine("/Cycle/MyTasks");
        foreach (var task in tasks)
        {
            var due = task.DueOn.ToString("d MMMM yyyy", Swedish);
            var overdue = task.DueOn < today;
            var (key, subject, opening) = overdue
                ? ($"cycle-task:{task.Id:N}:overdue:{today:yyyy-MM-dd}", $"Försenad uppgift: {task.Title}",
                    $"Uppgiften nedan skulle ha varit klar {due} och är försenad.")
                : ($"cycle-task:{task.Id:N}:due-soon:{task.DueOn:yyyy-MM-dd}", $"Påminnelse: {task.Title} ska vara klar {due}",
                    $"Uppgiften nedan ska vara klar {due}.");
            var body = $"""
                Hej {task.DisplayName}!

                {opening}

                Uppgift: {task.Title}
                {(task.Committee is not null ? $"Årshjul: {task.Committee}, {task.Year}" : $"Enhet: {task.Unit}")}
                Klart senast: {due}

                Logga in i Uppsikt och öppna Mina uppgifter för att se uppgiften och markera den som klar.{link}

                Det här meddelandet skickades automatiskt av Uppsikt.
                """;
            if (await outbox.EnqueueAsync(task.Email, subject, body, key, cancellationToken))
            {
                added++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Enqueued {Count} cycle task reminders for {Today}.", added, today);
        }
        return added;
    }
}

