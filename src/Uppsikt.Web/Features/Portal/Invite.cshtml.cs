using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Portal;

/// <summary>The municipality invites a provider's staff member by e-mail.</summary>
public sealed class InviteModel(PortalInvitations invitations, AppLinks links, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public DateOnly? AccessExpiresOn { get; set; }

    public List<SelectListItem> Providers { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await invitations.InviteAsync(new InvitationInput(Email, DisplayName, ProviderId, AccessExpiresOn),
            links.To("", Request)!, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Inbjudan är skickad till {Email!.Trim()}. Länken gäller i {PortalInvitations.ValidDays} dagar.";
            return RedirectToPage();
        }
        ModelState.AddFrom(result, prefix: "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(), p.Id == ProviderId)).ToListAsync(cancellationToken);
}
