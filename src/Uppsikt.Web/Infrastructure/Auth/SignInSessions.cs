using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>
/// Sign-in sessions that end on sign-out (decision 0034): each sign-in puts a new session id into the cookie; signing out
/// records the id as ended in the database; every cookie-authenticated request asks the database, by primary key, whether
/// its session has ended. Works across instances, and a cookie copied before sign-out is refused afterwards.
/// </summary>
public sealed class SignInSessions(AppDbContext db, TimeProvider clock, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    /// <summary>The claim in the sign-in cookie that names its session.</summary>
    public const string SessionClaim = "uppsikt:session";

    public static Claim NewSessionClaim() => new(SessionClaim, Guid.NewGuid().ToString("N"));

    /// <summary>Records the session of <paramref name="user"/> as ended; a principal without a session has nothing to end.</summary>
    public async Task EndAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.FindFirstValue(SessionClaim) is not { } id || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || await db.EndedSessions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        // A cookie of the session is renewed at most up to now, so none outlives now plus the cookie's lifetime.
        var lifetime = cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        db.EndedSessions.Add(new EndedSession { Id = id, UserId = userId, EndedAt = now, KeepUntil = now + lifetime });
        await db.SaveChangesAsync(cancellationToken);
        // Rows no cookie can match any more are bookkeeping without meaning: removed without an audit row (decision 0034).
        await db.EndedSessions.Where(s => s.KeepUntil < now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The sign-in cookie's check on every request: a cookie without a session, or of an ended one, is refused and removed.
    /// One query by primary key; then Identity's own security-stamp check.
    /// </summary>
    public static Func<CookieValidatePrincipalContext, Task> Validating(Func<CookieValidatePrincipalContext, Task> next) =>
        async context =>
        {
            var id = context.Principal?.FindFirstValue(SessionClaim);
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            if (id is null || await db.EndedSessions.AnyAsync(s => s.Id == id, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await next(context);
        };

    /// <summary>Keeps the session id when Identity rebuilds the principal after its security-stamp check.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SessionClaim))
        {
            identity.AddClaim(new Claim(SessionClaim, session.Value));
        }
        return Task.CompletedTask;
    }
}
