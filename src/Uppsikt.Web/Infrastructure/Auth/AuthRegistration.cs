using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>The <c>Authentication:Oidc</c> section: municipal single sign-on, off unless an authority is set.</summary>
public sealed class OidcSettings : IValidatableObject
{
    public const string Section = "Authentication:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The button text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Kommunens inloggning";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Authority) != string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult($"{Section}: ange både Authority och ClientId för att slå på inloggning med kommunens konto, eller ingen av dem.",
                [nameof(Authority), nameof(ClientId)]);
        }
        if (!string.IsNullOrWhiteSpace(Authority) && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"{Section}:Authority måste vara en fullständig adress, inte \"{Authority}\".", [nameof(Authority)]);
        }
    }
}

public static class AuthRegistration
{
    private const string CookieOrToken = "CookieOrToken";

    public static IServiceCollection AddUppsiktAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUppsiktActor();
        services.AddMemoryCache();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<SignInSessions>();
        services.AddSettings<SignInLimitSettings>(SignInLimitSettings.Section);
        services.AddSingleton<SignInThrottle>();

        services.AddIdentity<AppUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<UppsiktSignInManager>()
            .AddClaimsPrincipalFactory<UppsiktClaimsPrincipalFactory>()
            .AddErrorDescriber<SwedishIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "uppsikt";
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, also behind the TLS proxy (forwarded headers, docs/operations.md).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 instead of sending a browser to the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            // A cookie of a session ended by signing out is refused, before Identity's security-stamp check (decision 0034).
            options.Events.OnValidatePrincipal = SignInSessions.Validating(options.Events.OnValidatePrincipal);
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = SignInSessions.KeepSession);
        // The app's other cookies likewise: the forms' antiforgery cookie and the messages carried across a redirect.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        var authentication = services.AddAuthentication(options =>
            {
                // AddIdentity set the cookie as default for each of these; the policy scheme must win for all three.
                options.DefaultScheme = CookieOrToken;
                options.DefaultAuthenticateScheme = CookieOrToken;
                options.DefaultChallengeScheme = CookieOrToken;
                options.DefaultForbidScheme = CookieOrToken;
            })
            .AddPolicyScheme(CookieOrToken, "Cookie eller API-nyckel", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.SendsApiToken()
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddSettings<OidcSettings>(OidcSettings.Section);
        // Whether single sign-on is on decides which authentication schemes exist, so the section is also read while registering.
        var oidc = configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc.DisplayName, options =>
            {
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.Scope.Add("email");
                options.MapInboundClaims = false;
                options.CallbackPath = "/signin-oidc";
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Municipal, p => p.RequireRole(Roles.Municipal))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Policies.StaffRoles))
            .AddPolicy(Policies.StaffOrProvider, p => p.RequireRole([.. Policies.StaffRoles, Roles.ProviderUser]))
            .AddPolicy(Policies.StaffOrCommitteeMember, p => p.RequireRole([.. Policies.StaffRoles, Roles.CommitteeMember]))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Policies.EditorRoles))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ProviderUser, p => p.RequireRole(Roles.ProviderUser))
            .AddPolicy(Policies.Api, p => p.RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Users and roles without sign-in, for the command-line verbs and the data generator.</summary>
    public static IdentityBuilder AddUppsiktIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<SwedishIdentityErrors>();

    /// <summary>Password, lockout and user rules; the same for the web app and the command-line verbs.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        // Length is what makes a password strong; any characters in any mix are accepted (ASVS 6.2.1, 6.2.5).
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.IsApi())
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
