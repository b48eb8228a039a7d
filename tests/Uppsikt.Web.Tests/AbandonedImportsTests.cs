using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Imports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// What a stopped server leaves of an import is cleared up by the daily job: an upload older than a day is deleted and an
/// import still "running" after a day is rejected as interrupted; an upload or import of today is left alone.
/// </summary>
public sealed class AbandonedImportsTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadsAndImportsLeftByAStoppedServerAreClearedAfterADayAndNothingNewer()
    {
        var folder = Path.Combine(app.Services.GetRequiredService<DatabaseSettings>().FullDataFolder, StoredUpload.Folder);
        Directory.CreateDirectory(folder);
        var now = TimeProvider.System.GetUtcNow();
        var old = Path.Combine(folder, "avbruten-test.upload");
        var fresh = Path.Combine(folder, "pagaende-test.upload");
        await File.WriteAllTextAsync(old, "enhet;värde", Cancel);
        await File.WriteAllTextAsync(fresh, "enhet;värde", Cancel);
        File.SetLastWriteTimeUtc(old, now.UtcDateTime.AddDays(-2));
        DataImport Import(string name, TimeSpan age) => new()
        {
            Kind = "Test",
            FileName = name,
            FileHash = Guid.NewGuid().ToString("N"),
            StartedAt = now - age,
            StartedByName = "Test",
        };
        var interrupted = Import("avbruten.csv", TimeSpan.FromDays(2));
        var running = Import("pagaende.csv", TimeSpan.FromMinutes(5));
        await using (var scope = app.Services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.DataImports.AddRange(interrupted, running);
            await db.SaveChangesAsync(Cancel);
        }

        await using (var scope = app.Services.CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<AbandonedImports>().RunAsync(Cancel);
        }

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        var records = await app.WithDbAsync(db => db.DataImports.AsNoTracking().Include(i => i.Problems)
            .Where(i => i.Id == interrupted.Id || i.Id == running.Id).ToDictionaryAsync(i => i.Id));
        Assert.Equal(ImportStatus.Rejected, records[interrupted.Id].Status);
        Assert.Equal(AbandonedImports.InterruptedMessage, Assert.Single(records[interrupted.Id].Problems).Message);
        Assert.Equal(ImportStatus.Running, records[running.Id].Status);
        File.Delete(fresh);
    }
}
