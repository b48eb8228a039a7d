using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Retention;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Retention;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The app killed as <c>kill -9</c> does in the middle of an import, a save of several rows and a scheduled job (issue 11,
/// deliverable 8): nothing of the operation is left half-written, and after a restart the same operation succeeds and writes
/// everything once. The app runs as a process of its own (<see cref="AppProcess"/>); a lock the test holds keeps the operation
/// waiting inside its transaction while the process is killed. On PostgreSQL the test waits until the app's session waits for
/// that lock; on SQLite, whose single writer lock shows no waiters, until the app has begun a write transaction.
/// </summary>
public sealed class KillTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string AnyTransaction = "Beginning transaction";

    private static readonly Dictionary<string, string> NoSettings = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private bool Postgres => app.Database.Provider == DatabaseProvider.Postgres;

    private sealed record ImportReport(Guid Id, string Status, int RowsAdded, bool Interrupted, bool AlreadyImported);

    [Fact]
    public async Task AnImportKilledWhileWritingLeavesNoRowsAndTheSameFileImportsOnceAfterARestart()
    {
        var (_, token) = await app.CreateApiTokenAsync(Demo.QualityDeveloper);
        var rows = Enumerable.Range(1990, 5).Select(year => $"HT-NOJD;{Demo.OmsorgshusetSickla};{year};;{year - 1900}").ToList();
        var file = Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend("indikator;enhet;år;period;värde")) + "\n");
        var outcomes = await app.WithDbAsync(db => db.Outcomes.CountAsync(Cancel));
        var lastAudit = await app.LastAuditIdAsync();

        ImportReport? interrupted = null;
        await using (var killed = await AppProcess.StartAsync(app.Database, NoSettings, Cancel))
        {
            using var client = ClientOf(killed, token);
            if (Postgres)
            {
                // Held in two steps, so that the import has written its rows in its transaction when it is killed: first the
                // table, until the import waits to write it; then the audit lock, until the import waits to record its end.
                var table = await app.Database.HoldAsync("LOCK TABLE \"Outcomes\" IN EXCLUSIVE MODE", Cancel);
                IAsyncDisposable? audit = null;
                try
                {
                    interrupted = await UploadAsync(client, file, HttpStatusCode.Accepted);
                    await killed.WaitUntilAsync(() => app.Database.SomeoneWaitsForAsync("l.relation = '\"Outcomes\"'::regclass", Cancel),
                        "the import waits to write its rows", Cancel);
                    audit = await app.Database.HoldAsync(TestDatabase.AuditLock, Cancel);
                    await table.DisposeAsync();
                    await killed.WaitUntilAsync(() => app.Database.SomeoneWaitsForAsync("l.locktype = 'advisory'", Cancel),
                        "the import has written its rows and waits to record its end", Cancel);
                    await killed.KillAsync();
                }
                finally
                {
                    await table.DisposeAsync();
                    if (audit is not null)
                    {
                        await audit.DisposeAsync();
                    }
                }
            }
            else
            {
                // SQLite's upload waits for the write lock to record the import; the kill lands while it waits.
                await KillWhileHeldAsync(killed, "", () => UploadAsync(client, file, HttpStatusCode.Accepted));
            }
        }

        Assert.Equal(outcomes, await app.WithDbAsync(db => db.Outcomes.CountAsync(Cancel)));
        // At most the record of the upload itself, saved before the import began.
        var written = await AuditSinceAsync(lastAudit);
        Assert.True(written.Count <= 1 && written.All(a => a is ("DataImport", "Added")), string.Join(", ", written));

        await using var restarted = await AppProcess.StartAsync(app.Database, NoSettings, Cancel);
        using var again = ClientOf(restarted, token);
        if (interrupted is not null)
        {
            using var shown = await again.GetAsync($"/api/v1/indicator-results/imports/{interrupted.Id}", Cancel);
            Assert.True(JsonSerializer.Deserialize<ImportReport>(await Expect.OkAsync(shown), Api.Json)!.Interrupted);
        }
        var retried = await UploadAsync(again, file, HttpStatusCode.Accepted);
        await restarted.WaitUntilAsync(async () =>
        {
            using var poll = await again.GetAsync($"/api/v1/indicator-results/imports/{retried.Id}", Cancel);
            retried = JsonSerializer.Deserialize<ImportReport>(await Expect.OkAsync(poll), Api.Json)!;
            return retried.Status != "Running";
        }, "the retried import has finished", Cancel);
        Assert.Equal(("Succeeded", rows.Count), (retried.Status, retried.RowsAdded));
        Assert.Equal(outcomes + rows.Count, await app.WithDbAsync(db => db.Outcomes.CountAsync(Cancel)));
        Assert.True((await UploadAsync(again, file, HttpStatusCode.OK)).AlreadyImported);
    }

    [Fact]
    public async Task APlanStartedFromLastYearsKilledWhileSavingLeavesNothingAndIsSavedOnceAfterARestart()
    {
        var (_, token) = await app.CreateApiTokenAsync(Demo.QualityDeveloper);
        var choiceSystemId = await app.GetChoiceSystemIdAsync(Demo.ElderlyDayCare);
        var year = DateTime.UtcNow.Year;
        var activities = await app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.ChoiceSystemId == choiceSystemId && p.Year == year - 1)
            .Select(p => p.Activities.Count).SingleAsync(Cancel));
        Assert.True(activities > 1, "Last year's plan should have several activities, so that its copy is a save of several rows.");
        var lastAudit = await app.LastAuditIdAsync();
        var input = new { choiceSystemId, year, fromLastYear = true };

        await using (var killed = await AppProcess.StartAsync(app.Database, NoSettings, Cancel))
        {
            using var client = ClientOf(killed, token);
            await KillWhileHeldAsync(killed, "l.locktype = 'advisory'", () => client.PostAsJsonAsync("/api/v1/plans", input, Api.Json, Cancel));
        }

        Assert.Equal(0, await PlansAsync(choiceSystemId, year));
        Assert.Empty(await AuditSinceAsync(lastAudit));

        await using var restarted = await AppProcess.StartAsync(app.Database, NoSettings, Cancel);
        using var again = ClientOf(restarted, token);
        using (var created = await again.PostAsJsonAsync("/api/v1/plans", input, Api.Json, Cancel))
        {
            var plan = JsonDocument.Parse(await Expect.StatusAsync(created, HttpStatusCode.Created)).RootElement;
            Assert.Equal(activities, plan.GetProperty("activities").GetArrayLength());
        }
        Assert.Equal(1, await PlansAsync(choiceSystemId, year));
        var written = await AuditSinceAsync(lastAudit);
        Assert.Equal(activities, written.Count(a => a is (nameof(FollowUpActivity), "Added")));
    }

    [Fact]
    public async Task TheRetentionJobKilledWhileRemovingLeavesEveryRecordAndRemovesEachOnceAfterARestart()
    {
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var today = TimeProvider.System.SwedishToday();
        await app.WithDbAsync(db =>
        {
            db.CaseWorkerObservations.AddRange(Enumerable.Range(0, 3).Select(i => new CaseWorkerObservation
            {
                UnitId = unitId,
                ObservedOn = today.AddDays(-800 - i),
                Category = ComplaintCategory.Food,
                Severity = Severity.Minor,
                Summary = $"Gammal iakttagelse {i} (avbrottstest).",
                RecordedBy = "Test",
            }));
            return db.SaveChangesAsync(Cancel);
        });
        var expired = await ExpiredObservationsAsync();
        var observations = await app.WithDbAsync(db => db.CaseWorkerObservations.CountAsync(Cancel));
        var lastAudit = await app.LastAuditIdAsync();
        // The job runs every second, so a restarted app runs it again at once, as it would at its next scheduled time.
        var everySecond = new Dictionary<string, string> { ["Jobs:Enabled"] = "true", ["Retention:Schedule"] = "* * * * * ?" };

        await using (var held = await app.Database.HoldAsync("LOCK TABLE \"CaseWorkerObservations\" IN EXCLUSIVE MODE", Cancel))
        await using (var killed = await AppProcess.StartAsync(app.Database, everySecond, Cancel))
        {
            await WaitForInsideAsync(killed, "l.relation = '\"CaseWorkerObservations\"'::regclass", "the job waits to remove the observations");
            await killed.KillAsync();
        }

        Assert.Equal(observations, await app.WithDbAsync(db => db.CaseWorkerObservations.CountAsync(Cancel)));
        Assert.DoesNotContain(await AuditSinceAsync(lastAudit), a => a.EntityType == nameof(CaseWorkerObservation));

        await using var restarted = await AppProcess.StartAsync(app.Database, everySecond, Cancel);
        await restarted.WaitUntilAsync(async () => await ExpiredObservationsAsync() == 0, "the restarted job has removed the observations", Cancel);
        Assert.Equal(observations - expired, await app.WithDbAsync(db => db.CaseWorkerObservations.CountAsync(Cancel)));
        Assert.Equal(expired, (await AuditSinceAsync(lastAudit)).Count(a => a is (nameof(CaseWorkerObservation), AuditEntry.Purged)));
    }

    /// <summary>
    /// Holds the write lock (SQLite) or the lock <paramref name="postgresWait"/> names (PostgreSQL) while
    /// <paramref name="operation"/> runs against <paramref name="killed"/>, kills the app once it is inside, then lets go.
    /// </summary>
    private async Task KillWhileHeldAsync<T>(AppProcess killed, string postgresWait, Func<Task<T>> operation)
    {
        await using (await app.Database.HoldAsync(TestDatabase.AuditLock, Cancel))
        {
            var before = killed.LinesWritten;
            var running = operation();
            await WaitForInsideAsync(killed, postgresWait, "the operation waits inside its transaction", before);
            await killed.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => running);
        }
    }

    /// <summary>
    /// Waits until the app waits inside a transaction: on PostgreSQL for the lock <paramref name="postgresWait"/> picks out, on
    /// SQLite until it has begun a write transaction after its first <paramref name="skipped"/> lines of output.
    /// </summary>
    private Task WaitForInsideAsync(AppProcess process, string postgresWait, string what, int skipped = 0) =>
        process.WaitUntilAsync(() => Postgres ? app.Database.SomeoneWaitsForAsync(postgresWait, Cancel)
            : Task.FromResult(process.HasWritten(AnyTransaction, skipped)), what, Cancel);

    private static HttpClient ClientOf(AppProcess process, string token)
    {
        var client = process.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<ImportReport> UploadAsync(HttpClient client, byte[] file, HttpStatusCode expected)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", "avbrott.csv");
        using var response = await client.PostAsync("/api/v1/indicator-results/imports", content, Cancel);
        return JsonSerializer.Deserialize<ImportReport>(await Expect.StatusAsync(response, expected), Api.Json)!;
    }

    private Task<int> PlansAsync(Guid choiceSystemId, int year) =>
        app.WithDbAsync(db => db.FollowUpPlans.CountAsync(p => p.ChoiceSystemId == choiceSystemId && p.Year == year, Cancel));

    private Task<List<(string EntityType, string Action)>> AuditSinceAsync(long lastAudit) =>
        app.WithDbAsync(async db => (await db.AuditEntries.Where(a => a.Id > lastAudit).Select(a => new { a.EntityType, a.Action }).ToListAsync(Cancel))
            .Select(a => (a.EntityType, a.Action)).ToList());

    private async Task<int> ExpiredObservationsAsync()
    {
        var count = 0;
        await app.WithServicesAsync(async services =>
        {
            var status = await services.GetRequiredService<PersonalDataRetention>().StatusAsync(Cancel);
            count = status.Single(s => s.Kind == RetentionKind.Observations).ExpiredNow;
        });
        return count;
    }
}
