using Microsoft.AspNetCore.Mvc;
using Uppsikt.Domain.Portal;
using Uppsikt.Web.Features.Portal.Changes;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal;

/// <summary>Vår portal: a provider user's start page, where it also reports changes under the duty to inform.</summary>
public sealed class IndexModel(PortalHandler handler, ChangesHandler changes) : PortalPageModel(handler)
{
    public DutyToInformCategory? ChangeCategory { get; private set; }

    public string? ChangeText { get; private set; }

    protected override Guid? ProviderOf(Guid? id) => PortalAccess.OwnProvider(User);

    public async Task<IActionResult> OnPostChangeAsync(DutyToInformCategory? category, string? changeText, CancellationToken cancellationToken)
    {
        var result = await changes.ReportAsync(new ChangeInput(category, changeText), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = "Förändringen är rapporterad till kommunen.";
            return RedirectToPage();
        }
        ChangeCategory = category;
        ChangeText = changeText;
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field == nameof(ChangeInput.Text) ? "ChangeText" : field, message);
            }
        }
        return await ShowAsync(null, cancellationToken);
    }
}
