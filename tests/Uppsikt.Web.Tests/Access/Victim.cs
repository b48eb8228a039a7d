using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Portal;
using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests.Access;

/// <summary>Provider B, whose data provider user A tries to reach: its ids to aim at and every name that must not show.</summary>
public sealed record Victim(
    string ProviderName,
    Guid ProviderId,
    string OrganisationNumber,
    Guid UnitId,
    string UnitName,
    int UnitVersion,
    Guid AuthorisationId,
    Guid ChoiceSystemId,
    Guid CommitteeId,
    Guid ServiceId,
    Guid LevelId,
    Guid PersonId,
    Guid SubcontractorId,
    Guid ApiTokenId,
    Guid ComplaintId,
    Guid IncidentId,
    Guid FileId,
    Guid PortalMessageId,
    Guid PortalDocumentId,
    Guid AttestationRoundId,
    Guid AttestationId,
    Guid QualityReportId,
    Guid QualityReportTemplateId,
    Guid ReviewId,
    Guid ActionPlanId,
    Guid SanctionId,
    IReadOnlyList<Guid> EntityIds,
    IReadOnlyList<string> Names)
{
    /// <summary>Loads provider <paramref name="providerName"/> and gives its user an API token, so there is one to aim at.</summary>
    public static async Task<Victim> LoadAsync(UppsiktApp app, string providerName, string userEmail)
    {
        var tokenName = $"Integration för {providerName}";
        var (tokenId, _) = await app.CreateApiTokenAsync(userEmail, tokenName);
        var evidence = await AddEvidenceAsync(app, providerName);
        var portal = await AddPortalAsync(app, providerName);
        // A review whose report is communicated: B's users may read it, A must not even learn it exists.
        var reviewMarker = $"Granskning av {providerName} (testdata)";
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(providerName, Domain.Reviews.ReviewState.Communicated, reviewMarker));
        // A final review's deficiencies in an action plan: B's to fix, A's to know nothing of.
        var deficiencyMarker = $"Brister hos {providerName} (testdata)";
        var finalId = await TestReviews.SeedAsync(app, new ReviewSpec(providerName, Domain.Reviews.ReviewState.Final, deficiencyMarker));
        var evidenceName = $"Underlag hos {providerName}.txt";
        // A sanction the committee decided on B's plan: B reads it and its letter, A must not.
        var sanctionMarker = $"Sanktion mot {providerName} (testdata)";
        var sanctionPlanId = await app.WithDbAsync(db => db.ActionPlans.AsNoTracking().Where(p => p.OriginId == finalId).Select(p => p.Id).SingleAsync());
        var sanctionId = await TestSanctions.SeedAsync(app, sanctionPlanId, Domain.Sanctions.SanctionState.Decided, sanctionMarker);
        await app.WithServicesAsync(async services =>
        {
            var plan = await services.GetRequiredService<AppDbContext>().ActionPlans.AsNoTracking().SingleAsync(p => p.OriginId == finalId);
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(deficiencyMarker));
            await services.GetRequiredService<FileStore>().StoreAsync(Web.Features.Deficiencies.ActionPlansHandler.FileOwnerType, plan.Id, plan.ProviderId,
                evidenceName, FileContentCheck.ForExtension(evidenceName)!, content, "test", CancellationToken.None);
        });
        return await app.WithDbAsync(async db =>
        {
            var provider = await db.Providers.AsNoTracking().Include(p => p.People).Include(p => p.Subcontractors)
                .SingleAsync(p => p.Name == providerName);
            var units = await db.Units.AsNoTracking().Where(u => u.ProviderId == provider.Id).OrderBy(u => u.Name).ToListAsync();
            var authorisations = await db.Authorisations.AsNoTracking().Where(a => a.ProviderId == provider.Id).ToListAsync();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == userEmail);
            var choiceSystem = await db.ChoiceSystems.AsNoTracking().Include(c => c.Services)
                .SingleAsync(c => c.Id == authorisations[0].ChoiceSystemId);
            var report = await db.QualityReports.AsNoTracking().Where(r => r.ProviderId == provider.Id)
                .OrderByDescending(r => r.Template!.Year).Select(r => new { r.Id, r.TemplateId }).FirstAsync();
            var levelId = await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Code).Select(l => l.Id).FirstAsync();
            var actionPlanId = await db.ActionPlans.AsNoTracking().Where(p => p.OriginId == finalId).Select(p => p.Id).SingleAsync();
            string?[] names =
            [
                provider.Name, provider.OrganisationNumber, provider.Email, provider.ParentCompanyName, provider.ParentCompanyOrganisationNumber,
                provider.PreparednessNotes, user.Email, user.DisplayName, tokenName,
                .. units.Select(u => u.Name), .. authorisations.Select(a => a.CaseNumber),
                .. provider.People.Select(p => p.Name), .. provider.Subcontractors.Select(s => s.Name),
                evidence.Marker, evidence.FileName, portal.Marker, reviewMarker, deficiencyMarker, evidenceName, sanctionMarker,
            ];
            return new Victim(
                provider.Name, provider.Id, provider.OrganisationNumber, units[0].Id, units[0].Name, units[0].Version, authorisations[0].Id,
                choiceSystem.Id, choiceSystem.CommitteeId, choiceSystem.Services[0].Id, levelId,
                provider.People.OrderBy(p => p.Name).First().Id, provider.Subcontractors.OrderBy(s => s.Name).First().Id, tokenId,
                evidence.ComplaintId, evidence.IncidentId, evidence.FileId, portal.MessageId, portal.DocumentId, portal.RoundId, portal.AttestationId,
                report.Id, report.TemplateId, reviewId, actionPlanId, sanctionId,
                [provider.Id, actionPlanId, sanctionId, tokenId, evidence.ComplaintId, evidence.IncidentId, evidence.FileId, portal.MessageId, portal.DocumentId, portal.AttestationId, report.Id, reviewId,
                    .. units.Select(u => u.Id), .. authorisations.Select(a => a.Id),
                    .. provider.People.Select(p => p.Id), .. provider.Subcontractors.Select(s => s.Id)],
                [.. names.OfType<string>().Where(n => n.Length > 0).Distinct()]);
        });
    }

    /// <summary>
    /// Gives B a complaint forwarded to it, an open serious incident awaiting its referral stance and a file on the complaint,
    /// each carrying a marker text that must never show to A.
    /// </summary>
    private static async Task<(Guid ComplaintId, Guid IncidentId, Guid FileId, string Marker, string FileName)> AddEvidenceAsync(UppsiktApp app, string providerName)
    {
        var marker = $"Underlag om {providerName} (testdata)";
        var fileName = $"Bilaga för {providerName}.txt";
        (Guid, Guid, Guid) ids = default;
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var unitId = await db.Units.Where(u => u.Provider!.Name == providerName).OrderBy(u => u.Name).Select(u => u.Id).FirstAsync();
            var today = TimeProvider.System.SwedishToday();
            var complaint = new Complaint
            {
                UnitId = unitId,
                ReceivedOn = today,
                Channel = ComplaintChannel.Email,
                Category = ComplaintCategory.Care,
                Severity = Severity.Moderate,
                Summary = marker,
            };
            complaint.Forward(today.AddDays(14), today);
            var incident = new Incident
            {
                UnitId = unitId,
                Kind = IncidentKind.LexSarah,
                Severity = Severity.Serious,
                OccurredOn = today,
                ReportedOn = today,
                ReportedBy = IncidentReporter.Provider,
                Summary = marker,
            };
            db.AddRange(complaint, incident);
            await db.SaveChangesAsync();
            var providerId = await db.Units.Where(u => u.Id == unitId).Select(u => u.ProviderId).SingleAsync();
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(marker));
            var stored = await services.GetRequiredService<FileStore>().StoreAsync(ComplaintsHandler.FileOwnerType, complaint.Id, providerId, fileName,
                FileContentCheck.ForExtension(fileName)!, content, "test", CancellationToken.None);
            ids = (complaint.Id, incident.Id, stored.Id!.Value);
        });
        return (ids.Item1, ids.Item2, ids.Item3, marker, fileName);
    }

    /// <summary>
    /// Gives B a portal message, a document sent to it and a signed attestation (in a round of its own year, shared by both
    /// victims), each carrying a marker text that must never show to A.
    /// </summary>
    private static async Task<(Guid MessageId, Guid DocumentId, Guid RoundId, Guid AttestationId, string Marker)> AddPortalAsync(UppsiktApp app, string providerName)
    {
        var marker = $"Portalärende för {providerName} (testdata)";
        return await app.WithDbAsync(async db =>
        {
            var providerId = await db.Providers.Where(p => p.Name == providerName).Select(p => p.Id).SingleAsync();
            var choiceSystemId = await db.Authorisations.Where(a => a.ProviderId == providerId && a.Status == Domain.Register.AuthorisationStatus.Active)
                .OrderBy(a => a.Id).Select(a => a.ChoiceSystemId).FirstAsync();
            var round = await db.AttestationRounds.FirstOrDefaultAsync(r => r.Year == 2001);
            if (round is null)
            {
                round = new AttestationRound { Year = 2001, OpenedOn = new DateOnly(2001, 1, 1), DueOn = new DateOnly(2001, 3, 31) };
                db.AttestationRounds.Add(round);
            }
            var message = new PortalMessage { ProviderId = providerId, AuthorName = "Testare (fiktiv)", Text = marker, SentAt = DateTimeOffset.UtcNow };
            var document = new PortalDocument { ProviderId = providerId, Title = marker, SentBy = "Testare (fiktiv)", SentAt = DateTimeOffset.UtcNow };
            var attestation = new Attestation
            {
                RoundId = round.Id,
                ProviderId = providerId,
                ChoiceSystemId = choiceSystemId,
                Answers = [new AttestationAnswer { ConditionId = Guid.CreateVersion7(), ConditionCode = "T1", ConditionTitle = "Testvillkor", Met = false, Explanation = marker }],
            };
            attestation.Sign("Testare (fiktiv)", "Testroll", DateTimeOffset.UtcNow);
            db.AddRange(message, document, attestation);
            await db.SaveChangesAsync();
            return (message.Id, document.Id, round.Id, attestation.Id, marker);
        });
    }

    /// <summary>Everything of B that a write could change, as one comparable text.</summary>
    public Task<string> FingerprintAsync(UppsiktApp app) => app.WithDbAsync(async db =>
    {
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == ProviderId).Select(p => $"{p.Name}:{p.Version}").SingleAsync();
        var units = await db.Units.AsNoTracking().Where(u => u.ProviderId == ProviderId).OrderBy(u => u.Id)
            .Select(u => $"{u.Id}:{u.Name}:{u.Version}").ToListAsync();
        var authorisations = await db.Authorisations.AsNoTracking().Where(a => a.ProviderId == ProviderId).OrderBy(a => a.Id)
            .Select(a => $"{a.Id}:{a.Status}:{a.Version}").ToListAsync();
        var people = await db.ProviderPeople.AsNoTracking().Where(p => p.ProviderId == ProviderId).OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Version}").ToListAsync();
        var users = await db.Users.AsNoTracking().Where(u => u.ProviderId == ProviderId).OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.ConcurrencyStamp}").ToListAsync();
        var token = await db.ApiTokens.AsNoTracking().Where(t => t.Id == ApiTokenId).Select(t => t.RevokedAt == null ? "valid" : "revoked").SingleAsync();
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.Unit!.ProviderId == ProviderId).OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Status}:{c.Version}").ToListAsync();
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.Unit!.ProviderId == ProviderId).OrderBy(i => i.Id)
            .Select(i => $"{i.Id}:{i.Status}:{i.Referrals.Count}:{i.Version}").ToListAsync();
        var files = await db.StoredFiles.AsNoTracking().Where(f => f.ProviderId == ProviderId).OrderBy(f => f.Id).Select(f => $"{f.Id}:{f.Sha256}").ToListAsync();
        List<string> portal =
        [
            .. await db.PortalMessages.AsNoTracking().Where(m => m.ProviderId == ProviderId).OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Version}").ToListAsync(),
            .. await db.PortalDocuments.AsNoTracking().Where(d => d.ProviderId == ProviderId).OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.ReadAt}:{d.Version}").ToListAsync(),
            .. await db.Attestations.AsNoTracking().Where(a => a.ProviderId == ProviderId).OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Version}").ToListAsync(),
            .. await db.DutyToInformReports.AsNoTracking().Where(r => r.ProviderId == ProviderId).OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Version}").ToListAsync(),
        ];
        var reports = await db.QualityReports.AsNoTracking().Where(r => r.ProviderId == ProviderId).OrderBy(r => r.Id)
            .Select(r => $"{r.Id}:{r.State}:{r.Answers.Count}:{r.CompletionRequests.Count}:{r.Version}").ToListAsync();
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ProviderId == ProviderId).OrderBy(r => r.Id)
            .Select(r => $"{r.Id}:{r.State}:{r.Responses.Count}:{r.DisputedAt}:{r.Version}").ToListAsync();
        return string.Join(Environment.NewLine, [provider, .. units, .. authorisations, .. people, .. users, token, .. complaints, .. incidents, .. files, .. portal, .. reports, .. reviews]);
    });

    /// <summary>Audit rows written after <paramref name="lastAuditId"/> that touch B: the trace any successful write would leave.</summary>
    public Task<List<string>> AuditedChangesSinceAsync(UppsiktApp app, long lastAuditId) => app.WithDbAsync(async db =>
    {
        var ids = EntityIds.Select(id => id.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var provider = ProviderId.ToString();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAuditId).ToListAsync();
        return rows.Where(a => ids.Contains(a.EntityId)
                || (a.Before?.Contains(provider, StringComparison.OrdinalIgnoreCase) ?? false)
                || (a.After?.Contains(provider, StringComparison.OrdinalIgnoreCase) ?? false))
            .Select(a => $"audit row {a.Id}: {a.ActorName} {a.Action} {a.EntityType} {a.EntityId}")
            .ToList();
    });

    /// <summary>A search that finds B's first unit, short of its whole name: a page that echoes the search is not showing the unit.</summary>
    public string UnitSearch => UnitName[..^1];

    public IReadOnlyList<string> NamesIn(string text) => [.. Names.Where(n => text.Contains(n, StringComparison.Ordinal))];
}
