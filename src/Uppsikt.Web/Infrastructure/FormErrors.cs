using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Uppsikt.Web.Infrastructure;

public static class FormErrors
{
    /// <summary>Puts a handler's field errors on the form's fields (<c>Input.Name</c> and so on), and a conflict at the top.</summary>
    public static void AddFrom(this ModelStateDictionary modelState, SaveResult result, string prefix = "Input")
    {
        if (result.Conflict)
        {
            modelState.AddModelError("", result.ConflictText);
        }
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                // An error of no field in particular stays at the top, in the summary.
                modelState.AddModelError(prefix.Length == 0 || field.Length == 0 ? field : $"{prefix}.{field}", message);
            }
        }
    }
}
