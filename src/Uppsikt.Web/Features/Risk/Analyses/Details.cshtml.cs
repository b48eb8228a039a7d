using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Risk.Analyses;

/// <summary>
/// A risk analysis: its risks in the committee's matrix, the re-assessments of the year, and the step the caller may take — send
/// for approval, approve or return, re-assess — each a form of its own. The domain decides who may take which.
/// </summary>
public sealed class DetailsModel(RiskAnalysesHandler handler, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public AnalysisDetails Analysis { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Reason { get; set; }

    [BindProperty]
    public Guid? ItemId { get; set; }

    [BindProperty]
    public int? Likelihood { get; set; }

    [BindProperty]
    public int? Consequence { get; set; }

    [BindProperty]
    public DateOnly? On { get; set; }

    public DateOnly Today => clock.SwedishToday();

    public bool CanPrepare => actor.Roles.Any(RiskAnalysis.Preparers.Contains);

    public bool CanApprove => actor.Roles.Any(RiskAnalysis.Approvers.Contains);

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, handler.SubmitAsync(id, new StepInput(Version), WorkflowActors.From(actor), cancellationToken), "Analysen är skickad till gruppchefen för godkännande.", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, handler.ApproveAsync(id, new StepInput(Version), WorkflowActors.From(actor), cancellationToken), "Analysen är godkänd.", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, handler.ReturnAsync(id, new ReturnInput(Reason, Version), WorkflowActors.From(actor), cancellationToken), "Analysen är tillbaka hos kvalitetsutvecklaren.", cancellationToken);

    public Task<IActionResult> OnPostReassessAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, handler.ReassessAsync(id, new ReassessInput(ItemId, Likelihood, Consequence, Reason, On, Version), WorkflowActors.From(actor), cancellationToken),
            "Omvärderingen är sparad i loggen.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, handler.RemoveItemAsync(id, ItemId ?? Guid.Empty, new StepInput(Version), WorkflowActors.From(actor), cancellationToken), "Risken är borttagen.", cancellationToken);

    private async Task<IActionResult> StepAsync(Guid id, Task<SaveResult> step, string message, CancellationToken cancellationToken)
    {
        var result = await step;
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        return this.Refused(result, field => field) ?? await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } analysis)
        {
            return NotFound();
        }
        Analysis = analysis;
        return Page();
    }
}
