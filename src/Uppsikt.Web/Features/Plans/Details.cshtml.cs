using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Plans;

/// <summary>A plan with its activities, completeness and timeline, and the next step for whoever may take it.</summary>
public sealed class DetailsModel(PlansHandler handler, TimeProvider clock, ICurrentActor actor) : PageModel
{
    public PlanDetails Plan { get; private set; } = null!;

    public PlanCompleteness Completeness { get; private set; } = null!;

    public WorkflowActor Actor { get; private set; } = null!;

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Comment { get; set; }

    [BindProperty]
    public DateOnly? ReportedOn { get; set; }

    public DateOnly Today => clock.SwedishToday();

    public bool CanEdit => Actor.IsIn(FollowUpPlan.Drafters) && Plan.State == PlanState.Draft;

    public bool CanApprove => Actor.IsIn(Roles.GroupManager) && Plan.State == PlanState.Draft;

    private bool ServesCommittee => Actor.IsIn(Roles.CommitteeSecretary) && (Actor.CommitteeId is null || Actor.CommitteeId == Plan.CommitteeId);

    public bool CanAdopt => ServesCommittee && Plan.State == PlanState.Approved;

    public bool CanReport => ServesCommittee && Plan.State == PlanState.Adopted;

    public bool CanRevise => Actor.IsIn(FollowUpPlan.Drafters) && Plan.IsAdopted && Plan.RevisedById is null;

    /// <summary>The choice system's conditions: the staff's page, or the published one for those who read only what is reported to them.</summary>
    public string ConditionsHref => actor.ReadsOnlyWhatIsReported() ? $"/Public/Conditions/{Plan.ChoiceSystemId}" : $"/Conditions/Set/{Plan.ChoiceSystemId}";

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, handler.SubmitAsync(id, Comment, WorkflowActors.From(actor), cancellationToken), "Planen är skickad till gruppchef för godkännande.", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, handler.ApproveAsync(id, Comment, WorkflowActors.From(actor), cancellationToken), "Planen är godkänd och kan nu antas av nämnden.", cancellationToken);

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, handler.ReportAsync(id, ReportedOn, Comment, WorkflowActors.From(actor), cancellationToken), "Rapporteringen till kommunstyrelsen är registrerad.", cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, handler.ReviseAsync(id, Comment, WorkflowActors.From(actor), cancellationToken), "En revision är påbörjad som nytt utkast. Den antagna planen gäller tills revisionen antas.", cancellationToken);

    private async Task<IActionResult> TakeAsync(Guid id, Task<SaveResult> step, string done, CancellationToken cancellationToken)
    {
        var result = await step;
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage("Details", new { id = result.Id });
        }
        return this.Refused(result, prefix: "") ?? await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        Completeness = (await handler.CompletenessAsync(id, cancellationToken))!;
        Actor = WorkflowActors.From(actor);
        ReportedOn ??= Today;
        return Page();
    }
}
