using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>The provider attests, condition by condition, that a choice system's conditions are met, and signs.</summary>
public sealed class AttestModel(AttestationsHandler handler) : PageModel
{
    public AttestationForm Form { get; private set; } = null!;

    [BindProperty]
    public List<ConditionAnswerInput> Answers { get; set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid choiceSystemId, CancellationToken cancellationToken) =>
        await LoadAsync(roundId, choiceSystemId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid roundId, Guid choiceSystemId, CancellationToken cancellationToken)
    {
        if (PortalAccess.OwnProvider(User) is not { } providerId)
        {
            return NotFound();
        }
        var result = await handler.AttestAsync(providerId, new AttestationInput(roundId, choiceSystemId, Answers, Name, Role), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Egenintygandet är undertecknat och lämnat till kommunen.";
            return RedirectToPage("/Portal/Attestations/Details", new { id = result.Id });
        }
        if (this.Refused(result, prefix: "") is { } refused)
        {
            return refused;
        }
        return await LoadAsync(roundId, choiceSystemId, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The form, with what was posted kept when a post is refused.</summary>
    private async Task<bool> LoadAsync(Guid roundId, Guid choiceSystemId, CancellationToken cancellationToken)
    {
        if (PortalAccess.OwnProvider(User) is not { } providerId
            || await handler.FormAsync(providerId, roundId, choiceSystemId, cancellationToken) is not { } form)
        {
            return false;
        }
        var posted = Answers.GroupBy(a => a.ConditionId).ToDictionary(g => g.Key, g => g.First());
        Form = form with
        {
            Answers = [.. form.Answers.Select(a => posted.TryGetValue(a.ConditionId, out var p) ? a with { Met = p.Met, Explanation = p.Explanation } : a)],
        };
        return true;
    }
}
