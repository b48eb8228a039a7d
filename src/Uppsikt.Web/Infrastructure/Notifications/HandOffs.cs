using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Notifications;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Infrastructure.Notifications;

/// <summary>
/// A step that now waits for a role: who (the role, and for committee secretaries or provider users the committee or provider),
/// what (one Swedish sentence, and the subject of a mail sent at once) and where (the page's path). <paramref name="Key"/> names
/// the occasion, such as <c>plan-submitted:{stepId}</c>, so the same step never notifies the same user twice.
/// </summary>
public sealed record HandOff(string Key, string Role, string Subject, string Text, string Path)
{
    /// <summary>Only the role's users who serve this committee, and those who serve no one committee.</summary>
    public Guid? CommitteeId { get; init; }

    /// <summary>Required for provider users: only this provider's own users.</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>Users told of the step another way already (such as a review's lead), who get no second notice.</summary>
    public IReadOnlyList<string> Except { get; init; } = [];
}

/// <summary>
/// The one way a feature tells a role that a step waits for it (decision 0025). Each of the role's users (but the one who took
/// the step, and those whose access has ended) gets it as they chose on E-postaviseringar: a mail in the outbox at once, a line
/// in tomorrow's summary (<see cref="HandOffDigest"/>), or nothing. Nothing is written until the caller's save, so the notice
/// exists if and only if the step is saved.
/// </summary>
public sealed class HandOffs(AppDbContext db, Outbox outbox, AppLinks links, ICurrentActor actor, TimeProvider clock)
{
    public const string SettingsPath = "/Account/Notifications";

    /// <summary>Queues the hand-off for its recipients; returns how many will hear of it (at once or in a summary).</summary>
    public async Task<int> WaitsForAsync(HandOff handOff, CancellationToken cancellationToken)
    {
        if (handOff.Role == Roles.ProviderUser && handOff.ProviderId is null)
        {
            throw new ArgumentException("A hand-off to provider users must name their provider.", nameof(handOff));
        }
        var recipients = await RecipientsAsync(handOff, cancellationToken);
        var queued = 0;
        foreach (var user in recipients)
        {
            var key = $"hand-off:{handOff.Key}:{user.Id}";
            if (user.HandOffMail == MailFrequency.Immediately)
            {
                var body = HandOffMail.Immediate(user.DisplayName, new HandOffLine(handOff.Text, links.To(handOff.Path)), links.To(SettingsPath));
                await outbox.EnqueueAsync(user.Email, handOff.Subject, body, key, cancellationToken);
                queued++;
            }
            else if (user.HandOffMail == MailFrequency.DailyDigest)
            {
                if (!db.PendingHandOffs.Local.Any(p => p.DeduplicationKey == key)
                    && !await db.PendingHandOffs.AnyAsync(p => p.DeduplicationKey == key, cancellationToken))
                {
                    db.PendingHandOffs.Add(new PendingHandOff
                    {
                        UserId = user.Id,
                        Text = handOff.Text,
                        Path = handOff.Path,
                        DeduplicationKey = key,
                        CreatedAt = clock.GetUtcNow(),
                    });
                }
                queued++;
            }
        }
        return queued;
    }

    private sealed record Recipient(string Id, string Email, string DisplayName, MailFrequency HandOffMail);

    private async Task<List<Recipient>> RecipientsAsync(HandOff handOff, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var self = actor.IsKnown ? actor.UserId : null;
        var users =
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == handOff.Role && user.Email != null && user.Id != self
                && (user.AccessExpiresOn == null || user.AccessExpiresOn >= today)
            select user;
        if (handOff.ProviderId is { } providerId)
        {
            users = users.Where(u => u.ProviderId == providerId);
        }
        if (handOff.CommitteeId is { } committeeId)
        {
            users = users.Where(u => u.CommitteeId == null || u.CommitteeId == committeeId);
        }
        if (handOff.Except.Count > 0)
        {
            var except = handOff.Except.ToList();
            users = users.Where(u => !except.Contains(u.Id));
        }
        return await users.Distinct().OrderBy(u => u.Email)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.HandOffMail)).ToListAsync(cancellationToken);
    }
}
