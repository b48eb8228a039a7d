using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Features.Portal.Attestations;
using Uppsikt.Web.Features.Portal.Changes;
using Uppsikt.Web.Features.Portal.Documents;
using Uppsikt.Web.Features.Portal.Threads;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal;

public sealed record PortalUnit(Guid Id, string Name, DateOnly? ClosedOn);

public sealed record PortalAuthorisation(Guid Id, string ChoiceSystemName, AuthorisationStatus Status, string? CaseNumber, DateOnly? ValidTo);

/// <summary>What the portal shows about one provider, to the provider itself or to the municipality.</summary>
public sealed record ProviderPortal(
    Guid ProviderId, string ProviderName, IReadOnlyList<PortalUnit> Units, IReadOnlyList<PortalAuthorisation> Authorisations,
    IReadOnlyList<PortalRequest> Requests, IReadOnlyList<DocumentRow> Documents, ThreadList Threads,
    IReadOnlyList<AttestationView> Attestations, IReadOnlyList<ChangeView> Changes);

public sealed record PortalProviderRow(Guid Id, string Name, int Messages, DateTimeOffset? LastMessageAt, int UnreadDocuments, int Changes);

/// <summary>
/// The provider portal as a whole: one provider's portal gathered from its parts (requests, documents, threads,
/// attestations, changes) and the municipality's overview of every provider. Every read goes through the scoped
/// <see cref="AppDbContext"/>, so a provider user asking about another provider finds nothing.
/// </summary>
public sealed class PortalHandler(
    AppDbContext db, PortalRequests requests, DocumentsHandler documents, ThreadsHandler threads, AttestationsHandler attestations,
    ChangesHandler changes)
{
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
        var reported = await changes.ForProviderAsync(providerId, cancellationToken);
        return new ProviderPortal(providerId, name, units, authorisations, await requests.ForProviderAsync(providerId, cancellationToken),
            await documents.DocumentsAsync(providerId, cancellationToken), await threads.ThreadsAsync(providerId, threadPage, cancellationToken),
            await attestations.ForProviderAsync(providerId, cancellationToken), reported);
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
}
