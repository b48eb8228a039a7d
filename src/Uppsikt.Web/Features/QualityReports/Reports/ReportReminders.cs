using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>The <c>QualityReports:Reminders</c> section.</summary>
public sealed class ReportReminderSettings : IValidatableObject
{
    public const string Section = "QualityReports:Reminders";

    /// <summary>How many days before the deadline a reminder goes out; by default 7, 3 and 1.</summary>
    public int[] DaysBefore { get; set; } = [7, 3, 1];

    /// <summary>When the reminder job runs, as a Quartz cron expression in Swedish time; by default 06:15 every day.</summary>
    public string Schedule { get; set; } = "0 15 6 * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DaysBefore.Any(days => days < 0))
        {
            yield return new ValidationResult($"{Section}:{nameof(DaysBefore)} får bara innehålla dagar före sista dag (0 eller fler).", [nameof(DaysBefore)]);
        }
        if (JobsRegistration.CheckSchedule(Section + ":" + nameof(Schedule), Schedule) is { } error)
        {
            yield return error;
        }
    }
}

/// <summary>
/// Reminds the provider's users of a report not yet submitted (or with a completion requested) on the days set before
/// its deadline. Each reminder has its own deduplication key, so it goes out once however often the job runs.
/// </summary>
public sealed class ReportReminders(AppDbContext db, Outbox outbox, AppLinks links, TimeProvider clock, ReportReminderSettings settings, ILogger<ReportReminders> logger)
    : IScheduledWork
{
    Task IScheduledWork.RunAsync(CancellationToken cancellationToken) => EnqueueAsync(cancellationToken);

    /// <summary>Enqueues today's reminders; returns how many were new.</summary>
    public async Task<int> EnqueueAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var dueDays = settings.DaysBefore.Select(d => today.AddDays(d)).ToList();
        var reports = await (
            from report in db.QualityReports.AsNoTracking().Where(QualityReport.Open).Where(QualityReport.OnReportTemplate)
            where report.Template!.DueOn != null && dueDays.Contains(report.Template.DueOn.Value)
            join choiceSystem in db.ChoiceSystems on report.Template!.ChoiceSystemId equals choiceSystem.Id
            select new { report.Id, report.ProviderId, report.Template!.Year, DueOn = report.Template.DueOn!.Value, ChoiceSystem = choiceSystem.Name })
            .ToListAsync(cancellationToken);
        var providerIds = reports.Select(r => r.ProviderId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.ProviderId != null && providerIds.Contains(u.ProviderId.Value) && u.Email != null)
            .Select(u => new { ProviderId = u.ProviderId!.Value, Email = u.Email!, u.DisplayName }).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var report in reports)
        {
            var daysLeft = report.DueOn.DayNumber - today.DayNumber;
            var due = SwedishText.Date(report.DueOn);
            var link = links.LinkLine(ReportsHandler.FillUrl(report.Id));
            foreach (var user in users.Where(u => u.ProviderId == report.ProviderId))
            {
                var body = $"""
                    Hej {user.DisplayName}!

                    Er kvalitetsrapport för {report.ChoiceSystem} {report.Year} ska lämnas in senast {due}, om {daysLeft} {(daysLeft == 1 ? "dag" : "dagar")}.

                    Logga in i Uppsikt och öppna Våra kvalitetsrapporter för att fylla i och skicka in rapporten.{link}
                    En rapport som saknas efter sista dag kan leda till en varning.

                    Det här meddelandet skickades automatiskt av Uppsikt.
                    """;
                if (await outbox.EnqueueAsync(user.Email, $"Påminnelse: kvalitetsrapporten ska lämnas in senast {due}", body,
                        $"quality-report:{report.Id:N}:{user.Email}:due-in-{daysLeft}", cancellationToken))
                {
                    added++;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Enqueued {Count} quality report reminders for {Today}.", added, today);
        }
        return added;
    }
}

