using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>Issues, hashes and revokes API tokens. A token is shown once; only its SHA-256 hash is kept.</summary>
public sealed class ApiTokenService(AppDbContext db, TimeProvider clock)
{
    private const string TokenPrefix = "upk_";

    public async Task<(ApiToken Token, string Secret)> CreateAsync(AppUser user, string name, CancellationToken cancellationToken = default)
    {
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = name,
            Prefix = secret[..10],
            TokenHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    public async Task<bool> RevokeAsync(Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates <c>Authorization: Bearer upk_…</c> as the user the token belongs to.</summary>
/// <remarks>
/// Every request asks the database one question: is the token unrevoked, and what is its user's concurrency stamp?
/// Identity renews that stamp on every change to the user (roles, claims, lockout, access expiry), so a principal built
/// for the same stamp is still true and is reused; revocation and changes to the user take effect at once. Lockout does not
/// stop a token: it defends the password against guessing, and a token is not a password (decision 0034).
/// </remarks>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    SignInManager<AppUser> signInManager,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private static readonly TimeSpan PrincipalCacheTime = TimeSpan.FromMinutes(5);

    private sealed record VerifiedToken(string Stamp, DateOnly? AccessExpiresOn, ClaimsPrincipal Principal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.ApiTokenSent() is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiTokenService.Hash(secret);
        var current = await (
                from token in db.ApiTokens.AsNoTracking()
                join user in db.Users.AsNoTracking() on token.UserId equals user.Id
                where token.TokenHash == hash && token.RevokedAt == null
                select new { user.Id, user.ConcurrencyStamp })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (current is null)
        {
            return Refused();
        }

        var key = "api-token:" + hash;
        if (!cache.TryGetValue(key, out VerifiedToken? verified) || verified is null || verified.Stamp != current.ConcurrencyStamp)
        {
            var user = await signInManager.UserManager.FindByIdAsync(current.Id);
            if (user is null || !await signInManager.CanSignInAsync(user))
            {
                return Refused();
            }
            verified = new VerifiedToken(
                user.ConcurrencyStamp ?? "", user.AccessExpiresOn, await signInManager.CreateUserPrincipalAsync(user));
            cache.Set(key, verified, PrincipalCacheTime);
        }

        // The stamp is unchanged, but the calendar moves: check the expiry date again.
        var expired = verified.AccessExpiresOn is { } expiresOn && clock.SwedishToday() > expiresOn;
        return expired ? Refused() : AuthenticateResult.Success(new AuthenticationTicket(verified.Principal, SchemeName));
    }

    private static AuthenticateResult Refused() => AuthenticateResult.Fail("Ogiltig eller återkallad API-nyckel.");
}

/// <summary>How a request carries an API token: an <c>Authorization: Bearer</c> header. One reading for the scheme selector, the handler and the antiforgery rule.</summary>
public static class ApiTokenHeader
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Whether the request signs in by API token rather than by cookie.</summary>
    public static bool SendsApiToken(this HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The token the request sends, or null when it signs in otherwise.</summary>
    public static string? ApiTokenSent(this HttpRequest request) =>
        request.SendsApiToken() ? request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim() : null;
}
