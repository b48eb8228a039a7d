using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Features.Evidence;
using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Portal;

public sealed record PortalUnit(Guid Id, string Name, DateOnly? ClosedOn);

public sealed record PortalAuthorisation(Guid Id, string ChoiceSystemName, AuthorisationStatus Status, string? CaseNumber, DateOnly? ValidTo);

public sealed record MessageView(Guid Id, bool FromProvider, string AuthorName, string Text, DateTimeOffset SentAt, string? MatterKind, Guid? MatterId)
{
    public string? MatterUrl => MatterKind == ComplaintsHandler.FileOwnerType ? $"/Evidence/Complaints/Details/{MatterId}" : null;
}

public sealed record DocumentRow(Guid Id, Guid ProviderId, string ProviderName, string Title, DateTimeOffset SentAt, string SentBy, DateTimeOffset? ReadAt, string? ReadBy);

public sealed record DocumentView(DocumentRow Document, string? Message);

public sealed record ChangeView(Guid Id, DutyToInformCategory Category, string Text, DateTimeOffset ReportedAt, string ReportedBy);

/// <summary>What the portal shows about one provider, to the provider itself or to the municipality.</summary>
public sealed record ProviderPortal(
    Guid ProviderId, string ProviderName, IReadOnlyList<PortalUnit> Units, IReadOnlyList<PortalAuthorisation> Authorisations,
    IReadOnlyList<PortalRequest> Requests, IReadOnlyList<DocumentRow> Documents, IReadOnlyList<MessageView> Messages,
    IReadOnlyList<AttestationView> Attestations, IReadOnlyList<ChangeView> Changes);

public sealed record PortalProviderRow(Guid Id, string Name, int Messages, DateTimeOffset? LastMessageAt, int UnreadDocuments, int Changes);

public sealed record MessageInput(string? Text, string? MatterKind = null, Guid? MatterId = null);

public sealed record DocumentInput(IReadOnlyList<Guid>? ProviderIds, string? Title, string? Message);

public sealed record ChangeInput(DutyToInformCategory? Category, string? Text);

/// <summary>
/// The provider portal: everything between the municipality and one provider. Every read goes through the scoped
/// <see cref="AppDbContext"/>, so a provider user asking about another provider finds nothing.
/// </summary>
public sealed class PortalHandler(
    AppDbContext db, PortalRequests requests, AttestationsHandler attestations, Outbox outbox, UserManager<AppUser> users, TimeProvider clock)
    : IFileMatters
{
    public const string DocumentOwnerType = nameof(PortalDocument);

    string IFileMatters.OwnerType => DocumentOwnerType;

    /// <summary>The provider a signed-in provider user belongs to; null for everyone else.</summary>
    public static Guid? OwnProvider(ClaimsPrincipal user) =>
        UppsiktClaims.ScopeOf(user) is { Kind: AccessScopeKind.Provider, ProviderId: var id } ? id : null;

    public async Task<ProviderPortal?> PortalAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var name = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return null;
        }
        var units = await db.Units.AsNoTracking().Where(u => u.ProviderId == providerId).OrderBy(u => u.Name)
            .Select(u => new PortalUnit(u.Id, u.Name, u.ClosedOn)).ToListAsync(cancellationToken);
        var authorisations = await db.Authorisations.AsNoTracking().Where(a => a.ProviderId == providerId).OrderBy(a => a.ChoiceSystem!.Name)
            .Select(a => new PortalAuthorisation(a.Id, a.ChoiceSystem!.Name, a.Status, a.CaseNumber, a.ValidTo)).ToListAsync(cancellationToken);
        var changes = (await db.DutyToInformReports.AsNoTracking().Where(r => r.ProviderId == providerId)
                .Select(r => new ChangeView(r.Id, r.Category, r.Text, r.ReportedAt, r.ReportedBy)).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.ReportedAt).ToList();
        return new ProviderPortal(providerId, name, units, authorisations, await requests.ForProviderAsync(providerId, cancellationToken),
            await DocumentsAsync(providerId, cancellationToken), await MessagesAsync(providerId, cancellationToken),
            await attestations.ForProviderAsync(providerId, cancellationToken), changes);
    }

    /// <summary>The municipality's overview: every provider with its portal activity.</summary>
    public async Task<List<PortalProviderRow>> ProvidersAsync(CancellationToken cancellationToken) =>
        await db.Providers.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new PortalProviderRow(p.Id, p.Name,
                db.PortalMessages.Count(m => m.ProviderId == p.Id),
                db.PortalMessages.Where(m => m.ProviderId == p.Id).Max(m => (DateTimeOffset?)m.SentAt),
                db.PortalDocuments.Count(d => d.ProviderId == p.Id && d.ReadAt == null),
                db.DutyToInformReports.Count(r => r.ProviderId == p.Id)))
            .ToListAsync(cancellationToken);

    public async Task<List<MessageView>> MessagesAsync(Guid providerId, CancellationToken cancellationToken) =>
        [.. (await db.PortalMessages.AsNoTracking().Where(m => m.ProviderId == providerId)
                .Select(m => new MessageView(m.Id, m.FromProvider, m.AuthorName, m.Text, m.SentAt, m.MatterKind, m.MatterId))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.SentAt)];

    /// <summary>
    /// Writes a message in the provider's thread. A provider user writes in its own thread only; the other side gets an
    /// e-mail notice. A matter reference must be a complaint of the same provider that the caller can see.
    /// </summary>
    public async Task<SaveResult> WriteAsync(Guid providerId, MessageInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var fromProvider = OwnProvider(user) is not null;
        if (!await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken) || (fromProvider && OwnProvider(user) != providerId))
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        var text = check.Required(nameof(MessageInput.Text), "ett meddelande", input.Text, 4000);
        check.NoPersonalIdentityNumber(nameof(MessageInput.Text), "meddelandet", text);
        if (input.MatterKind is not null || input.MatterId is not null)
        {
            if (input.MatterKind != ComplaintsHandler.FileOwnerType || input.MatterId is not { } matterId
                || !await db.Complaints.AnyAsync(c => c.Id == matterId && c.Unit!.ProviderId == providerId && c.Status != ComplaintStatus.Registered, cancellationToken))
            {
                check.Add(nameof(MessageInput.MatterId), "Ärendet som meddelandet gäller finns inte.");
            }
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var author = user.FindFirstValue(UppsiktClaims.DisplayName) ?? user.Identity?.Name ?? "okänd";
        var message = new PortalMessage
        {
            ProviderId = providerId,
            MatterKind = input.MatterKind,
            MatterId = input.MatterId,
            FromProvider = fromProvider,
            AuthorId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            AuthorName = author,
            Text = text,
            SentAt = clock.GetUtcNow(),
        };
        db.PortalMessages.Add(message);
        var providerName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).FirstAsync(cancellationToken);
        var (recipients, where) = fromProvider
            ? (await MunicipalRecipientsAsync(), $"Läs och svara under Anordnare → {providerName} → Portal i Uppsikt.")
            : (await ProviderRecipientsAsync(providerId, cancellationToken), "Läs och svara under Vår portal i Uppsikt.");
        foreach (var to in recipients)
        {
            await outbox.EnqueueAsync(to, $"Nytt meddelande i Uppsikt: {providerName}",
                $"{author} har skrivit ett meddelande{(fromProvider ? $" från {providerName}" : " från kommunen")}.\n\n{where}\n",
                $"portal-message:{message.Id}:{to}", cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(message.Id);
    }

    public async Task<List<DocumentRow>> DocumentsAsync(Guid? providerId, CancellationToken cancellationToken) =>
        [.. (await db.PortalDocuments.AsNoTracking().Where(d => providerId == null || d.ProviderId == providerId)
                .Select(d => new DocumentRow(d.Id, d.ProviderId, db.Providers.Where(p => p.Id == d.ProviderId).Select(p => p.Name).First(),
                    d.Title, d.SentAt, d.SentBy, d.ReadAt, d.ReadBy))
                .ToListAsync(cancellationToken))
            .OrderByDescending(d => d.SentAt)];

    /// <summary>One document; when a provider user opens it the first time, the read receipt is recorded.</summary>
    public async Task<DocumentView?> OpenDocumentAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await db.PortalDocuments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }
        if (OwnProvider(user) is not null
            && document.MarkRead(user.FindFirstValue(UppsiktClaims.DisplayName) ?? user.Identity?.Name ?? "okänd", clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        var providerName = await db.Providers.Where(p => p.Id == document.ProviderId).Select(p => p.Name).FirstAsync(cancellationToken);
        return new DocumentView(new DocumentRow(document.Id, document.ProviderId, providerName, document.Title, document.SentAt, document.SentBy,
            document.ReadAt, document.ReadBy), document.Message);
    }

    /// <summary>Sends a document to each chosen provider (one per provider, so each has its own read receipt) with an e-mail notice.</summary>
    public async Task<(IReadOnlyList<Guid> Ids, SaveResult Result)> SendDocumentAsync(DocumentInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
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
        var sender = user.FindFirstValue(UppsiktClaims.DisplayName) ?? user.Identity?.Name ?? "kommunen";
        var ids = new List<Guid>();
        foreach (var provider in providers)
        {
            var document = new PortalDocument { ProviderId = provider.Id, Title = title, Message = message, SentAt = clock.GetUtcNow(), SentBy = sender };
            db.PortalDocuments.Add(document);
            ids.Add(document.Id);
            foreach (var to in await ProviderRecipientsAsync(provider.Id, cancellationToken))
            {
                await outbox.EnqueueAsync(to, $"Nytt dokument från kommunen: {title}",
                    $"Kommunen har skickat dokumentet \"{title}\" till {provider.Name}.\n\nÖppna det under Vår portal i Uppsikt.\n",
                    $"portal-document:{document.Id}:{to}", cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return (ids, SaveResult.Saved(ids[0]));
    }

    /// <summary>A change reported under the duty to inform, by the provider user for its own provider; the municipality is told by e-mail.</summary>
    public async Task<SaveResult> ReportChangeAsync(ChangeInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (OwnProvider(user) is not { } providerId || !await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken))
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            check.Add(nameof(ChangeInput.Category), "Välj vad förändringen gäller.");
        }
        var text = check.Required(nameof(ChangeInput.Text), "en beskrivning av förändringen", input.Text, 4000);
        check.NoPersonalIdentityNumber(nameof(ChangeInput.Text), "beskrivningen", text);
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var report = new DutyToInformReport
        {
            ProviderId = providerId,
            Category = input.Category!.Value,
            Text = text,
            ReportedAt = clock.GetUtcNow(),
            ReportedBy = user.FindFirstValue(UppsiktClaims.DisplayName) ?? user.Identity?.Name ?? "okänd",
        };
        db.DutyToInformReports.Add(report);
        var providerName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).FirstAsync(cancellationToken);
        foreach (var to in await MunicipalRecipientsAsync())
        {
            await outbox.EnqueueAsync(to, $"Förändring enligt informationsplikten: {providerName}",
                $"{providerName} har rapporterat en förändring ({report.Category.Name().ToLower(SwedishText.Culture)}).\n\nLäs den under Anordnare → {providerName} → Portal i Uppsikt.\n",
                $"duty-to-inform:{report.Id}:{to}", cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(report.Id);
    }

    /// <summary>A document's file may be seen by whoever may see the document; only the municipality adds or removes files.</summary>
    public async Task<FileMatter?> FindAsync(Guid ownerId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await db.PortalDocuments.AsNoTracking().Where(d => d.Id == ownerId).Select(d => new { d.ProviderId }).FirstOrDefaultAsync(cancellationToken) is { } document
            ? new FileMatter(document.ProviderId, user.IsInRole(Roles.QualityDeveloper) || user.IsInRole(Roles.Administrator))
            : null;

    /// <summary>The municipality's side of the portal: its quality developers.</summary>
    private async Task<List<string>> MunicipalRecipientsAsync() =>
        [.. (await users.GetUsersInRoleAsync(Roles.QualityDeveloper)).Select(u => u.Email).OfType<string>().Order(StringComparer.Ordinal)];

    private async Task<List<string>> ProviderRecipientsAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        return await db.Users.AsNoTracking()
            .Where(u => u.ProviderId == providerId && u.Email != null && (u.AccessExpiresOn == null || u.AccessExpiresOn >= today))
            .OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(cancellationToken);
    }
}
