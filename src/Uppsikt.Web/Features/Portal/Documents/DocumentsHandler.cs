using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Portal;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Documents;

public sealed record DocumentRow(Guid Id, Guid ProviderId, string ProviderName, string Title, DateTimeOffset SentAt, string SentBy, DateTimeOffset? ReadAt, string? ReadBy);

public sealed record DocumentView(DocumentRow Document, string? Message);

public sealed record DocumentInput(IReadOnlyList<Guid>? ProviderIds, string? Title, [DataType(DataType.MultilineText)] string? Message);

/// <summary>
/// Documents the municipality sends to providers, each with its own read receipt and files. Every read goes through the
/// scoped <see cref="AppDbContext"/>, so a provider user only finds its own provider's documents.
/// </summary>
public sealed class DocumentsHandler(AppDbContext db, PortalRecipients recipients, Outbox outbox, AppLinks links, ICurrentActor actor, TimeProvider clock) : IFileMatters
{
    public const string DocumentOwnerType = nameof(PortalDocument);

    string IFileMatters.OwnerType => DocumentOwnerType;

    public async Task<List<DocumentRow>> DocumentsAsync(Guid? providerId, CancellationToken cancellationToken) =>
        [.. (await db.PortalDocuments.AsNoTracking().Where(d => providerId == null || d.ProviderId == providerId)
                .Select(d => new DocumentRow(d.Id, d.ProviderId, db.Providers.Where(p => p.Id == d.ProviderId).Select(p => p.Name).First(),
                    d.Title, d.SentAt, d.SentBy, d.ReadAt, d.ReadBy))
                .ToListAsync(cancellationToken))
            .OrderByDescending(d => d.SentAt)];

    /// <summary>One document; when a provider user opens it the first time, the read receipt is recorded.</summary>
    public async Task<DocumentView?> OpenDocumentAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await db.PortalDocuments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }
        if (PortalAccess.OwnProvider(actor) is not null && document.MarkRead(actor.DisplayName, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        var providerName = await db.Providers.Where(p => p.Id == document.ProviderId).Select(p => p.Name).FirstAsync(cancellationToken);
        return new DocumentView(new DocumentRow(document.Id, document.ProviderId, providerName, document.Title, document.SentAt, document.SentBy,
            document.ReadAt, document.ReadBy), document.Message);
    }

    /// <summary>Sends a document to each chosen provider (one per provider, so each has its own read receipt) with an e-mail notice.</summary>
    public async Task<(IReadOnlyList<Guid> Ids, SaveResult Result)> SendDocumentAsync(DocumentInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var title = check.Required(nameof(DocumentInput.Title), "en rubrik", input.Title);
        var message = check.Optional(nameof(DocumentInput.Message), "meddelandet", input.Message, 4000);
        check.NoPersonalIdentityNumber(nameof(DocumentInput.Message), "meddelandet", message);
        var providerIds = (input.ProviderIds ?? []).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        if (providers.Count == 0 || providers.Count != providerIds.Count)
        {
            check.Add(nameof(DocumentInput.ProviderIds), "Välj minst en anordnare.");
        }
        if (!check.IsValid)
        {
            return ([], check.Fail());
        }
        var sender = actor.DisplayName;
        var ids = new List<Guid>();
        foreach (var provider in providers)
        {
            var document = new PortalDocument { ProviderId = provider.Id, Title = title, Message = message, SentAt = clock.GetUtcNow(), SentBy = sender };
            db.PortalDocuments.Add(document);
            ids.Add(document.Id);
            foreach (var to in await recipients.ProviderAsync(provider.Id, cancellationToken))
            {
                await outbox.EnqueueAsync(to, $"Nytt dokument från kommunen: {title}",
                    $"Kommunen har skickat dokumentet \"{title}\" till {provider.Name}.\n\nÖppna det under Vår portal i Uppsikt.{links.LinkLine($"/Portal/Documents/Details/{document.Id}")}\n",
                    $"portal-document:{document.Id}:{to}", cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return (ids, SaveResult.Saved(ids[0]));
    }

    /// <summary>A document's file may be seen by whoever may see the document; only the municipality adds or removes files.</summary>
    public async Task<FileMatter?> FindAsync(Guid ownerId, CancellationToken cancellationToken) =>
        await db.PortalDocuments.AsNoTracking().Where(d => d.Id == ownerId).Select(d => new { d.ProviderId }).FirstOrDefaultAsync(cancellationToken) is { } document
            ? new FileMatter(document.ProviderId, Policies.EditorRoles.Any(actor.IsInRole))
            : null;
}
