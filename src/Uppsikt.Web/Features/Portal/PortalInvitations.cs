using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Portal;

public sealed record InvitationInput(string? Email, string? DisplayName, Guid? ProviderId, DateOnly? AccessExpiresOn);

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

/// <summary>
/// Identity's data-protection tokens under their own name and purpose. The lifespan is an outer bound only: the
/// invitation's own 7-day rule is checked against the issue date signed into the token's purpose.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtection, options, logger)
{
    public const string ProviderName = "Invitation";
}

/// <summary>
/// Invites a provider's staff by e-mail: the account is created without a password (role ProviderUser, the provider, an
/// optional access expiry) and the invitee sets one through a single-use link valid for <see cref="ValidDays"/> days.
/// </summary>
public sealed class PortalInvitations(AppDbContext db, UserManager<AppUser> users, Outbox outbox, TimeProvider clock)
{
    public const int ValidDays = 7;

    public const string ExpiredMessage =
        "Inbjudan har gått ut eller redan använts. En inbjudan gäller i 7 dagar och kan användas en gång. Be kommunen om en ny inbjudan.";

    /// <summary>The token purpose carries the issue date, so the date in the link cannot be changed without breaking the token.</summary>
    private static string Purpose(DateOnly issuedOn) => "invitation:" + issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<SaveResult> InviteAsync(InvitationInput input, string baseUrl, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var email = check.Required(nameof(InvitationInput.Email), "e-postadress", input.Email, 254);
        var name = check.Required(nameof(InvitationInput.DisplayName), "namn", input.DisplayName);
        if (email.Length > 0 && !email.Contains('@', StringComparison.Ordinal))
        {
            check.Add(nameof(InvitationInput.Email), "Ange en giltig e-postadress.");
        }
        var existing = email.Length > 0 ? await users.FindByEmailAsync(email) : null;
        var provider = input.ProviderId is { } pid
            ? await db.Providers.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (provider is null)
        {
            check.Add(nameof(InvitationInput.ProviderId), "Välj anordnare.");
        }
        var today = clock.SwedishToday();
        if (input.AccessExpiresOn is { } expires && expires < today)
        {
            check.Add(nameof(InvitationInput.AccessExpiresOn), "Behörigheten kan inte upphöra före dagens datum.");
        }
        // An invitation never taken up may be sent again (a new link); any other existing account is refused.
        var resend = existing is not null && provider is not null && existing.ProviderId == provider.Id && !await users.HasPasswordAsync(existing);
        if (existing is not null && !resend)
        {
            check.Add(nameof(InvitationInput.Email), "Det finns redan ett konto med den e-postadressen.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var user = existing ?? new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ProviderId = provider!.Id };
        user.DisplayName = name;
        user.AccessExpiresOn = input.AccessExpiresOn;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        if (resend)
        {
            created = await users.UpdateAsync(user);
        }
        else
        {
            created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, Roles.ProviderUser);
            }
        }
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                check.Add(nameof(InvitationInput.Email), error.Description);
            }
            return check.Fail();
        }
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, Purpose(today));
        var link = $"{baseUrl.TrimEnd('/')}/Portal/Invitation?user={Uri.EscapeDataString(user.Id)}&issued={today:yyyy-MM-dd}&token={Uri.EscapeDataString(token)}";
        await outbox.EnqueueAsync(email, "Inbjudan till Uppsikt",
            $"Hej {name},\n\nDu är inbjuden att använda Uppsikt för {provider!.Name}. Välj ditt lösenord här:\n\n{link}\n\n" +
            $"Länken gäller i {ValidDays} dagar och kan användas en gång.{(input.AccessExpiresOn is { } until ? $" Din behörighet gäller till och med {SwedishText.Date(until)}." : "")}\n",
            $"invitation:{user.Id}:{clock.GetUtcNow().UtcTicks}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult.Saved(Guid.Empty);
    }

    /// <summary>Whether the link is still good: issued at most 7 days ago, token valid, no password set yet. Null when it is.</summary>
    public async Task<(AppUser? User, string? Problem)> CheckAsync(string? userId, DateOnly? issuedOn, string? token)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || issuedOn is not { } issued || string.IsNullOrEmpty(token) || await users.HasPasswordAsync(user)
            || clock.SwedishToday() > issued.AddDays(ValidDays)
            || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, Purpose(issued), token))
        {
            return (null, ExpiredMessage);
        }
        return (user, null);
    }

    /// <summary>
    /// Sets the invitee's password; setting it changes the security stamp, so the link cannot be used again. Refused as bad input:
    /// a link no longer good (no field in particular), or the <c>Password</c> and <c>Repeated</c> fields.
    /// </summary>
    public async Task<SaveResult> AcceptAsync(string? userId, DateOnly? issuedOn, string? token, string? password, string? repeated)
    {
        var check = new Validation();
        var (user, problem) = await CheckAsync(userId, issuedOn, token);
        if (user is null)
        {
            return check.Add("", problem!).Fail();
        }
        if (string.IsNullOrEmpty(password))
        {
            check.Add("Password", "Välj ett lösenord.");
        }
        else if (!string.Equals(password, repeated, StringComparison.Ordinal))
        {
            check.Add("Repeated", "Lösenorden är inte lika.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var added = await users.AddPasswordAsync(user, password!);
        foreach (var error in added.Errors)
        {
            check.Add("Password", error.Description);
        }
        return check.IsValid ? SaveResult.Saved(Guid.Empty) : check.Fail();
    }
}
