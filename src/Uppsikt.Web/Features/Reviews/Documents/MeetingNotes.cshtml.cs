using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Reviews.Documents;

/// <summary>The meeting notes as a Word document, for the municipality: its own copy with the interview notes, or the provider's without.</summary>
public sealed class MeetingNotesModel(ReviewDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid? id, bool forProvider, CancellationToken cancellationToken)
    {
        if (id is not { } reviewId || await documents.MeetingNotesAsync(reviewId, forProvider, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        ReviewDocumentsModule.NoStore(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
