using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Referrals;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Referrals;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>
/// One action plan, for both sides: the provider plans actions, submits the plan and reports actions done with evidence; the
/// municipality approves or returns the plan and verifies each deficiency. Each form is offered only to whom the domain lets
/// take the step, and the domain decides again on the post.
/// </summary>
public sealed class PlanModel(ActionPlansHandler handler, FileStore files, ICurrentActor actor, TimeProvider clock) : AttachmentsPageModel(files)
{
    public ActionPlanDetails Plan { get; private set; } = null!;

    /// <summary>The provider's own user, who writes and reports the plan.</summary>
    public bool IsProvider { get; private set; }

    /// <summary>Someone who follows deficiencies up for the municipality.</summary>
    public bool IsFollowUp { get; private set; }

    public IReadOnlyList<(Guid Id, string Title, DateOnly PlannedFor)> VisitOptions { get; private set; } = [];

    public DateOnly Today => clock.SwedishToday();

    /// <summary>The form that failed, so that its fields keep what was typed: the deficiency or action it was for.</summary>
    public Guid? FailedFor { get; private set; }

    protected override string OwnerType => ActionPlansHandler.FileOwnerType;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAddActionAsync(Guid id, Guid deficiencyId, [DataType(DataType.MultilineText)] string? description, string? responsibleName, DateOnly? dueOn, int version,
        CancellationToken cancellationToken) =>
        StepAsync(id, deficiencyId, a => handler.AddActionAsync(id, new ActionInput(deficiencyId, description, responsibleName, dueOn, version), a, cancellationToken),
            "Åtgärden är tillagd.", cancellationToken);

    public Task<IActionResult> OnPostRemoveActionAsync(Guid id, Guid actionId, int version, CancellationToken cancellationToken) =>
        StepAsync(id, actionId, a => handler.RemoveActionAsync(id, actionId, version, a, cancellationToken), "Åtgärden är borttagen.", cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, [DataType(DataType.MultilineText)] string? comment, int version, CancellationToken cancellationToken) =>
        StepAsync(id, null, a => handler.SubmitAsync(id, new PlanStepInput(comment, version), a, cancellationToken),
            "Åtgärdsplanen är inlämnad. Kommunen granskar den och godkänner den eller återsänder den.", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, [DataType(DataType.MultilineText)] string? comment, int version, CancellationToken cancellationToken) =>
        StepAsync(id, null, a => handler.ApproveAsync(id, new PlanStepInput(comment, version), a, cancellationToken), "Åtgärdsplanen är godkänd.", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, [DataType(DataType.MultilineText)] string? reason, int version, CancellationToken cancellationToken) =>
        StepAsync(id, null, a => handler.ReturnAsync(id, new ReturnInput(reason, version), a, cancellationToken),
            "Åtgärdsplanen är återsänd till anordnaren.", cancellationToken);

    /// <summary>The provider reports an action done: a new file, if one is given, is attached to the plan first and counts as evidence.</summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid actionId, [DataType(DataType.MultilineText)] string? report, List<Guid>? evidence, IFormFile? upload, int version,
        CancellationToken cancellationToken)
    {
        var chosen = evidence ?? [];
        if (upload is { Length: > 0 } && actor.IsProviderUser())
        {
            await using var content = upload.OpenReadStream();
            var stored = await Files.UploadAsync(OwnerType, id, upload.FileName, content, cancellationToken);
            if (!stored.Succeeded)
            {
                FailedFor = actionId;
                return this.Refused(stored, field => field == FileStore.Field ? $"Upload-{actionId}" : field) ?? await ShowAsync(id, cancellationToken);
            }
            chosen.Add(stored.Id!.Value);
        }
        return await StepAsync(id, actionId, a => handler.ReportDoneAsync(id, actionId, new DoneInput(report, chosen, version), a, cancellationToken),
            "Åtgärden är rapporterad som genomförd.", cancellationToken);
    }

    public Task<IActionResult> OnPostVerifyAsync(Guid id, Guid deficiencyId, VerificationMethod? method, [DataType(DataType.MultilineText)] string? checkedWhat, bool? isFixed, DateOnly? verifiedOn,
        DateOnly? newDeadlineOn, Guid? reviewId, int version, CancellationToken cancellationToken) =>
        StepAsync(id, deficiencyId, a => handler.VerifyAsync(id, deficiencyId,
                new VerifyInput(method, checkedWhat, isFixed, verifiedOn, newDeadlineOn, method == VerificationMethod.Visit ? reviewId : null, version), a, cancellationToken),
            isFixed == true ? "Bristen är verifierad som åtgärdad." : "Uppföljningen är registrerad. Bristen kvarstår och planen är återsänd till anordnaren.", cancellationToken);

    public Task<IActionResult> OnPostStanceAsync(Guid id, Guid deficiencyId, ReferralAuthority? authority, ReferralDecision? decision, [DataType(DataType.MultilineText)] string? motivation,
        DateOnly? decidedOn, int version, CancellationToken cancellationToken) =>
        StepAsync(id, deficiencyId, a => handler.RecordStanceAsync(id, deficiencyId, new StanceInput(authority, decision, motivation, decidedOn, version), a, cancellationToken),
            "Ställningstagandet är registrerat.", cancellationToken);

    /// <summary>A field's key in the form for one deficiency or action, so that each form's errors stand by its own fields.</summary>
    public static string Key(string field, Guid? item) => item is { } id ? $"{field}-{id}" : field;

    protected override async Task<bool> LoadMatterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } plan)
        {
            return false;
        }
        Plan = plan;
        var workflow = WorkflowActors.From(actor);
        IsProvider = workflow.IsIn(Domain.Identity.Roles.ProviderUser) && workflow.ProviderId == plan.ProviderId;
        IsFollowUp = workflow.IsIn(ActionPlan.FollowUpRoles);
        if (IsFollowUp && plan.State == ActionPlanState.Approved)
        {
            VisitOptions = await handler.VisitOptionsAsync(plan.ProviderId, plan.UnitId, cancellationToken);
        }
        return true;
    }

    private async Task<IActionResult> StepAsync(Guid id, Guid? item, Func<WorkflowActor, Task<SaveResult>> step, string done, CancellationToken cancellationToken)
    {
        var result = await step(WorkflowActors.From(actor));
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        FailedFor = item;
        return this.Refused(result, field => Key(field, item)) ?? await ShowAsync(id, cancellationToken);
    }
}
