using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>The <c>SignIn</c> section: how many password attempts a client and an account may make per window.</summary>
public sealed class SignInLimitSettings
{
    public const string Section = "SignIn";

    /// <summary>Attempts from one client address (after the proxy's <c>X-Forwarded-For</c>) per window; default 10.</summary>
    [Range(1, 100_000, ErrorMessage = "SignIn:AttemptsPerClient måste vara ett tal från 1 till 100000.")]
    public int AttemptsPerClient { get; set; } = 10;

    /// <summary>Attempts at one e-mail address, from any client, per window; default 5.</summary>
    [Range(1, 100_000, ErrorMessage = "SignIn:AttemptsPerAccount måste vara ett tal från 1 till 100000.")]
    public int AttemptsPerAccount { get; set; } = 5;

    /// <summary>The length of the window in seconds; default 60.</summary>
    [Range(1, 86_400, ErrorMessage = "SignIn:WindowSeconds måste vara ett tal från 1 till 86400.")]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Limits password attempts per client address and per account, both at once (decision 0034): an attempt goes through only
/// when neither limit is reached. The framework's fixed-window limiters, one per client and one per account, chained.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<Attempt> _limiter;

    public SignInThrottle(SignInLimitSettings settings)
    {
        var window = TimeSpan.FromSeconds(settings.WindowSeconds);
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<Attempt, string>(attempt =>
                RateLimitPartition.GetFixedWindowLimiter(attempt.Client, _ => Window(settings.AttemptsPerClient, window))),
            PartitionedRateLimiter.Create<Attempt, string>(attempt =>
                RateLimitPartition.GetFixedWindowLimiter(attempt.Account, _ => Window(settings.AttemptsPerAccount, window))));
    }

    /// <summary>
    /// Counts an attempt from <paramref name="context"/>'s client at <paramref name="normalizedEmail"/>. Null when it may go
    /// ahead; otherwise how long to wait before trying again.
    /// </summary>
    public TimeSpan? Refuse(HttpContext context, string normalizedEmail)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "";
        using var lease = _limiter.AttemptAcquire(new Attempt(client, normalizedEmail));
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    /// <summary>The Swedish message of a refused attempt, with the wait rounded up to whole minutes.</summary>
    public static string Message(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return $"För många inloggningsförsök. Vänta {(minutes == 1 ? "en minut" : $"{minutes} minuter")} och försök igen.";
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private readonly record struct Attempt(string Client, string Account);
}
