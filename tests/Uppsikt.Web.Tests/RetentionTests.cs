using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Features.Evidence.Incidents;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Retention;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Retention (decision 0038): the daily job removes closed records about service users whose period has ended, with their files,
/// and leaves open and recent ones; the audit trail says what was removed and why but not what it said; the periods are settings,
/// and the admin page shows them with what waits and what was removed.
/// </summary>
public sealed class RetentionTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    private Task<IReadOnlyDictionary<Domain.Retention.RetentionKind, int>> RunAsync() => RunOnAsync(app.Services);

    private static async Task<IReadOnlyDictionary<Domain.Retention.RetentionKind, int>> RunOnAsync(IServiceProvider services)
    {
        await using var scope = services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().RemoveExpiredAsync(Cancel);
    }

    /// <summary>A complaint received and closed the given number of days ago; with <paramref name="closedDaysAgo"/> null, still with the provider.</summary>
    private async Task<Complaint> ComplaintAsync(string summary, int receivedDaysAgo, int? closedDaysAgo)
    {
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var complaint = new Complaint
        {
            UnitId = unitId,
            ReceivedOn = Today.AddDays(-receivedDaysAgo),
            Channel = ComplaintChannel.Letter,
            Category = ComplaintCategory.Care,
            Severity = Severity.Moderate,
            Summary = summary,
        };
        Assert.Null(complaint.Forward(Today.AddDays(-receivedDaysAgo + 20), Today.AddDays(-receivedDaysAgo + 1)));
        if (closedDaysAgo is { } closed)
        {
            Assert.Null(complaint.Close("Avslutat (gallringstest).", Today.AddDays(-closed)));
        }
        await app.WithDbAsync(async db =>
        {
            db.Complaints.Add(complaint);
            return await db.SaveChangesAsync(Cancel);
        });
        return complaint;
    }

    private async Task<Incident> IncidentAsync(string summary, int occurredDaysAgo, int? closedDaysAgo)
    {
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var incident = new Incident
        {
            UnitId = unitId,
            Kind = IncidentKind.Deviation,
            Severity = Severity.Minor,
            OccurredOn = Today.AddDays(-occurredDaysAgo),
            ReportedOn = Today.AddDays(-occurredDaysAgo),
            ReportedBy = IncidentReporter.Provider,
            Summary = summary,
        };
        if (closedDaysAgo is { } closed)
        {
            Assert.Null(incident.Close("Avslutad (gallringstest).", Today.AddDays(-closed)));
        }
        await app.WithDbAsync(async db =>
        {
            db.Incidents.Add(incident);
            return await db.SaveChangesAsync(Cancel);
        });
        return incident;
    }

    private async Task<Guid> ObservationAsync(string summary, int observedDaysAgo)
    {
        var observation = new CaseWorkerObservation
        {
            UnitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla),
            ObservedOn = Today.AddDays(-observedDaysAgo),
            Category = ComplaintCategory.Food,
            Severity = Severity.Minor,
            Summary = summary,
            RecordedBy = "Test",
        };
        await app.WithDbAsync(async db =>
        {
            db.CaseWorkerObservations.Add(observation);
            return await db.SaveChangesAsync(Cancel);
        });
        return observation.Id;
    }

    /// <summary>Attaches a small text file to the matter as the demo does; returns the file's id.</summary>
    private async Task<Guid> AttachAsync(string ownerType, Guid ownerId, string text)
    {
        Guid id = default;
        await app.WithServicesAsync(async services =>
        {
            var name = "gallringstest.txt";
            var stored = await services.GetRequiredService<FileStore>().StoreAsync(ownerType, ownerId, null, name, FileContentCheck.ForExtension(name)!,
                new MemoryStream(Encoding.UTF8.GetBytes(text)), "Test", Cancel);
            id = stored.Id!.Value;
        });
        return id;
    }

    private string FilePath(Guid id)
    {
        var name = id.ToString("N");
        var folder = app.Services.GetRequiredService<FileSettings>().FullFolder(app.Services.GetRequiredService<DatabaseSettings>());
        return Path.Combine(folder, name[^2..], name);
    }

    [Fact]
    public async Task ExpiredClosedRecordsGoWithTheirFilesAndOpenOrRecentOnesStay()
    {
        var providerId = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        var oldComplaint = await ComplaintAsync("Gammalt klagomål (gallringstest).", 900, 800);
        var oldFile = await AttachAsync(ComplaintsHandler.FileOwnerType, oldComplaint.Id, "Gammal bilaga (gallringstest).");
        var message = new PortalMessage
        {
            ProviderId = providerId,
            MatterKind = ComplaintsHandler.FileOwnerType,
            MatterId = oldComplaint.Id,
            AuthorName = "Test",
            Text = "Om det gamla klagomålet (gallringstest).",
            SentAt = DateTimeOffset.UtcNow.AddDays(-850),
        };
        await app.WithDbAsync(async db =>
        {
            db.PortalMessages.Add(message);
            return await db.SaveChangesAsync(Cancel);
        });
        var recentComplaint = await ComplaintAsync("Nyligen avslutat klagomål (gallringstest).", 20, 10);
        var openComplaint = await ComplaintAsync("Gammalt men öppet klagomål (gallringstest).", 2000, null);
        var oldIncident = await IncidentAsync("Gammal avvikelse (gallringstest).", 2000, 1900);
        var incidentFile = await AttachAsync(IncidentsHandler.FileOwnerType, oldIncident.Id, "Utredning (gallringstest).");
        var openIncident = await IncidentAsync("Gammal men öppen avvikelse (gallringstest).", 2500, null);
        var oldObservation = await ObservationAsync("Gammal iakttagelse (gallringstest).", 800);
        var recentObservation = await ObservationAsync("Ny iakttagelse (gallringstest).", 30);
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.TryggaHander, ReviewState.Closed, "(gallringstest)"));
        await app.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == reviewId, Cancel);
            db.Entry(review).Property(r => r.ClosedOn).CurrentValue = Today.AddDays(-800);
            return await db.SaveChangesAsync(Cancel);
        });
        Assert.True(File.Exists(FilePath(oldFile)));

        var removed = await RunAsync();

        Assert.True(removed[Domain.Retention.RetentionKind.Complaints] >= 1);
        var left = await app.WithDbAsync(async db => new
        {
            Complaints = await db.Complaints.Select(c => c.Id).ToListAsync(Cancel),
            Incidents = await db.Incidents.Select(i => i.Id).ToListAsync(Cancel),
            Observations = await db.CaseWorkerObservations.Select(o => o.Id).ToListAsync(Cancel),
            Files = await db.StoredFiles.Select(f => f.Id).ToListAsync(Cancel),
            Messages = await db.PortalMessages.Select(m => m.Id).ToListAsync(Cancel),
            Notes = await db.InterviewNotes.CountAsync(n => n.ReviewId == reviewId, Cancel),
            Review = await db.Reviews.AnyAsync(r => r.Id == reviewId, Cancel),
        });
        Assert.DoesNotContain(oldComplaint.Id, left.Complaints);
        Assert.Contains(recentComplaint.Id, left.Complaints);
        Assert.Contains(openComplaint.Id, left.Complaints);
        Assert.DoesNotContain(oldIncident.Id, left.Incidents);
        Assert.Contains(openIncident.Id, left.Incidents);
        Assert.DoesNotContain(oldObservation, left.Observations);
        Assert.Contains(recentObservation, left.Observations);
        Assert.DoesNotContain(oldFile, left.Files);
        Assert.DoesNotContain(incidentFile, left.Files);
        Assert.DoesNotContain(message.Id, left.Messages);
        Assert.Equal(0, left.Notes);
        Assert.True(left.Review);
        Assert.False(File.Exists(FilePath(oldFile)));
        Assert.False(File.Exists(FilePath(incidentFile)));

        // A second run finds nothing more of these.
        Assert.Equal(0, (await RunAsync())[Domain.Retention.RetentionKind.Complaints]);
    }

    [Fact]
    public async Task TheAuditRowOfARemovalSaysWhyButNotWhatTheRecordSaid()
    {
        var complaint = await ComplaintAsync("Hemlig uppgift om brukaren (gallringstest).", 900, 800);
        var fileId = await AttachAsync(ComplaintsHandler.FileOwnerType, complaint.Id, "Bilaga (gallringstest).");

        await RunAsync();

        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "Complaint" && a.EntityId == complaint.Id.ToString()) || (a.EntityType == "StoredFile" && a.EntityId == fileId.ToString()))
            .Where(a => a.Action == AuditEntry.Purged).ToListAsync(Cancel));
        Assert.Equal(["Complaint", "StoredFile"], rows.Select(r => r.EntityType).Order());
        foreach (var row in rows)
        {
            Assert.Null(row.After);
            Assert.Equal("Gallrad enligt gallringsfrist 24 månader (Synpunkter och klagomål)", JsonSerializer.Deserialize<string>(row.Before!));
            Assert.DoesNotContain("Hemlig", row.Before!, StringComparison.Ordinal);
            Assert.DoesNotContain("gallringstest.txt", row.Before!, StringComparison.Ordinal);
        }
        Assert.True((await app.VerifyAuditAsync()).Intact);

        using var admin = await app.CreateClientAs(Demo.Admin);
        var history = await Expect.OkAsync(await admin.GetAsync($"/Admin/Audit?entityType=Complaint&entityId={complaint.Id}", Cancel));
        Assert.Contains("Gallrad enligt gallringsfrist 24 månader (Synpunkter och klagomål)", history, StringComparison.Ordinal);
        Assert.Contains("<td>Gallrad</td>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemovalByRetentionSavesNothingButRemovals()
    {
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var lastAudit = await app.LastAuditIdAsync();

        await app.WithDbAsync(async db =>
        {
            db.CaseWorkerObservations.Add(new CaseWorkerObservation
            {
                UnitId = unitId,
                ObservedOn = Today,
                Category = ComplaintCategory.Food,
                Severity = Severity.Minor,
                Summary = "Ny (gallringstest).",
            });
            return await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveRemovalsByRetentionAsync("Gallrad (test)", Cancel));
        });

        Assert.Equal(lastAudit, await app.LastAuditIdAsync());
    }

    [Fact]
    public async Task AShorterPeriodInTheSettingsRemovesWhatTheDefaultKeeps()
    {
        var complaint = await ComplaintAsync("Avslutat för tre månader sedan (gallringstest).", 120, 100);
        await RunAsync();
        Assert.True(await app.WithDbAsync(db => db.Complaints.AnyAsync(c => c.Id == complaint.Id, Cancel)));

        using var shorter = app.WithWebHostBuilder(builder => builder.UseSetting("Retention:ComplaintMonths", "2"));
        var removed = await RunOnAsync(shorter.Services);

        Assert.True(removed[Domain.Retention.RetentionKind.Complaints] >= 1);
        Assert.False(await app.WithDbAsync(db => db.Complaints.AnyAsync(c => c.Id == complaint.Id, Cancel)));
    }

    [Fact]
    public async Task TheAdminPageShowsEachPeriodWhatWaitsAndWhatWasRemoved()
    {
        await RunAsync();
        using var admin = await app.CreateClientAs(Demo.Admin);
        var before = await Expect.OkAsync(await admin.GetAsync("/Admin/Retention", Cancel));
        Assert.Contains("Synpunkter och klagomål", before, StringComparison.Ordinal);
        Assert.Contains("Retention:ComplaintMonths", before, StringComparison.Ordinal);
        Assert.Contains("60 månader", before, StringComparison.Ordinal);

        await ObservationAsync("Väntar på gallring (gallringstest).", 800);
        var waiting = await Expect.OkAsync(await admin.GetAsync("/Admin/Retention", Cancel));
        Assert.Matches("Handläggares erfarenheter</th>\\s*<td>24 månader</td>\\s*<td>[^<]*</td>\\s*<td><code>Retention:ObservationMonths</code></td>\\s*<td>1 post</td>", waiting);

        await RunAsync();
        var after = await Expect.OkAsync(await admin.GetAsync("/Admin/Retention", Cancel));
        // The column counts the observations removed on the day of the last removal: the other tests of the class remove some too.
        var last = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditEntry.Purged).OrderByDescending(a => a.Id).Select(a => a.OccurredAt).FirstAsync(Cancel));
        var dayStart = SwedishCalendar.StartOf(SwedishCalendar.DateOf(last));
        var removedToday = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditEntry.Purged && a.EntityType == "CaseWorkerObservation" && a.OccurredAt >= dayStart, Cancel));
        Assert.True(removedToday >= 1);
        Assert.Matches($"Retention:ObservationMonths</code></td>\\s*<td>0 poster</td>\\s*<td>{SwedishText.Count(removedToday, "post", "poster")}</td>", after);
        Assert.Contains("Senast gallrades poster", after, StringComparison.Ordinal);
    }
}
