using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Notifications;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Infrastructure.Notifications;

/// <summary>The <c>Notifications</c> section.</summary>
public sealed class NotificationSettings : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>When the daily summaries go out, as a Quartz cron expression in Swedish time; by default 07:00 every day.</summary>
    public string DigestSchedule { get; set; } = "0 0 7 * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (JobsRegistration.CheckSchedule(Section + ":" + nameof(DigestSchedule), DigestSchedule) is { } error)
        {
            yield return error;
        }
    }
}

/// <summary>
/// The daily summary: one mail per user listing every hand-off pending for them, oldest first, then marks them sent. Safe to run
/// twice or on two instances: a summary's deduplication key names its newest hand-off, and marking is guarded by each row's version.
/// A user who has since chosen "Inte alls", or whose access has ended, gets no mail; their pending hand-offs are closed.
/// </summary>
public sealed class HandOffDigest(AppDbContext db, Outbox outbox, AppLinks links, TimeProvider clock, ILogger<HandOffDigest> logger) : IScheduledWork
{
    Task IScheduledWork.RunAsync(CancellationToken cancellationToken) => SendAsync(cancellationToken);

    /// <summary>Puts today's summaries in the outbox; returns how many.</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var pending = await db.PendingHandOffs.Where(p => p.SentAt == null).ToListAsync(cancellationToken);
        var userIds = pending.Select(p => p.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.Email, u.DisplayName, u.HandOffMail, u.AccessExpiresOn }, cancellationToken);
        var today = clock.SwedishToday();
        var sent = 0;
        foreach (var group in pending.GroupBy(p => p.UserId))
        {
            var items = group.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToList();
            var now = clock.GetUtcNow();
            var added = false;
            if (users.TryGetValue(group.Key, out var user) && user.Email is { } email && user.HandOffMail != MailFrequency.Never
                && (user.AccessExpiresOn is null || user.AccessExpiresOn >= today))
            {
                var body = HandOffMail.Digest(user.DisplayName, [.. items.Select(i => new HandOffLine(i.Text, links.To(i.Path)))], links.To(HandOffs.SettingsPath));
                added = await outbox.EnqueueAsync(email, HandOffMail.DigestSubject(items.Count), body, $"hand-off-digest:{items[^1].Id:N}", cancellationToken);
            }
            foreach (var item in items)
            {
                item.SentAt = now;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent += added ? 1 : 0;
            }
            catch (DbUpdateException)
            {
                // Another instance is summarising the same hand-offs; it finishes the run.
                db.ChangeTracker.Clear();
                break;
            }
        }
        if (sent > 0)
        {
            logger.LogInformation("Enqueued {Count} daily hand-off summaries.", sent);
        }
        return sent;
    }
}

public static class NotificationsRegistration
{
    /// <summary>The hand-off notifier features call, and the daily summary job.</summary>
    public static IServiceCollection AddUppsiktNotifications(this IServiceCollection services)
    {
        services.AddSettings<NotificationSettings>(NotificationSettings.Section);
        services.AddScoped<HandOffs>();
        services.AddScoped<HandOffDigest>();
        services.AddRecurringJob<HandOffDigest, NotificationSettings>("Daglig sammanfattning av det som väntar", settings => settings.DigestSchedule);
        return services;
    }
}
