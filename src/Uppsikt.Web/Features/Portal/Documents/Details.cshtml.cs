using Microsoft.AspNetCore.Mvc;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Portal.Documents;

/// <summary>A document sent to a provider with its file; the provider's first opening is its read receipt.</summary>
public sealed class DetailsModel(DocumentsHandler handler, FileStore files) : AttachmentsPageModel(files)
{
    public DocumentView Document { get; private set; } = null!;

    protected override string OwnerType => DocumentsHandler.DocumentOwnerType;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    protected override async Task<bool> LoadMatterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.OpenDocumentAsync(id, cancellationToken) is not { } document)
        {
            return false;
        }
        Document = document;
        return true;
    }
}
