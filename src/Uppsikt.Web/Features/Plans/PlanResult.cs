using System.Security.Claims;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Plans;

/// <summary>What a step on a plan answers: the plan's id, or the domain's refusal, field errors, a conflict or not found.</summary>
public sealed record PlanResult(Guid? Id, PlanRefusal? Refusal = null, IReadOnlyDictionary<string, string[]>? Errors = null, bool NotFound = false, bool Conflict = false)
{
    public bool Succeeded => Id is not null && Refusal is null && Errors is null && !NotFound && !Conflict;

    public static PlanResult Done(Guid id) => new(id);

    public static PlanResult Refused(PlanRefusal refusal) => new(null, refusal);

    public static PlanResult Missing() => new(null, NotFound: true);

    public static PlanResult From(SaveResult save) =>
        save.Succeeded ? Done(save.Id!.Value) : new(null, Errors: save.Errors.Count > 0 ? save.Errors : null, NotFound: save.NotFound, Conflict: save.Conflict);

    /// <summary>The message to show above a form, or null when the errors belong to fields.</summary>
    public string? Message => Conflict ? SaveResult.ConflictMessage : Refusal is { Field: null } refusal ? refusal.Message : null;

    /// <summary>Field errors, the domain's included (keyed by the input's field name).</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors =>
        Refusal is { Field: { } name } refusal ? new Dictionary<string, string[]> { [name] = [refusal.Message] } : Errors ?? new Dictionary<string, string[]>();

    /// <summary>The API's answer for a refused step: 403 for the wrong role, 409 for the wrong state (an adopted plan is read-only), 400 for bad input.</summary>
    public IResult ToProblem() =>
        NotFound ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Uppföljningsplanen finns inte.")
        : Conflict ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: SaveResult.ConflictMessage)
        : Refusal?.Kind == PlanRefusalKind.NotAllowed ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Refusal.Message)
        : Refusal?.Kind == PlanRefusalKind.WrongState ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Refusal.Message)
        : Refusal is { Field: null } ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Refusal.Message)
        : Results.ValidationProblem(FieldErrors, title: "Uppgifterna kunde inte sparas.");
}

public static class PlanPages
{
    /// <summary>
    /// What a page does with a refused step: 404 for an unknown plan, the access-denied page for the wrong role, otherwise the
    /// reasons on the form (a wrong state or a conflict at the top, bad input by its field). Null when the page should show itself again.
    /// </summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult? Refusal(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, PlanResult result, string prefix = "Input")
    {
        if (result.NotFound)
        {
            return page.NotFound();
        }
        if (result.Refusal?.Kind == PlanRefusalKind.NotAllowed)
        {
            return page.Forbid();
        }
        if (result.Message is { } message)
        {
            page.ModelState.AddModelError("", message);
        }
        foreach (var (field, messages) in result.FieldErrors)
        {
            foreach (var text in messages)
            {
                page.ModelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", text);
            }
        }
        return null;
    }
}
