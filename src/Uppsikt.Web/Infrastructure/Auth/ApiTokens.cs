using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>Issues, hashes and revokes API tokens. A token is shown once; only its SHA-256 hash is kept.</summary>
public sealed class ApiTokenService(AppDbContext db, TimeProvider clock, IMemoryCache cache)
{
    /// <summary>
    /// How long a verified token's principal is reused without asking the database again. Revoking on this
    /// instance takes effect at once; on other instances, and for a locked or expired account, within this time.
    /// </summary>
    public static readonly TimeSpan PrincipalCacheTime = TimeSpan.FromSeconds(30);

    public static string CacheKey(string hash) => "api-token:" + hash;

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
        cache.Remove(CacheKey(token.TokenHash));
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates <c>Authorization: Bearer upk_…</c> as the user the token belongs to.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    SignInManager<AppUser> signInManager,
    IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiTokenService.Hash(header["Bearer ".Length..].Trim());
        // An integration calls often; the token, user, roles and claims take six queries to check, so a verified
        // principal is reused briefly (see ApiTokenService.PrincipalCacheTime).
        if (!cache.TryGetValue(ApiTokenService.CacheKey(hash), out ClaimsPrincipal? principal) || principal is null)
        {
            var userId = await db.ApiTokens.AsNoTracking()
                .Where(t => t.TokenHash == hash && t.RevokedAt == null)
                .Select(t => t.UserId)
                .FirstOrDefaultAsync(Context.RequestAborted);
            var user = userId is null ? null : await signInManager.UserManager.FindByIdAsync(userId);
            if (user is null || !await signInManager.CanSignInAsync(user) || await signInManager.UserManager.IsLockedOutAsync(user))
            {
                return AuthenticateResult.Fail("Ogiltig eller återkallad API-nyckel.");
            }
            principal = await signInManager.CreateUserPrincipalAsync(user);
            cache.Set(ApiTokenService.CacheKey(hash), principal, ApiTokenService.PrincipalCacheTime);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>Refuses sign-in after the access expiry date, for passwords, SSO and API tokens alike.</summary>
public sealed class UppsiktSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        var today = clock.SwedishToday();
        return (user.AccessExpiresOn is null || today <= user.AccessExpiresOn) && await base.CanSignInAsync(user);
    }
}
