using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Features.Reviews.Documents;

namespace Uppsikt.Web.Features.Reviews.Reported;

/// <summary>A final review report as the committee reads it, and the report itself as a Word document.</summary>
public sealed class DetailsModel(ReportedReviewsHandler handler) : PageModel
{
    public ReportedReview Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.ReportFileAsync(id, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        ReviewDocumentsModule.NoStore(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
