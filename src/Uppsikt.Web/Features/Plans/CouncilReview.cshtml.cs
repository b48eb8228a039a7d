using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.Plans;

/// <summary>Kommunstyrelsens samlade uppföljning for a year, on the page and as a decision memo (DOCX).</summary>
public sealed class CouncilReviewModel(CouncilReviewHandler handler, TimeProvider clock, ICurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The case number (diarienummer) the memo is filed under.</summary>
    [BindProperty(SupportsGet = true)]
    public string? CaseNumber { get; set; }

    public CouncilReviewResult Review { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The council board's decision on the year's review, once recorded.</summary>
    public CouncilDecisionView? Decision { get; private set; }

    /// <summary>Whether the actor records the council board's decisions (its staff, an administrator).</summary>
    public bool MayRecord => CouncilBoard.RefuseRecorder(WorkflowActors.From(actor)) is null;

    public DateOnly Today => clock.SwedishToday();

    /// <summary>The council board's decision on the review, as its minutes give it; the form's case number is <c>DecisionCaseNumber</c>.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(DateOnly? decidedOn, string? paragraph, string? decisionCaseNumber,
        [DataType(DataType.MultilineText)] string? text, int version, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var result = await handler.RecordDecisionAsync(Year!.Value, new CouncilDecisionInput(decidedOn, paragraph, decisionCaseNumber, text, version),
            WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Kommunstyrelsens beslut är registrerat.";
            return RedirectToPage(new { Year });
        }
        return this.Refused(result, field => field == nameof(Domain.Plans.CouncilReviewDecision.CaseNumber) ? "DecisionCaseNumber" : field) ?? Page();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Domain.Register.CaseNumber.TryParse(CaseNumber, out var caseNumber, out var error))
        {
            ModelState.AddModelError(nameof(CaseNumber), string.IsNullOrWhiteSpace(CaseNumber) ? "Ange diarienumret som tjänsteskrivelsen diarieförs under." : error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var memo = CouncilReviewMemo.Write(Review, Decision, caseNumber, clock.SwedishToday());
        return File(memo, WordDocument.ContentType, CouncilReviewMemo.FileName(Review, caseNumber));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var thisYear = clock.SwedishToday().Year;
        if (Year is not { } year || !FollowUpYear.IsValid(year))
        {
            Year = thisYear;
        }
        Review = await handler.ReviewAsync(Year.Value, cancellationToken);
        Decision = await handler.DecisionAsync(Year.Value, cancellationToken);
        Years = [.. Enumerable.Range(thisYear - 3, 5).Reverse()];
    }
}
