using System.ComponentModel.DataAnnotations;
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

    public async Task<IActionResult> OnPostChangeAsync(DutyToInformCategory? category, [DataType(DataType.MultilineText)] string? changeText, CancellationToken cancellationToken)
    {
        var result = await changes.ReportAsync(new ChangeInput(category, changeText), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Förändringen är rapporterad till kommunen.";
            return RedirectToPage();
        }
        // The form names the text box after the page's own property.
        if (this.Refused(result, field => field == nameof(ChangeInput.Text) ? nameof(ChangeText) : field) is { } refused)
        {
            return refused;
        }
        ChangeCategory = category;
        ChangeText = changeText;
        return await ShowAsync(null, cancellationToken);
    }
}
