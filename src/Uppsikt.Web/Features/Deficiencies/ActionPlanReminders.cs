using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Notifications;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>
/// Reminds the provider's users of an action plan due soon or overdue, and of an approved plan's actions due soon or overdue
/// (<see cref="ActionPlan.DueReminders"/>), each once: the reminder is recorded on the plan and each notice has its own key,
/// so a second run, here or on another instance, adds nothing.
/// </summary>
public sealed class ActionPlanReminders(AppDbContext db, HandOffs handOffs, TimeProvider clock, DeficiencySettings settings, ILogger<ActionPlanReminders> logger)
    : IScheduledWork
{
    Task IScheduledWork.RunAsync(CancellationToken cancellationToken) => EnqueueAsync(cancellationToken);

    /// <summary>Queues today's reminders; returns how many were due.</summary>
    public async Task<int> EnqueueAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var horizon = today.AddDays(settings.ReminderDaysBefore);
        var plans = await db.ActionPlans.AsSplitQuery().Include(p => p.Actions).Include(p => p.Steps)
            .Where(p => ((p.State == ActionPlanState.AwaitingPlan || p.State == ActionPlanState.Returned)
                    && p.PlanDueOn <= horizon && (p.PlanReminderSentAt == null || p.PlanOverdueNoticeSentAt == null))
                || (p.State == ActionPlanState.Approved && p.Actions.Any(a => a.DoneOn == null && a.DueOn <= horizon
                    && (a.ReminderSentAt == null || a.OverdueNoticeSentAt == null))))
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var plan in plans)
        {
            foreach (var reminder in plan.DueReminders(today, settings.ReminderDaysBefore))
            {
                var action = reminder.ActionId is { } id ? plan.Actions.Find(a => a.Id == id) : null;
                var (subject, text) = Wording(plan, reminder, action, today);
                await handOffs.WaitsForAsync(new HandOff($"action-plan-reminder:{reminder.Kind}:{reminder.ActionId ?? plan.Id:N}:{reminder.DueOn:yyyyMMdd}",
                    R.ProviderUser, subject, text, ActionPlansHandler.PlanUrl(plan.Id))
                { ProviderId = plan.ProviderId }, cancellationToken);
                plan.RecordReminder(reminder, clock.GetUtcNow());
                count++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("Queued {Count} action plan reminders for {Today}.", count, today);
        }
        return count;
    }

    private static (string Subject, string Text) Wording(ActionPlan plan, DueReminder reminder, PlannedAction? action, DateOnly today)
    {
        var date = SwedishText.Date(reminder.DueOn);
        var days = reminder.DueOn.DayNumber - today.DayNumber;
        var when = days == 0 ? "i dag" : days == 1 ? "i morgon" : $"om {days} dagar";
        return reminder.Kind switch
        {
            ReminderKind.PlanDueSoon => ($"Påminnelse: åtgärdsplan senast {date}", $"Åtgärdsplanen för {plan.Title} ska lämnas in senast {date}, {when}."),
            ReminderKind.PlanOverdue => ($"Åtgärdsplanen är försenad: {plan.Title}", $"Åtgärdsplanen för {plan.Title} skulle ha lämnats in senast {date}. Lämna in den snarast."),
            ReminderKind.ActionDueSoon => ($"Påminnelse: åtgärd senast {date}",
                $"Åtgärden ”{action?.Description}” i åtgärdsplanen för {plan.Title} ska vara genomförd senast {date}, {when}. Rapportera den med underlag när den är klar."),
            _ => ($"Åtgärd försenad: {plan.Title}",
                $"Åtgärden ”{action?.Description}” i åtgärdsplanen för {plan.Title} skulle ha varit genomförd senast {date} och är inte rapporterad. Rapportera den snarast."),
        };
    }
}
