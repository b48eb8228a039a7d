using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Features.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Mail;

namespace Uppsikt.Web.Features.Portal;

public sealed record PortalUnit(Guid Id, string Name, DateOnly? ClosedOn);

public sealed record PortalAuthorisation(Guid Id, string ChoiceSystemName, AuthorisationStatus Status, string? CaseNumber, DateOnly? ValidTo);

public sealed record MessageView(Guid Id, bool FromProvider, string AuthorName, string Text, DateTimeOffset SentAt, string? MatterKind, Guid? MatterId);

/// <summary>One message thread in a provider's portal: the general one (no matter) or one per matter, with its latest message.</summary>
public sealed record ThreadRow(string? MatterKind, Guid? MatterId, string Title, string? MatterUrl, int Messages, DateTimeOffset? LastAt, string? LastAuthor,
    bool LastFromProvider);

/// <summary>A provider's threads: the general thread, always there, and one page of matter threads, the latest written to first.</summary>
public sealed record ThreadList(ThreadRow General, PagedList<ThreadRow> Matters);

/// <summary>One thread with its messages, oldest first.</summary>
public sealed record PortalThread(Guid ProviderId, string ProviderName, string? MatterKind, Guid? MatterId, string Title, string? MatterUrl,
    IReadOnlyList<MessageView> Messages);

/// <summary>A thread, or why the municipality may not write about that matter with this provider; both null when there is no such thread.</summary>
public sealed record ThreadLookup(PortalThread? Thread, string? Refusal);

public sealed record DocumentRow(Guid Id, Guid ProviderId, string ProviderName, string Title, DateTimeOffset SentAt, string SentBy, DateTimeOffset? ReadAt, string? ReadBy);

public sealed record DocumentView(DocumentRow Document, string? Message);

public sealed record ChangeView(Guid Id, DutyToInformCategory Category, string Text, DateTimeOffset ReportedAt, string ReportedBy);

/// <summary>What the portal shows about one provider, to the provider itself or to the municipality.</summary>
public sealed record ProviderPortal(
    Guid ProviderId, string ProviderName, IReadOnlyList<PortalUnit> Units, IReadOnlyList<PortalAuthorisation> Authorisations,
    IReadOnlyList<PortalRequest> Requests, IReadOnlyList<DocumentRow> Documents, ThreadList Threads,
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
    AppDbContext db, PortalRequests requests, AttestationsHandler attestations, PortalMatters matters, Outbox outbox, AppLinks links,
    UserManager<AppUser> users, TimeProvider clock)
    : IFileMatters
{
    public const string DocumentOwnerType = nameof(PortalDocument);

    /// <summary>What the thread list calls the provider's general thread.</summary>
    public const string GeneralThreadTitle = "Allmänt";

    public const int ThreadPageSize = 10;

    private static readonly SortColumns<ThreadTotals> ThreadSort = new SortColumns<ThreadTotals>("last").Add("last", t => t.LastAt);

    string IFileMatters.OwnerType => DocumentOwnerType;

    /// <summary>The provider a signed-in provider user belongs to; null for everyone else.</summary>
    public static Guid? OwnProvider(ClaimsPrincipal user) =>
        UppsiktClaims.ScopeOf(user) is { Kind: AccessScopeKind.Provider, ProviderId: var id } ? id : null;

    public async Task<ProviderPortal?> PortalAsync(Guid providerId, int threadPage, CancellationToken cancellationToken)
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
            await DocumentsAsync(providerId, cancellationToken), await ThreadsAsync(providerId, threadPage, cancellationToken),
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

    /// <summary>The provider's threads: the general one and one page of matter threads, the latest written to first.</summary>
    public async Task<ThreadList> ThreadsAsync(Guid providerId, int page, CancellationToken cancellationToken)
    {
        var totals = await db.PortalMessages.AsNoTracking().Where(m => m.ProviderId == providerId && m.MatterKind != null && m.MatterId != null)
            .GroupBy(m => new { m.MatterKind, m.MatterId })
            .Select(g => new ThreadTotals(g.Key.MatterKind, g.Key.MatterId, g.Count(), g.Max(m => m.SentAt)))
            .ToPageAsync(new ListQuery(Descending: true, Page: page, PageSize: ThreadPageSize), ThreadSort, t => t.MatterId!.Value, cancellationToken);
        // The grouping gave each thread's count and time; one more query gives the page's last writers.
        var ids = totals.Items.Select(t => t.MatterId!.Value).ToList();
        var lastWriters = (await db.PortalMessages.AsNoTracking()
                .Where(m => m.ProviderId == providerId && m.MatterId != null && ids.Contains(m.MatterId.Value))
                .GroupBy(m => new { m.MatterKind, m.MatterId })
                .Select(g => g.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
                    .Select(m => new { m.MatterKind, m.MatterId, m.AuthorName, m.FromProvider }).First())
                .ToListAsync(cancellationToken))
            .ToDictionary(m => (m.MatterKind, m.MatterId));
        var rows = new List<ThreadRow>();
        foreach (var thread in totals.Items)
        {
            var matter = await matters.FindAsync(thread.MatterKind!, thread.MatterId!.Value, cancellationToken);
            var last = lastWriters[(thread.MatterKind, thread.MatterId)];
            rows.Add(new ThreadRow(thread.MatterKind, thread.MatterId, matter?.Title ?? "Ärende som inte längre finns", matter?.Url, thread.Messages,
                thread.LastAt, last.AuthorName, last.FromProvider));
        }
        return new ThreadList(await ThreadRowAsync(providerId, null, null, GeneralThreadTitle, null, cancellationToken),
            new PagedList<ThreadRow>(rows, totals.Total, totals.Page, totals.PageSize));
    }

    /// <summary>
    /// One thread with its messages, oldest first: the general thread when kind and id are null, otherwise the thread about a matter
    /// of this provider that the caller can see. A matter of another provider is refused with the reason.
    /// </summary>
    public async Task<ThreadLookup> ThreadAsync(Guid providerId, string? matterKind, Guid? matterId, CancellationToken cancellationToken)
    {
        var providerName = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        if (providerName is null)
        {
            return new ThreadLookup(null, null);
        }
        var (found, matter, refusal) = await MatterAsync(providerId, providerName, matterKind, matterId, cancellationToken);
        if (!found || refusal is not null)
        {
            return new ThreadLookup(null, refusal);
        }
        var (kind, id) = (matter?.Kind, matter?.Id);
        var messages = (await db.PortalMessages.AsNoTracking()
                .Where(m => m.ProviderId == providerId && m.MatterKind == kind && m.MatterId == id)
                .Select(m => new MessageView(m.Id, m.FromProvider, m.AuthorName, m.Text, m.SentAt, m.MatterKind, m.MatterId))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.SentAt).ToList();
        return new ThreadLookup(new PortalThread(providerId, providerName, matter?.Kind, matter?.Id, matter?.Title ?? GeneralThreadTitle, matter?.Url, messages), null);
    }

    /// <summary>
    /// Writes a message in one of the provider's threads. A provider user writes in its own provider's threads only; the other
    /// side gets an e-mail notice naming the thread. A matter must be one of the same provider's that the caller can see.
    /// </summary>
    public async Task<SaveResult> WriteAsync(Guid providerId, MessageInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var fromProvider = OwnProvider(user) is not null;
        var providerName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        if (providerName is null || (fromProvider && OwnProvider(user) != providerId))
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        var text = check.Required(nameof(MessageInput.Text), "ett meddelande", input.Text, 4000);
        check.NoPersonalIdentityNumber(nameof(MessageInput.Text), "meddelandet", text);
        var (found, matter, refusal) = await MatterAsync(providerId, providerName, input.MatterKind, input.MatterId, cancellationToken);
        if (!found || refusal is not null)
        {
            check.Add(nameof(MessageInput.MatterId), refusal ?? "Ärendet som meddelandet gäller finns inte.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var author = user.FindFirstValue(UppsiktClaims.DisplayName) ?? user.Identity?.Name ?? "okänd";
        var message = new PortalMessage
        {
            ProviderId = providerId,
            MatterKind = matter?.Kind,
            MatterId = matter?.Id,
            FromProvider = fromProvider,
            AuthorId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            AuthorName = author,
            Text = text,
            SentAt = clock.GetUtcNow(),
        };
        db.PortalMessages.Add(message);
        var title = matter?.Title ?? GeneralThreadTitle;
        var (recipients, where) = fromProvider
            ? (await MunicipalRecipientsAsync(), $"Läs och svara under Anordnare → {providerName} → Portal → Meddelanden → {title} i Uppsikt.")
            : (await ProviderRecipientsAsync(providerId, cancellationToken), $"Läs och svara under Vår portal → Meddelanden → {title} i Uppsikt.");
        // The recipients are on the other side of the portal from the writer.
        where += links.LinkLine(PortalMatters.ThreadUrl(!fromProvider, providerId, matter?.Kind, matter?.Id));
        foreach (var to in recipients)
        {
            await outbox.EnqueueAsync(to, $"Nytt meddelande i Uppsikt: {providerName} – {title}",
                $"{author} har skrivit ett meddelande{(fromProvider ? $" från {providerName}" : " från kommunen")} om: {title}.\n\n{where}\n",
                $"portal-message:{message.Id}:{to}", cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(message.Id);
    }

    /// <summary>
    /// The matter a thread of this provider is about: found with no matter for the general thread; not found when the kind is
    /// unknown or the caller cannot see the matter; refused (with the reason) when it belongs to another provider.
    /// </summary>
    private async Task<(bool Found, PortalMatter? Matter, string? Refusal)> MatterAsync(Guid providerId, string providerName, string? kind, Guid? id,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(kind) && id is null)
        {
            return (true, null, null);
        }
        if (string.IsNullOrEmpty(kind) || id is not { } matterId || await matters.FindAsync(kind, matterId, cancellationToken) is not { } matter)
        {
            return (false, null, null);
        }
        return matter.ProviderId == providerId
            ? (true, matter, null)
            : (true, null, $"Ärendet hör till en annan anordnare än {providerName}. Skriv om det i den anordnarens portal.");
    }

    private async Task<ThreadRow> ThreadRowAsync(Guid providerId, string? matterKind, Guid? matterId, string title, string? matterUrl,
        CancellationToken cancellationToken)
    {
        var thread = db.PortalMessages.AsNoTracking().Where(m => m.ProviderId == providerId && m.MatterKind == matterKind && m.MatterId == matterId);
        var count = await thread.CountAsync(cancellationToken);
        var last = await thread.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.SentAt, m.AuthorName, m.FromProvider }).FirstOrDefaultAsync(cancellationToken);
        return new ThreadRow(matterKind, matterId, title, matterUrl, count, last?.SentAt, last?.AuthorName, last?.FromProvider ?? false);
    }

    private sealed record ThreadTotals(string? MatterKind, Guid? MatterId, int Messages, DateTimeOffset LastAt);

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
                    $"Kommunen har skickat dokumentet \"{title}\" till {provider.Name}.\n\nÖppna det under Vår portal i Uppsikt.{links.LinkLine($"/Portal/Documents/Details/{document.Id}")}\n",
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
                $"{providerName} har rapporterat en förändring ({report.Category.Name().ToLower(SwedishText.Culture)}).\n\nLäs den under Anordnare → {providerName} → Portal i Uppsikt.{links.LinkLine($"/Portal/Providers/Details/{providerId}")}\n",
                $"duty-to-inform:{report.Id}:{to}", cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(report.Id);
    }

    /// <summary>A document's file may be seen by whoever may see the document; only the municipality adds or removes files.</summary>
    public async Task<FileMatter?> FindAsync(Guid ownerId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await db.PortalDocuments.AsNoTracking().Where(d => d.Id == ownerId).Select(d => new { d.ProviderId }).FirstOrDefaultAsync(cancellationToken) is { } document
            ? new FileMatter(document.ProviderId, Policies.EditorRoles.Any(user.IsInRole))
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
