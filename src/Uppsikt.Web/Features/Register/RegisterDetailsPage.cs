using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register;

/// <summary>What every register record's page shares: the record found through the caller's scope, and what the caller may do with it.</summary>
public abstract class RegisterDetailsPage(IAuthorizationService authorization) : PageModel
{
    public bool CanEdit { get; private set; }

    /// <summary>
    /// The page for a record the handler found; 404 when it found none. The scoped queries answer "none" for another
    /// provider's data too, so its existence is not disclosed.
    /// </summary>
    protected async Task<IActionResult> ShowAsync<T>(T? record, Action<T> keep)
        where T : class
    {
        if (record is null)
        {
            return NotFound();
        }
        keep(record);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        return Page();
    }
}
