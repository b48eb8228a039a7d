using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Account;

/// <summary>
/// A user's own API tokens: create (shown once) and revoke. Revoking stops every integration using the token at once, so its
/// first post only asks for confirmation, naming the token; only the confirmed post revokes.
/// </summary>
public sealed class TokensModel(AppDbContext db, ApiTokenService tokens, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string? NewSecret { get; private set; }

    public List<ApiToken> Tokens { get; private set; } = [];

    /// <summary>Set on the confirmation step: the token about to be revoked.</summary>
    public ApiToken? ToRevoke { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            ModelState.AddModelError(nameof(Name), "Ange vad nyckeln ska användas till (högst 200 tecken).");
        }
        else if (await users.GetUserAsync(User) is { } user)
        {
            (_, NewSecret) = await tokens.CreateAsync(user, name, cancellationToken);
            Name = null;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, bool confirmed, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        // Only one's own valid tokens: another user's token id, or one already revoked, is simply not found.
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }
        if (!confirmed)
        {
            ToRevoke = token;
            await LoadAsync(cancellationToken);
            return Page();
        }
        if (!await tokens.RevokeAsync(tokenId, cancellationToken))
        {
            return NotFound();
        }
        TempData["Message"] = $"Nyckeln ”{token.Name}” är återkallad.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
    }
}
