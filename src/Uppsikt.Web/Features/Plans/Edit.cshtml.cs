using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Plans;

/// <summary>A draft's focus themes, follow-up model and risk analysis. An adopted plan answers with the reason it cannot be changed.</summary>
public sealed class EditModel(PlansHandler handler, ICurrentActor actor) : PageModel
{
    public PlanDetails Plan { get; private set; } = null!;

    /// <summary>Why the plan cannot be changed now; the form is not shown then.</summary>
    public string? ReadOnlyReason { get; private set; }

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    /// <summary>The choice system's risk analyses the plan can link to.</summary>
    public IReadOnlyList<RiskAnalysisRef> RiskAnalyses { get; private set; } = [];

    public sealed class PlanForm
    {
        [Display(Name = "fokusteman"), DataType(DataType.MultilineText)] public string? FocusThemes { get; set; }
        [Display(Name = "uppföljningsmodell"), DataType(DataType.MultilineText)] public string? FollowUpModel { get; set; }
        [Display(Name = "tidigare hänvisning till riskanalys"), DataType(DataType.MultilineText)] public string? RiskAnalysisReference { get; set; }
        [Display(Name = "riskanalys")] public Guid? RiskAnalysisId { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Input = new PlanForm
        {
            FocusThemes = string.Join('\n', Plan.FocusThemes),
            FollowUpModel = Plan.FollowUpModel,
            RiskAnalysisReference = Plan.RiskAnalysisReference,
            RiskAnalysisId = Plan.RiskAnalysis?.Id,
            Version = Plan.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, new PlanInput((Input.FocusThemes ?? "").Split('\n'), Input.FollowUpModel, Input.RiskAnalysisReference, Input.Version, Input.RiskAnalysisId),
                WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Planen är sparad.";
                return RedirectToPage("Details", new { id });
            }
            if (this.Refused(result) is { } refused)
            {
                return refused;
            }
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    /// <summary>Loads the plan; refuses the wrong role, and for the wrong state answers 409 with the reason.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var check = await handler.CheckEditableAsync(id, WorkflowActors.From(actor), cancellationToken);
        if (check.NotFound || await handler.GetAsync(id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }
        if (check.Outcome == SaveOutcome.NotAllowed)
        {
            return Forbid();
        }
        Plan = plan;
        RiskAnalyses = await handler.RiskAnalysesAsync(plan.ChoiceSystemId, cancellationToken);
        ReadOnlyReason = check.Messages.FirstOrDefault();
        if (ReadOnlyReason is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return null;
    }
}
