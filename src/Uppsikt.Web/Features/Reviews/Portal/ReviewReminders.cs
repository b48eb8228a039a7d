using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Reviews.Portal;

/// <summary>
/// Reminds the provider's users, <see cref="ReviewSettings.ReminderDaysBefore"/> days before the last day, of a communicated
/// report they have not answered, once (<see cref="Review.NeedsReminder"/>): the reminder is recorded on the review's timeline
/// and each mail has its own deduplication key, so a second run, here or on another instance, adds nothing.
/// </summary>
public sealed class ReviewReminders(
    AppDbContext db, Outbox outbox, AppLinks links, TimeProvider clock, ReviewSettings settings, ReviewNotices notices, ILogger<ReviewReminders> logger)
    : IScheduledWork
{
    Task IScheduledWork.RunAsync(CancellationToken cancellationToken) => EnqueueAsync(cancellationToken);

    /// <summary>Enqueues today's reminders; returns how many mails were new.</summary>
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
                // Another instance reminded of the same review in between; run again, and the review no longer needs it.
                logger.LogInformation(exception, "Review reminders raced with another instance; running once more.");
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> EnqueueOnceAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var horizon = today.AddDays(settings.ReminderDaysBefore);
        var candidates = await db.Reviews
            .Where(r => r.State == ReviewState.Communicated && r.RespondedAt == null && r.ReminderSentAt == null
                && r.ResponseDueOn >= today && r.ResponseDueOn <= horizon)
            .OrderBy(r => r.ResponseDueOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var review in candidates.Where(r => r.NeedsReminder(today, settings.ReminderDaysBefore)))
        {
            var due = review.ResponseDueOn!.Value;
            var daysLeft = due.DayNumber - today.DayNumber;
            var when = daysLeft == 0 ? "i dag" : $"om {daysLeft} {(daysLeft == 1 ? "dag" : "dagar")}";
            var provider = await notices.ProviderNameAsync(review, cancellationToken);
            var link = links.LinkLine(ReviewPortalHandler.DetailsUrl(review.Id));
            foreach (var user in await notices.ProviderUsersAsync(review.ProviderId, cancellationToken))
            {
                var body = $"""
                    Hej {user.DisplayName}!

                    Sista dag för {provider} att svara på rapporten från granskningen "{review.Title}" är {SwedishText.Date(due)}, {when}.

                    Logga in i Uppsikt och öppna Våra granskningar för att läsa rapporten och lämna faktarättelser eller synpunkter. Efter sista dag kan rapporten fastställas utan ert svar.{link}

                    Det här meddelandet skickades automatiskt av Uppsikt.
                    """;
                if (await outbox.EnqueueAsync(user.Email, $"Påminnelse: svara på granskningsrapporten senast {SwedishText.Date(due)}", body,
                        $"review-reminder:{review.Id:N}:{user.Email}", cancellationToken))
                {
                    added++;
                }
            }
            review.RecordReminder(clock.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Enqueued {Count} review reminders for {Today}.", added, today);
        }
        return added;
    }
}
