using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Notifications;

namespace Uppsikt.Web.Features.Account;

/// <summary>
/// E-postaviseringar: how the signed-in user hears that a step waits for them (decision 0025). Every signed-in user has it, like
/// the API tokens: it is the account's, not a role's. The choice is saved on the user, so the audit trail records the change.
/// </summary>
public sealed class NotificationsModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public MailFrequency? Frequency { get; set; }

    /// <summary>Hand-offs waiting for the user's next daily summary.</summary>
    public int Pending { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await UserAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }
        Frequency = user.HandOffMail;
        Pending = await PendingAsync(user.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await UserAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.IsValid || Frequency is not { } frequency || !Enum.IsDefined(frequency))
        {
            ModelState.Remove(nameof(Frequency));
            ModelState.AddModelError(nameof(Frequency), "Välj hur du vill få meddelanden: direkt, en gång om dagen eller inte alls.");
            Pending = await PendingAsync(user.Id, cancellationToken);
            return Page();
        }
        if (user.HandOffMail != frequency)
        {
            user.HandOffMail = frequency;
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["Message"] = frequency switch
        {
            MailFrequency.Immediately => "Sparat. Du får ett e-postmeddelande direkt när något väntar på dig.",
            MailFrequency.DailyDigest => "Sparat. Du får en sammanfattning en gång om dagen när något väntar på dig.",
            _ => "Sparat. Du får inga e-postmeddelanden om det som väntar på dig; du ser det på startsidan.",
        };
        return RedirectToPage();
    }

    private async Task<AppUser?> UserAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        return userId is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
    }

    private Task<int> PendingAsync(string userId, CancellationToken cancellationToken) =>
        db.PendingHandOffs.CountAsync(p => p.UserId == userId && p.SentAt == null, cancellationToken);
}
