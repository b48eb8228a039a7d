using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.Plans;

/// <summary>Kommunstyrelsens samlade uppföljning for a year, on the page and as a decision memo (DOCX).</summary>
public sealed class CouncilReviewModel(CouncilReviewHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The case number (diarienummer) the memo is filed under.</summary>
    [BindProperty(SupportsGet = true)]
    public string? CaseNumber { get; set; }

    public CouncilReviewResult Review { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

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
        var memo = CouncilReviewMemo.Write(Review, caseNumber, clock.SwedishToday());
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
        Years = [.. Enumerable.Range(thisYear - 3, 5).Reverse()];
    }
}
