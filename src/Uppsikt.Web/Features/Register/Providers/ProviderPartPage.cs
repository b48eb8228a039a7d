using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Register.Providers;

/// <summary>What the pages for a provider's people and subcontractors share: the provider they belong to, and what a save leads to.</summary>
public abstract class ProviderPartPage(ProvidersHandler providers) : PageModel
{
    public Guid ProviderId { get; private set; }

    public string ProviderName { get; private set; } = "";

    /// <summary>Finds the provider; false when it does not exist or is outside the caller's scope.</summary>
    protected async Task<bool> FindProviderAsync(Guid providerId, CancellationToken cancellationToken)
    {
        ProviderId = providerId;
        ProviderName = await providers.NameAsync(providerId, cancellationToken) ?? "";
        return ProviderName.Length > 0;
    }

    /// <summary>Back to the provider with a message when the save worked; otherwise the form again with the reasons by the fields.</summary>
    protected IActionResult Outcome(SaveResult result, string message)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return RedirectToPage("Details", new { id = ProviderId });
        }
        ModelState.AddFrom(result);
        return Page();
    }
}
