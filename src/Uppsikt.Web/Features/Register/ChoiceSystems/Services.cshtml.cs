using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Register.ChoiceSystems;

/// <summary>
/// The services (insatser) of a choice system and their levels (nivåer): one small form per change, so that each
/// works without JavaScript. A failed form's errors are keyed by the form's prefix, which names the service it is for.
/// </summary>
public sealed class ServicesModel(ChoiceSystemsHandler handler) : PageModel
{
    public const string NewServicePrefix = "NewService";

    public ChoiceSystemDetails ChoiceSystem { get; private set; } = null!;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The prefix of the form that failed, whose typed values are shown again.</summary>
    public string? FailedPrefix { get; private set; }

    public static string RenamePrefix(Guid serviceId) => $"Service{serviceId:N}";

    public static string NewLevelPrefix(Guid serviceId) => $"Level{serviceId:N}";

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAddServiceAsync(Guid id, CancellationToken cancellationToken) =>
        await DoneAsync(id, NewServicePrefix, await handler.SaveServiceAsync(id, null, new ServiceInput(Name), cancellationToken),
            $"Insatsen {Name?.Trim()} är tillagd.", cancellationToken);

    public async Task<IActionResult> OnPostRenameServiceAsync(Guid id, Guid serviceId, CancellationToken cancellationToken) =>
        await DoneAsync(id, RenamePrefix(serviceId), await handler.SaveServiceAsync(id, serviceId, new ServiceInput(Name, Version), cancellationToken),
            $"Insatsen heter nu {Name?.Trim()}.", cancellationToken);

    public async Task<IActionResult> OnPostRemoveServiceAsync(Guid id, Guid serviceId, CancellationToken cancellationToken) =>
        await DoneAsync(id, RenamePrefix(serviceId), await handler.RemoveServiceAsync(id, serviceId, Version, cancellationToken),
            $"Insatsen {Name} är borttagen.", cancellationToken);

    public async Task<IActionResult> OnPostAddLevelAsync(Guid id, Guid serviceId, CancellationToken cancellationToken) =>
        await DoneAsync(id, NewLevelPrefix(serviceId), await handler.AddLevelAsync(id, serviceId, new ServiceLevelInput(Code, Description), cancellationToken),
            $"Nivån {Code?.Trim()} är tillagd.", cancellationToken);

    public async Task<IActionResult> OnPostRemoveLevelAsync(Guid id, Guid serviceId, Guid levelId, CancellationToken cancellationToken) =>
        await DoneAsync(id, NewLevelPrefix(serviceId), await handler.RemoveLevelAsync(id, serviceId, levelId, Version, cancellationToken),
            $"Nivån {Code} är borttagen.", cancellationToken);

    private async Task<IActionResult> DoneAsync(Guid id, string prefix, SaveResult result, string message, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        ModelState.AddFrom(result, prefix);
        if (result.NotFound)
        {
            // Someone else may have removed the service or level meanwhile: say so over the current list.
            ModelState.AddModelError("", "Insatsen eller nivån finns inte längre; någon annan kan ha tagit bort den. Listan nedan är uppdaterad.");
        }
        FailedPrefix = prefix;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } choice)
        {
            return NotFound();
        }
        ChoiceSystem = choice;
        return Page();
    }
}
