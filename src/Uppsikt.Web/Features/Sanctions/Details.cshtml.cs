using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Documents;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>
/// One sanction: the proposal with its deficiencies and conditions, the group manager's assessment, the committee's decision
/// and the two documents. Each form is offered only to whom the domain lets take the step, and the domain decides again on the post.
/// A provider's user sees the decision and its letter.
/// </summary>
public sealed class DetailsModel(SanctionsHandler handler, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public SanctionDetails Sanction { get; private set; } = null!;

    public bool IsProvider => actor.ProviderId is not null;

    public bool CanAssess { get; private set; }

    public bool CanRevise { get; private set; }

    public bool CanDecide { get; private set; }

    /// <summary>What the sanction waits for, for those who cannot take the next step themselves.</summary>
    public string? Waits { get; private set; }

    public DateOnly Today => clock.SwedishToday();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The decision memo (tjänsteskrivelse) as DOCX: the municipality's, never the provider's.</summary>
    public async Task<IActionResult> OnGetMemoAsync(Guid id, CancellationToken cancellationToken) =>
        !IsProvider && await LoadAsync(id, cancellationToken)
            ? File(SanctionDocuments.Memo(Sanction, Today), WordDocument.ContentType, SanctionDocuments.MemoFileName(Sanction))
            : NotFound();

    /// <summary>The decision letter as DOCX, once the committee has decided a sanction.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && Sanction.State == SanctionState.Decided
            ? File(SanctionDocuments.Letter(Sanction), WordDocument.ContentType, SanctionDocuments.LetterFileName(Sanction))
            : NotFound();

    public Task<IActionResult> OnPostAssessAsync(Guid id, SanctionAssessmentOutcome? outcome, [DataType(DataType.MultilineText)] string? comment, int version, CancellationToken cancellationToken) =>
        StepAsync(id, a => handler.AssessAsync(id, new AssessInput(outcome, comment, version), a, cancellationToken), "Bedömningen är registrerad.", cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(Guid id, SanctionType? type, [DataType(DataType.MultilineText)] string? motivation, int version, CancellationToken cancellationToken) =>
        StepAsync(id, a => handler.ReviseAsync(id, new ReviseInput(type, motivation, version), a, cancellationToken),
            "Förslaget är reviderat och har gått till gruppchefen igen.", cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(Guid id, bool? decided, SanctionType? type, DateOnly? decidedOn, string? paragraph, string? caseNumber,
        DateOnly? fixBy, [DataType(DataType.MultilineText)] string? comment, int version, CancellationToken cancellationToken) =>
        StepAsync(id, a => handler.DecideAsync(id, new DecisionInput(decided, type, decidedOn, paragraph, caseNumber, fixBy, comment, version), a, cancellationToken),
            decided == true ? "Nämndens beslut är registrerat och beslutsbrevet är skickat till anordnarens portal." : "Nämndens beslut är registrerat.",
            cancellationToken);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } sanction)
        {
            return false;
        }
        Sanction = sanction;
        var workflow = WorkflowActors.From(actor);
        CanAssess = workflow.IsIn(R.GroupManager) && sanction.State is SanctionState.Proposed or SanctionState.MoreReviewNeeded;
        CanRevise = workflow.IsIn([.. Domain.Sanctions.Sanction.Proposers]) && sanction.State == SanctionState.MoreReviewNeeded;
        CanDecide = sanction.State == SanctionState.AwaitingCommittee
            && CommitteeDecision.RefuseRecorder(workflow, sanction.CommitteeId, "") is null;
        Waits = sanction.State switch
        {
            SanctionState.Proposed => "Förslaget väntar på gruppchefens bedömning.",
            SanctionState.MoreReviewNeeded => "Mer granskning behövs. Den som föreslog sanktionen reviderar förslaget, som sedan går till gruppchefen igen.",
            SanctionState.AwaitingCommittee => $"Förslaget väntar på nämndens beslut. Beslutet registreras av nämndsekreteraren för {sanction.CommitteeName}.",
            _ => null,
        };
        return true;
    }

    private async Task<IActionResult> StepAsync(Guid id, Func<WorkflowActor, Task<SaveResult>> step, string done, CancellationToken cancellationToken)
    {
        var result = await step(WorkflowActors.From(actor));
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        return this.Refused(result) ?? (await LoadAsync(id, cancellationToken) ? Page() : NotFound());
    }
}
