using Microsoft.AspNetCore.Identity;
using Uppsikt.Domain.Notifications;

namespace Uppsikt.Data;

/// <summary>A person who signs in. Provider users carry their provider; district follow-up users their administration.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Set for a <c>ProviderUser</c>: the one provider whose data the user may see.</summary>
    public Guid? ProviderId { get; set; }

    /// <summary>Set for a <c>DistrictFollowUp</c> user: the administration whose units the user follows up.</summary>
    public Guid? AdministrationId { get; set; }

    /// <summary>For a committee member or secretary: the committee they serve.</summary>
    public Guid? CommitteeId { get; set; }

    /// <summary>After this day the user can no longer sign in (e.g. a provider's temporary staff).</summary>
    public DateOnly? AccessExpiresOn { get; set; }

    /// <summary>How the user hears by e-mail that a step waits for them: at once, in a daily summary (the default) or not at all.</summary>
    public MailFrequency HandOffMail { get; set; } = Domain.Notifications.HandOffMail.Default;
}

/// <summary>An API token for an integration. Only the SHA-256 hash is stored; the token is shown once.</summary>
public sealed class ApiToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UserId { get; init; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token, to tell tokens apart in lists.</summary>
    public required string Prefix { get; init; }

    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// A sign-in session ended by signing out (decision 0034). A session cookie names its session; a cookie whose session is
/// here is refused, so a copy of the cookie taken before sign-out no longer works, on any instance.
/// </summary>
public sealed class EndedSession
{
    /// <summary>The session's id, as the cookie's session claim carries it.</summary>
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public DateTimeOffset EndedAt { get; init; }

    /// <summary>After this instant no cookie of the session can be valid any more, so the row may be removed.</summary>
    public DateTimeOffset KeepUntil { get; init; }
}
