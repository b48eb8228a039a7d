using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>
/// A review: overview, units, participants, findings in numbers, the provider's answers and dispute, the timeline, and the
/// steps the actor may take in the review's state. Communicating asks for confirmation first: the provider sees the report
/// from then on. Every step form carries the review's version, so a step on a review someone else changed is a conflict.
/// </summary>
public sealed class DetailsModel(ReviewsHandler handler, ReviewSettings settings, TimeProvider clock, ICurrentActor actor) : PageModel
{
    public ReviewDetails Review { get; private set; } = null!;

    public WorkflowActor Actor { get; private set; } = null!;

    public IReadOnlyList<ReviewerCandidate> Candidates { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Comment { get; set; }

    [BindProperty]
    public string? CaseNumber { get; set; }

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Summary { get; set; }

    [BindProperty]
    public DateOnly? ResponseDueOn { get; set; }

    [BindProperty]
    public string? ReviewerId { get; set; }

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Conclusion { get; set; }

    /// <summary>Set on the confirmation step: the last day the provider may answer if the report is communicated now.</summary>
    public DateOnly? ConfirmDueOn { get; private set; }

    /// <summary>The step whose form was posted and shown again with its reasons, so its comment box carries the error.</summary>
    public string? PostedStep { get; private set; }

    public DateOnly DefaultDueOn => clock.SwedishToday().AddDays(settings.ResponseDays);

    public int ResponseDays => settings.ResponseDays;

    private bool Leads => Actor.IsIn([.. ReviewTypes.LedBy(Review.Type)]);

    private bool LeadsOrManages => Leads || Actor.IsIn(R.GroupManager);

    private bool WorkOpen => Review.State is ReviewState.Planned or ReviewState.Preparing or ReviewState.VisitDone;

    public bool CanPrepare => Leads && Review.State == ReviewState.Planned;

    public bool CanSetCaseNumber => Leads && WorkOpen;

    public bool CanRecordVisitDone => Leads && Review.State == ReviewState.Preparing;

    public bool CanWriteDraft => Leads && Review.State == ReviewState.VisitDone;

    public bool CanReopen => LeadsOrManages && Review.State == ReviewState.DraftReport;

    public bool CanCommunicate => Leads && Review.State == ReviewState.DraftReport;

    public bool CanFinalise => LeadsOrManages && Review.State == ReviewState.Communicated;

    public bool CanClose => LeadsOrManages && Review.State == ReviewState.Final;

    public bool CanAssignReviewer => Actor.IsIn(R.GroupManager) && Review.DisputeOpen;

    public bool CanConclude => Review.DisputeOpen && Review.IndependentReviewerId is not null && Actor.UserId == Review.IndependentReviewerId;

    public bool AnyStep => CanPrepare || CanRecordVisitDone || CanSetCaseNumber || CanWriteDraft || CanReopen || CanCommunicate || CanFinalise || CanClose || CanAssignReviewer || CanConclude;

    /// <summary>The id of a step's comment box, and the key its errors are shown under.</summary>
    public static string CommentId(string step) => step + "Comment";

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostPrepareAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, "Prepare", handler.StartPreparationAsync(id, new StepInput(Comment, Version), WorkflowActors.From(actor), cancellationToken),
            "Förberedelsen är påbörjad.", cancellationToken);

    /// <summary>The visit done, or for a review without a visit the evidence reviewed: the same step, said as it happened.</summary>
    public async Task<IActionResult> OnPostVisitDoneAsync(Guid id, CancellationToken cancellationToken)
    {
        var done = await handler.GetAsync(id, cancellationToken) is { VisitMode: VisitMode.None } ? "Underlaget är registrerat som granskat." : "Besöket är registrerat som genomfört.";
        return await TakeAsync(id, "VisitDone", handler.RecordVisitDoneAsync(id, new StepInput(Comment, Version), WorkflowActors.From(actor), cancellationToken),
            done + " Skriv utkastet till rapport när alla obligatoriska frågor är bedömda.", cancellationToken);
    }

    public Task<IActionResult> OnPostCaseNumberAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, "CaseNumber", handler.SetCaseNumberAsync(id, new CaseNumberInput(CaseNumber, Version), WorkflowActors.From(actor), cancellationToken),
            "Diarienumret är sparat.", cancellationToken);

    public Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, "Draft", handler.WriteDraftAsync(id, new DraftInput(Summary, Version), WorkflowActors.From(actor), cancellationToken),
            "Utkastet till rapport är skrivet. Läs igenom det innan det kommuniceras med anordnaren.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, "Reopen", handler.ReopenDraftAsync(id, new StepInput(Comment, Version), WorkflowActors.From(actor), cancellationToken),
            "Utkastet är öppnat igen. Iakttagelserna kan ändras och utkastet skrivas på nytt.", cancellationToken);

    /// <summary>The first post shows what communicating means and the last day to answer; only the confirmed post communicates.</summary>
    public async Task<IActionResult> OnPostCommunicateAsync(Guid id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            PostedStep = "Communicate";
            return await ShowAsync(id, cancellationToken);
        }
        var input = new CommunicationInput(ResponseDueOn, Comment, Version);
        if (!confirmed)
        {
            var (preview, due) = await handler.PreviewCommunicationAsync(id, input, WorkflowActors.From(actor), cancellationToken);
            PostedStep = "Communicate";
            if (preview.Succeeded)
            {
                ConfirmDueOn = due;
            }
            return Refused(preview, "Communicate") ?? await ShowAsync(id, cancellationToken);
        }
        return await TakeAsync(id, "Communicate", handler.CommunicateAsync(id, input, WorkflowActors.From(actor), cancellationToken),
            "Rapporten är kommunicerad. Anordnaren kan nu läsa den och svara.", cancellationToken);
    }

    public Task<IActionResult> OnPostFinaliseAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, "Finalise", handler.FinaliseAsync(id, new StepInput(Comment, Version), WorkflowActors.From(actor), cancellationToken),
            "Rapporten är fastställd.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, "Close", handler.CloseAsync(id, new StepInput(Comment, Version), WorkflowActors.From(actor), cancellationToken),
            "Granskningen är avslutad.", cancellationToken);

    public Task<IActionResult> OnPostAssignReviewerAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, "AssignReviewer", handler.AssignIndependentReviewerAsync(id, new ReviewerInput(ReviewerId, Version), WorkflowActors.From(actor), cancellationToken),
            "Den oberoende granskaren är utsedd.", cancellationToken);

    public Task<IActionResult> OnPostConcludeDisputeAsync(Guid id, CancellationToken cancellationToken) =>
        TakeAsync(id, "ConcludeDispute", handler.ConcludeDisputeAsync(id, new ConclusionInput(Conclusion, Version), WorkflowActors.From(actor), cancellationToken),
            "Din bedömning är sparad. Rapporten kan nu fastställas.", cancellationToken);

    private async Task<IActionResult> TakeAsync(Guid id, string step, Task<SaveResult> take, string done, CancellationToken cancellationToken)
    {
        PostedStep = step;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }
        var result = await take;
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage("Details", new { id });
        }
        return Refused(result, step) ?? await ShowAsync(id, cancellationToken);
    }

    /// <summary>Not found and not allowed as such; otherwise the reasons on the form, with 409 for a wrong state or someone else's change.</summary>
    private IActionResult? Refused(SaveResult result, string step)
    {
        // The visit's time is set on the preparation page, so its reason goes to the summary at the top, not to a field here.
        if (this.Refused(result, field => field switch { nameof(Comment) => CommentId(step), "VisitAt" => "", _ => field }) is { } refused)
        {
            return refused;
        }
        if (result.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return null;
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } review)
        {
            return NotFound();
        }
        Review = review;
        Actor = WorkflowActors.From(actor);
        if (PostedStep is null)
        {
            CaseNumber = review.CaseNumber;
            Summary = review.Summary;
        }
        if (CanAssignReviewer)
        {
            Candidates = await handler.ReviewerCandidatesAsync(id, cancellationToken) ?? [];
        }
        return Page();
    }
}
