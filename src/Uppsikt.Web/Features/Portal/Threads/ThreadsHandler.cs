using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Portal;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Infrastructure.Notifications;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Threads;

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
public sealed record ThreadLookup(PortalThread? Thread, Refusal? Refusal);

public sealed record MessageInput([DataType(DataType.MultilineText)] string? Text, string? MatterKind = null, Guid? MatterId = null);

/// <summary>
/// One thread in the municipality's list of every provider's threads, named by its latest message: who wrote it and when, and
/// whether it came from the provider (then the thread waits for the municipality's answer).
/// </summary>
public sealed record ProviderThreadRow
{
    public Guid LastMessageId { get; init; }
    public Guid ProviderId { get; init; }
    public string ProviderName { get; init; } = "";
    public string? MatterKind { get; init; }
    public Guid? MatterId { get; init; }
    public string Title { get; init; } = "";
    public int Messages { get; init; }
    public DateTimeOffset LastAt { get; init; }
    public string LastAuthor { get; init; } = "";
    public bool LastFromProvider { get; init; }

    /// <summary>The municipality's page of the thread.</summary>
    public string Url => PortalAccess.ThreadUrl(false, ProviderId, MatterKind, MatterId);
}

/// <summary>
/// The message threads between the municipality and one provider: a general thread and one per matter (decision 0013). Every
/// read goes through the scoped <see cref="AppDbContext"/>, so a provider user asking about another provider finds nothing.
/// </summary>
public sealed class ThreadsHandler(AppDbContext db, PortalMatters matters, PortalRecipients recipients, Outbox outbox, AppLinks links, ICurrentActor actor,
    TimeProvider clock, HandOffs handOffs)
{
    /// <summary>What the thread list calls the provider's general thread.</summary>
    public const string GeneralThreadTitle = "Allmänt";

    public const int ThreadPageSize = 10;

    private static readonly SortColumns<ThreadTotals> ThreadSort = new SortColumns<ThreadTotals>("last").Add("last", t => t.LastAt);

    public static readonly SortColumns<ProviderThreadRow> ProviderThreadSort = new SortColumns<ProviderThreadRow>("last")
        .Add("last", t => t.LastAt)
        .Add("provider", t => t.ProviderName)
        .Add("messages", t => t.Messages);

    /// <summary>
    /// Every provider's threads for the municipality, each as its latest message, the latest first unless sorted otherwise;
    /// <paramref name="waitingOnly"/> keeps the threads whose latest message is the provider's: they wait for the municipality's
    /// answer (there is no read receipt on messages, so an answer is what ends the wait). The start page counts the same query.
    /// </summary>
    public async Task<PagedList<ProviderThreadRow>> ProviderThreadsAsync(ListQuery list, bool waitingOnly, CancellationToken cancellationToken)
    {
        var latest = db.PortalMessages.AsNoTracking().Where(m => !db.PortalMessages.Any(later => later.ProviderId == m.ProviderId
            && later.MatterKind == m.MatterKind && later.MatterId == m.MatterId && later.SentAt > m.SentAt));
        if (waitingOnly)
        {
            latest = latest.Where(m => m.FromProvider);
        }
        var page = await latest
            .Select(m => new ProviderThreadRow
            {
                LastMessageId = m.Id,
                ProviderId = m.ProviderId,
                ProviderName = db.Providers.Where(p => p.Id == m.ProviderId).Select(p => p.Name).FirstOrDefault() ?? "",
                MatterKind = m.MatterKind,
                MatterId = m.MatterId,
                Messages = db.PortalMessages.Count(t => t.ProviderId == m.ProviderId && t.MatterKind == m.MatterKind && t.MatterId == m.MatterId),
                LastAt = m.SentAt,
                LastAuthor = m.AuthorName,
                LastFromProvider = m.FromProvider,
            })
            .ToPageAsync(list with { Descending = list.Sort is null || list.Descending }, ProviderThreadSort, t => t.LastMessageId, cancellationToken);
        // The page's matters by their own sources, as a provider's thread list names them.
        var rows = new List<ProviderThreadRow>(page.Items.Count);
        foreach (var row in page.Items)
        {
            var title = row.MatterKind is { } kind && row.MatterId is { } id
                ? (await matters.FindAsync(kind, id, cancellationToken))?.Title ?? "Ärende som inte längre finns"
                : GeneralThreadTitle;
            rows.Add(row with { Title = title });
        }
        return new PagedList<ProviderThreadRow>(rows, page.Total, page.Page, page.PageSize);
    }

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
    /// side is told by e-mail, naming the thread: the provider's users at once, the quality developers as each chose (a hand-off, decision 0025). A matter must be one of the same provider's that the caller can see.
    /// </summary>
    public async Task<SaveResult> WriteAsync(Guid providerId, MessageInput input, CancellationToken cancellationToken)
    {
        var fromProvider = PortalAccess.OwnProvider(actor) is not null;
        var providerName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        if (providerName is null || (fromProvider && PortalAccess.OwnProvider(actor) != providerId))
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        var text = check.Required(nameof(MessageInput.Text), "ett meddelande", input.Text, 4000);
        check.NoPersonalIdentityNumber(nameof(MessageInput.Text), "meddelandet", text);
        var (found, matter, refusal) = await MatterAsync(providerId, providerName, input.MatterKind, input.MatterId, cancellationToken);
        if (!found)
        {
            check.Add(nameof(MessageInput.MatterId), "Ärendet som meddelandet gäller finns inte.");
        }
        if (refusal is not null)
        {
            return SaveResult.Refused([.. check.Fail().Refusals, refusal]);
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var author = actor.DisplayName;
        var message = new PortalMessage
        {
            ProviderId = providerId,
            MatterKind = matter?.Kind,
            MatterId = matter?.Id,
            FromProvider = fromProvider,
            AuthorId = actor.UserId,
            AuthorName = author,
            Text = text,
            SentAt = clock.GetUtcNow(),
        };
        db.PortalMessages.Add(message);
        var title = matter?.Title ?? GeneralThreadTitle;
        var subject = $"Nytt meddelande i Uppsikt: {providerName} – {title}";
        if (fromProvider)
        {
            // The provider's message waits for the municipality's quality developers, each told as they chose (decision 0025).
            await handOffs.WaitsForAsync(new HandOff($"portal-message:{message.Id:N}", Roles.QualityDeveloper, subject,
                $"{author} har skrivit ett meddelande från {providerName} om: {title}.", PortalAccess.ThreadUrl(false, providerId, matter?.Kind, matter?.Id)),
                cancellationToken);
        }
        else
        {
            var where = $"Läs och svara under Vår portal → Meddelanden → {title} i Uppsikt."
                + links.LinkLine(PortalAccess.ThreadUrl(true, providerId, matter?.Kind, matter?.Id));
            foreach (var to in await recipients.ProviderAsync(providerId, cancellationToken))
            {
                await outbox.EnqueueAsync(to, subject, $"{author} har skrivit ett meddelande från kommunen om: {title}.\n\n{where}\n",
                    $"portal-message:{message.Id}:{to}", cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(message.Id);
    }

    /// <summary>
    /// The matter a thread of this provider is about: found with no matter for the general thread; not found when the kind is
    /// unknown or the caller cannot see the matter; refused when it belongs to another provider (bad input of <c>MatterId</c>).
    /// </summary>
    private async Task<(bool Found, PortalMatter? Matter, Refusal? Refusal)> MatterAsync(Guid providerId, string providerName, string? kind, Guid? id,
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
            : (true, null, Refusal.Invalid($"Ärendet hör till en annan anordnare än {providerName}. Skriv om det i den anordnarens portal.",
                nameof(MessageInput.MatterId)));
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
}
