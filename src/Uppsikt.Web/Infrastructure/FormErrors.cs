using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Infrastructure;

/// <summary>How a page shows a handler's <see cref="SaveResult"/> that did not save.</summary>
public static class FormErrors
{
    /// <summary>
    /// What a page does with a failed save: 404 for a record not found, the access-denied page when the caller's role may not,
    /// otherwise the reasons on the form (see <see cref="AddFrom(ModelStateDictionary, SaveResult, string)"/>) and null, so the
    /// page shows itself again.
    /// </summary>
    public static IActionResult? Refused(this PageModel page, SaveResult result, string prefix = "Input") =>
        page.Refused(result, field => prefix.Length == 0 ? field : $"{prefix}.{field}");

    /// <summary>As <see cref="Refused(PageModel, SaveResult, string)"/>, with the form's own name for each field.</summary>
    public static IActionResult? Refused(this PageModel page, SaveResult result, Func<string, string> fieldKey)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return page.NotFound();
            case SaveOutcome.NotAllowed:
                return page.Forbid();
            default:
                page.ModelState.AddFrom(result, fieldKey);
                return null;
        }
    }

    /// <summary>
    /// Puts a handler's reasons on the form: those of no field in particular (a wrong state, a conflict) at the top, in the
    /// summary, and field errors on the form's fields (<c>Input.Name</c> and so on).
    /// </summary>
    public static void AddFrom(this ModelStateDictionary modelState, SaveResult result, string prefix = "Input") =>
        modelState.AddFrom(result, field => prefix.Length == 0 ? field : $"{prefix}.{field}");

    private static void AddFrom(this ModelStateDictionary modelState, SaveResult result, Func<string, string> fieldKey)
    {
        foreach (var message in result.Messages)
        {
            modelState.AddModelError("", message);
        }
        foreach (var refusal in result.Refusals.Where(r => r.Field is not null))
        {
            modelState.AddModelError(fieldKey(refusal.Field!), refusal.Message);
        }
    }
}
