using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Reviews.Documents;

/// <summary>The review's report as a Word document, for the municipality and for the reviewed provider once communicated.</summary>
public sealed class ReportModel(ReviewDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } reviewId || await documents.ReportAsync(reviewId, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        ReviewDocumentsModule.NoStore(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
