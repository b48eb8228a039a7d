using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Conditions;

namespace Uppsikt.Web.Features.Plans;

/// <summary>Adds or changes an activity of a draft: what, how, who, how often and when.</summary>
public sealed class ActivityModel(PlansHandler handler, ConditionsInForce conditions, ICurrentActor actor) : PageModel
{
    public PlanDetails Plan { get; private set; } = null!;

    public Guid? ActivityId { get; private set; }

    public List<SelectListItem> Conditions { get; private set; } = [];

    public List<SelectListItem> QualityAreas { get; private set; } = [];

    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public sealed class ActivityForm
    {
        [Display(Name = "vad"), DataType(DataType.MultilineText)] public string? What { get; set; }
        [Display(Name = "villkor")] public List<Guid> ConditionIds { get; set; } = [];
        [Display(Name = "kvalitetsområden")] public List<Guid> QualityAreaIds { get; set; } = [];
        [Display(Name = "metod")] public FollowUpMethod? Method { get; set; }
        [Display(Name = "vem")] public string? Who { get; set; }
        [Display(Name = "hur ofta")] public ActivityFrequency? Frequency { get; set; }
        [Display(Name = "tertial")] public Tertial? Tertial { get; set; }
        [Display(Name = "månad")] public int? Month { get; set; }
        [Display(Name = "uppskattad tid")] public decimal? EstimatedHours { get; set; }
        public int PlanVersion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid? activityId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(planId, activityId, cancellationToken) is { } refused)
        {
            return refused;
        }
        Input = new ActivityForm { PlanVersion = Plan.Version };
        if (activityId is not null)
        {
            if (Plan.Activities.FirstOrDefault(a => a.Id == activityId) is not { } activity)
            {
                return NotFound();
            }
            Input = new ActivityForm
            {
                What = activity.What,
                ConditionIds = [.. activity.Conditions.Select(c => c.Id)],
                QualityAreaIds = [.. activity.QualityAreas.Select(a => a.Id)],
                Method = activity.Method,
                Who = activity.Who,
                Frequency = activity.Frequency,
                Tertial = activity.Tertial,
                Month = activity.Month,
                EstimatedHours = activity.EstimatedHours,
                PlanVersion = Plan.Version,
            };
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid? activityId, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.SaveActivityAsync(planId, activityId, new ActivityInput(
                Input.What, Input.ConditionIds, Input.QualityAreaIds, Input.Method, Input.Who, Input.Frequency, Input.Tertial, Input.Month, Input.EstimatedHours),
                Input.PlanVersion, WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Aktiviteten är sparad.";
                return RedirectToPage("Details", new { id = planId });
            }
            if (this.Refused(result) is { } refused)
            {
                return refused;
            }
        }
        return await ShowAgainAsync(planId, activityId, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid planId, Guid activityId, CancellationToken cancellationToken)
    {
        var result = await handler.RemoveActivityAsync(planId, activityId, Input.PlanVersion, WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Aktiviteten är borttagen.";
            return RedirectToPage("Details", new { id = planId });
        }
        return this.Refused(result) ?? await ShowAgainAsync(planId, activityId, cancellationToken);
    }

    private async Task<IActionResult> ShowAgainAsync(Guid planId, Guid? activityId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(planId, activityId, cancellationToken) is { } refused)
        {
            return refused;
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Loads the plan for a drafter; another role is refused, a plan past draft answers 409 with the reason.</summary>
    private async Task<IActionResult?> LoadAsync(Guid planId, Guid? activityId, CancellationToken cancellationToken)
    {
        ActivityId = activityId;
        var check = await handler.CheckEditableAsync(planId, WorkflowActors.From(actor), cancellationToken);
        if (check.NotFound || await handler.GetAsync(planId, cancellationToken) is not { } plan)
        {
            return NotFound();
        }
        if (!check.Succeeded && this.Refused(check, prefix: "") is { } refused)
        {
            return refused;
        }
        Plan = plan;
        if (check.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Conditions = [.. (await handler.ConditionsForAsync(Plan.ChoiceSystemId, Plan.Year, cancellationToken))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new SelectListItem($"{c.Code} {c.Title}", c.Id.ToString(), Input.ConditionIds.Contains(c.Id)))];
        QualityAreas = [.. (await conditions.QualityAreasAsync(cancellationToken))
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(), Input.QualityAreaIds.Contains(a.Id)))];
    }
}
