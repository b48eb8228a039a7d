using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Uppsikt.Data;
using Uppsikt.Domain.Audit;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Features.Admin;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Audit;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The keyed audit chain and its signed checkpoints (decision 0035): each way of tampering behind the application's back is
/// found and named. A class of its own, since each test breaks the chain; each puts back what it changed before it ends.
/// </summary>
public sealed class AuditChainTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewRowsAreSealedWithTheKeyAndTheTrailVerifiesAsIntact()
    {
        await EditAUnitAsync();

        var verdict = await app.VerifyAuditAsync();
        var keyIds = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.KeyId).Distinct().ToListAsync(Cancel));

        Assert.True(verdict.Intact, string.Join(" ", verdict.Findings.Select(f => f.Text)));
        Assert.Equal([AuditKeys.GeneratedKeyId], keyIds);
        Assert.True(File.Exists(AuditKeys.KeyFile(app.Database.DataFolder)), "The generated key is not in the data folder.");
        Assert.Contains(app.Log.Entries, e => e.Message.Contains("No audit key is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEditedRowIsFoundAtThatRowOnThePageToo()
    {
        var id = await EditAUnitAsync();
        var row = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == id, Cancel));

        await SetAfterAsync(id, row.After + " ");
        try
        {
            var verdict = await app.VerifyAuditAsync();

            var finding = Assert.Single(verdict.Findings);
            Assert.Equal((AuditFindingKind.HashMismatch, id), (finding.Kind, finding.RowId));
            Assert.Equal(id, verdict.FirstBrokenId);
            Assert.StartsWith($"Kedjan är bruten vid rad {id}: radens innehåll stämmer inte", finding.Text, StringComparison.Ordinal);
            var page = WebUtility.HtmlDecode(await PostAdminAsync("Verify"));
            Assert.Contains(finding.Text, page, StringComparison.Ordinal);
            Assert.Contains("Loggen har ändrats eller tagits bort i efterhand.", page, StringComparison.Ordinal);
        }
        finally
        {
            await SetAfterAsync(id, row.After);
        }
        Assert.True((await app.VerifyAuditAsync()).Intact);
    }

    [Fact]
    public async Task RowsDeletedFromTheEndAreFoundAgainstTheCheckpointWrittenOnThePage()
    {
        await EditAUnitAsync();
        var page = WebUtility.HtmlDecode(await PostAdminAsync("Checkpoint"));
        var checkpoint = (await ReadCheckpointsAsync())[^1];
        Assert.Contains($"Kontrollpunkten är skriven: ", page, StringComparison.Ordinal);
        Assert.Contains($"till och med rad {checkpoint.LastRowId}", page, StringComparison.Ordinal);
        Assert.Equal(await app.LastAuditIdAsync(), checkpoint.LastRowId);
        using (var admin = await app.CreateClientAs(Demo.Admin))
        {
            var status = WebUtility.HtmlDecode(await Expect.OkAsync(await admin.GetAsync("/Admin/Audit", Cancel)));
            Assert.Contains($"Senaste kontrollpunkten skrevs {SwedishText.Instant(checkpoint.At)} och går till rad {checkpoint.LastRowId}.", status, StringComparison.Ordinal);
        }
        var tail = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(2).ToListAsync(Cancel));

        var firstDeleted = tail[^1].Id;
        await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Id >= firstDeleted).ExecuteDeleteAsync(Cancel));
        try
        {
            // Not simply the row before the first deleted: ids have gaps where other tests took rows out again.
            var lastLeft = await app.LastAuditIdAsync();
            var verdict = await app.VerifyAuditAsync();

            var finding = Assert.Single(verdict.Findings);
            Assert.Equal((AuditFindingKind.RowsMissing, checkpoint.LastRowId), (finding.Kind, finding.RowId));
            Assert.True(lastLeft < firstDeleted);
            Assert.Contains($"till och med rad {checkpoint.LastRowId}, men databasen slutar vid rad {lastLeft}: rader har tagits bort i slutet",
                finding.Text, StringComparison.Ordinal);
            Assert.Equal(checkpoint, verdict.LatestCheckpoint);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                db.AuditEntries.AddRange(tail);
                return await db.SaveChangesAsync(Cancel);
            });
        }
        Assert.True((await app.VerifyAuditAsync()).Intact);
    }

    [Fact]
    public async Task AnEditedRowWithEveryLaterHashRecomputedByThePublishedUnkeyedRuleIsFoundAtThatRow()
    {
        await EditAUnitAsync();
        await EditAUnitAsync();
        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(4).ToListAsync(Cancel));
        rows.Reverse();

        // What someone with write access to the database and the published algorithm can do.
        var previous = rows[0].PreviousHash;
        var rewritten = new List<(long Id, string? After, string PreviousHash, string Hash)>();
        foreach (var row in rows)
        {
            var after = row.Id == rows[0].Id ? row.After + " " : row.After;
            var hash = AuditChain.ComputeHash(previous, row.ToRecord() with { After = after });
            rewritten.Add((row.Id, after, previous, hash));
            previous = hash;
        }
        await RewriteAsync(rewritten);
        try
        {
            var verdict = await app.VerifyAuditAsync();

            var finding = Assert.Single(verdict.Findings);
            Assert.Equal((AuditFindingKind.HashMismatch, rows[0].Id), (finding.Kind, finding.RowId));
        }
        finally
        {
            await RewriteAsync([.. rows.Select(r => (r.Id, r.After, r.PreviousHash, r.Hash))]);
        }
        Assert.True((await app.VerifyAuditAsync()).Intact);
    }

    [Fact]
    public async Task AnEditedCheckpointFileIsFound()
    {
        var checkpoint = await WriteCheckpointAsync();
        var path = CheckpointFile;
        var original = await File.ReadAllTextAsync(path, Cancel);
        var lines = original.TrimEnd('\n').Split('\n');
        Assert.Equal(checkpoint.ToLine(), lines[^1]);

        // A checkpoint moved back, as someone would to hide rows deleted since.
        lines[^1] = (checkpoint with { RowCount = checkpoint.RowCount - 1, LastRowId = checkpoint.LastRowId - 1 }).ToLine();
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", Cancel);
        try
        {
            var verdict = await app.VerifyAuditAsync();

            var finding = Assert.Single(verdict.Findings);
            Assert.Equal((AuditFindingKind.CheckpointInvalid, checkpoint.LastRowId - 1), (finding.Kind, finding.RowId));
            Assert.Equal($"Kontrollpunkten på rad {lines.Length} i kontrollpunktsfilen (rad {checkpoint.LastRowId - 1} i loggen) har en signatur som inte stämmer: filen har ändrats.", finding.Text);
        }
        finally
        {
            await File.WriteAllTextAsync(path, original, Cancel);
        }
        Assert.True((await app.VerifyAuditAsync()).Intact);
    }

    [Fact]
    public async Task TheDailyCheckpointIsWrittenOnceADayAndMailedToTheAuditor()
    {
        using var withAuditor = app.WithWebHostBuilder(builder => builder.UseSetting("Audit:AuditorEmail", "revisor@kommun.example"));
        await using var scope = withAuditor.Services.CreateSystemScope();
        var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
        await WriteCheckpointAsync();

        Assert.Null(await checkpoints.WriteDailyAsync(Cancel));

        var onDemand = await checkpoints.WriteAsync(Cancel);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DeduplicationKey == $"audit-checkpoint:{onDemand.Signature}", Cancel));
        Assert.Equal("revisor@kommun.example", mail.To);
        Assert.Contains(onDemand.ToLine(), mail.Body, StringComparison.Ordinal);
        Assert.Equal(onDemand, (await ReadCheckpointsAsync())[^1]);
    }

    [Fact]
    public async Task AfterRotationOldRowsVerifyWithTheRetiredKeyAndRowsOfAnUnconfiguredKeyAreNamed()
    {
        var generated = Convert.ToBase64String(Convert.FromBase64String((await File.ReadAllTextAsync(AuditKeys.KeyFile(app.Database.DataFolder), Cancel)).Trim()));
        using var rotated = app.WithWebHostBuilder(builder => builder
            .UseSetting("Audit:CurrentKeyId", "2027")
            .UseSetting($"Audit:Keys:{AuditKeys.GeneratedKeyId}", generated)
            .UseSetting("Audit:Keys:2027", Convert.ToBase64String(AuditKeyRing.NewKey())));
        var lastBefore = await app.LastAuditIdAsync();
        await using (var scope = rotated.Services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Administrations.Add(new Administration { Name = "Förvaltningen efter bytet (fiktiv)" });
            await db.SaveChangesAsync(Cancel);
        }
        try
        {
            await using var scope = rotated.Services.CreateSystemScope();
            var underRotation = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync(Cancel);
            var newRows = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Id > lastBefore).Select(a => a.KeyId).ToListAsync(Cancel));
            var withoutTheNewKey = await app.VerifyAuditAsync();

            Assert.True(underRotation.Intact, string.Join(" ", underRotation.Findings.Select(f => f.Text)));
            Assert.Equal(["2027"], newRows.Distinct());
            var finding = Assert.Single(withoutTheNewKey.Findings);
            Assert.Equal((AuditFindingKind.UnknownKey, lastBefore + 1), (finding.Kind, finding.RowId));
            Assert.Contains("nyckeln ”2027”", finding.Text, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Id > lastBefore).ExecuteDeleteAsync(Cancel));
            await app.WithDbAsync(db => db.Administrations.Where(a => a.Name == "Förvaltningen efter bytet (fiktiv)").ExecuteDeleteAsync(Cancel));
        }
        Assert.True((await app.VerifyAuditAsync()).Intact);
    }

    [Fact]
    public void InProductionWithoutKeysTheAppRefusesToStartNamingTheSetting()
    {
        using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production").UseSetting("Database:SeedDemoData", "false"));

        var error = Assert.ThrowsAny<Exception>(() => production.Server);

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException(), exactMatch: false);
        Assert.StartsWith("Audit:Keys saknas: ändringsloggen kan inte förseglas.", validation.Message, StringComparison.Ordinal);
    }

    /// <summary>Changes a unit through the API and returns the id of the audit row of the change.</summary>
    private async Task<long> EditAUnitAsync()
    {
        var id = await app.GetUnitIdAsync("Exempelgårdens dagverksamhet (fiktiv)");
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var unit = await Api.GetUnitAsync(client, id);
        using (var response = await Api.PutUnitAsync(client, id, unit.ToChange() with { Capacity = (unit.Capacity ?? 10) + 1 }))
        {
            await Expect.OkAsync(response);
        }
        return await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Unit" && a.EntityId == id.ToString() && a.Action == "Modified")
            .MaxAsync(a => a.Id, Cancel));
    }

    private Task SetAfterAsync(long id, string? after) =>
        app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {after} WHERE \"Id\" = {id}", Cancel));

    private async Task RewriteAsync(List<(long Id, string? After, string PreviousHash, string Hash)> rows)
    {
        foreach (var (id, after, previous, hash) in rows)
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEntries\" SET \"After\" = {after}, \"PreviousHash\" = {previous}, \"Hash\" = {hash} WHERE \"Id\" = {id}", Cancel));
        }
    }

    private async Task<AuditCheckpoint> WriteCheckpointAsync()
    {
        await using var scope = app.Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(Cancel);
    }

    private string CheckpointFile => app.Services.GetRequiredService<AuditCheckpointLog>().FilePath;

    private async Task<List<AuditCheckpoint>> ReadCheckpointsAsync() =>
        [.. (await app.Services.GetRequiredService<AuditCheckpointLog>().ReadAsync(Cancel)).Select(l => l.Checkpoint!)];

    private async Task<string> PostAdminAsync(string handler)
    {
        using var admin = await app.CreateClientAs(Demo.Admin);
        using var response = await Forms.SubmitAsync(admin, "/Admin/Audit", [], $"/Admin/Audit?handler={handler}");
        return await Expect.OkAsync(response);
    }
}
