using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Features.Admin;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Every write leaves an audit row in the same transaction, and the rows form an unbroken hash chain.</summary>
public sealed class AuditTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditingAUnitThroughTheApiRecordsWhoAndBeforeAndAfter()
    {
        var id = await app.GetUnitIdAsync("Klangskolan Älta (fiktiv)");
        var userId = await app.GetUserIdAsync(Demo.QualityDeveloper);
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var unit = await Api.GetUnitAsync(client, id);
        var lastBefore = await app.LastAuditIdAsync();

        using var response = await Api.PutUnitAsync(client, id, unit.ToChange() with { Name = "Klangskolan Älta, ny lokal (fiktiv)" });

        await Expect.OkAsync(response);
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > lastBefore).ToListAsync(Cancel));
        var entry = Assert.Single(entries, e => e.EntityType == "Unit");
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.Equal("Modified", entry.Action);
        Assert.Equal(Demo.QualityDeveloperName, entry.ActorName);
        Assert.Equal(userId, entry.ActorId);
        Assert.Equal("Klangskolan Älta (fiktiv)", NameIn(entry.Before));
        Assert.Equal("Klangskolan Älta, ny lokal (fiktiv)", NameIn(entry.After));
        Assert.InRange(entry.OccurredAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task AFailedSaveWritesNoAuditRow()
    {
        var id = await app.GetUnitIdAsync("Språkbron Fisksätra (fiktiv)");
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var unit = await Api.GetUnitAsync(client, id);
        using (var first = await Api.PutUnitAsync(client, id, unit.ToChange() with { Capacity = 81 }))
        {
            await Expect.OkAsync(first);
        }
        var lastBefore = await app.LastAuditIdAsync();

        using var stale = await Api.PutUnitAsync(client, id, unit.ToChange() with { Name = "Ska inte sparas" });

        await Expect.StatusAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(lastBefore, await app.LastAuditIdAsync());
        Assert.Equal("Språkbron Fisksätra (fiktiv)", (await Api.GetUnitAsync(client, id)).Name);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task TheChainOfTheDemoDataAndLaterEditsVerifies()
    {
        var id = await app.GetUnitIdAsync("Arbetsvägen Nacka (fiktiv)");
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var unit = await Api.GetUnitAsync(client, id);
        using (var response = await Api.PutUnitAsync(client, id, unit.ToChange() with { City = "Nacka strand" }))
        {
            await Expect.OkAsync(response);
        }

        var verdict = await VerifyAsync();
        var rows = await app.WithDbAsync(db => db.AuditEntries.CountAsync(Cancel));

        Assert.True(verdict.Intact, $"Broken at {verdict.FirstBrokenId}");
        Assert.Equal(rows, verdict.RowsChecked);
        Assert.True(rows > 50, $"Only {rows} audit rows: the demo data should have written many.");
    }

    [Fact]
    public async Task TheSyncAndAsyncSavesAuditAlikeAtTheTimeOfTheInjectedClock()
    {
        var clock = FixedClock.On(new DateOnly(2031, 5, 5));
        var lastBefore = await app.LastAuditIdAsync();
        await using (var db = app.Database.OpenContext(clock))
        {
            db.Administrations.Add(new Administration { Name = "Asynkron förvaltning (fiktiv)" });
            await db.SaveChangesAsync(Cancel);
            db.Administrations.Add(new Administration { Name = "Synkron förvaltning (fiktiv)" });
            db.SaveChanges();
        }

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > lastBefore).OrderBy(a => a.Id).ToListAsync(Cancel));

        Assert.Equal(["Asynkron förvaltning (fiktiv)", "Synkron förvaltning (fiktiv)"], entries.Select(e => NameIn(e.After)));
        Assert.All(entries, e => Assert.Equal((clock.GetUtcNow(), "test", "Added", "Administration"), (e.OccurredAt, e.ActorName, e.Action, e.EntityType)));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.True((await VerifyAsync()).Intact);
    }

    private Task<ChainVerdict> VerifyAsync() =>
        app.WithDbAsync(db => new AuditTrail(db).VerifyAsync(Cancel));

    private static string? NameIn(string? json)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Name").GetString();
    }
}
