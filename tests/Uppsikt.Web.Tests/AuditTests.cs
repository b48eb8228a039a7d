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
        app.VerifyAuditAsync();

    private static string? NameIn(string? json)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Name").GetString();
    }
}

/// <summary>The audit trail is shown in Swedish: every kind of record and field by its Swedish name, values as the pages show them.</summary>
public sealed class AuditInSwedishTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAuditedKindAndFieldHasASwedishName()
    {
        var missing = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => t.ClrType != typeof(Uppsikt.Data.AuditEntry) && !typeof(Uppsikt.Data.IDerivedRow).IsAssignableFrom(t.ClrType))
            .SelectMany(t => new[] { t.HasSharedClrType ? t.Name : t.ClrType.Name }
                .Where(n => !AuditNames.Types.ContainsKey(n)).Select(n => "type " + n)
                .Concat(t.GetProperties().Where(p => !p.Name.StartsWith("__", StringComparison.Ordinal) && !AuditNames.Hidden.Contains(p.Name)).Select(p => p.Name)
                    .Where(n => !AuditNames.Fields.ContainsKey(n)).Select(n => "field " + n)))
            .Distinct().Order().ToList()));
        Assert.True(missing.Count == 0, "No Swedish name: " + string.Join(", ", missing));
        var known = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Select(p => p.Name)).ToHashSet(StringComparer.Ordinal)));
        var kinds = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Select(t => t.HasSharedClrType ? t.Name : t.ClrType.Name).ToHashSet(StringComparer.Ordinal)));
        var unused = AuditNames.Fields.Keys.Where(f => !known.Contains(f)).Concat(AuditNames.Types.Keys.Where(t => !kinds.Contains(t))).ToList();
        Assert.True(unused.Count == 0, "Names of no field: " + string.Join(", ", unused));
    }

    [Fact]
    public async Task AUnitsHistoryNamesTheChangedFieldInSwedishWithTheProviderByName()
    {
        var id = await app.GetUnitIdAsync("Språkbron Fisksätra (fiktiv)");
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var unit = await Api.GetUnitAsync(api, id);
        await Expect.OkAsync(await Api.PutUnitAsync(api, id, unit.ToChange() with { Capacity = 81 }));
        using var admin = await app.CreateClientAs(Demo.Admin);

        var html = await admin.GetStringAsync($"/Admin/Audit?entityType=Unit&entityId={id}", Cancel);

        Assert.Contains("Historik för enhet", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Kapacitet</dt>", html, StringComparison.Ordinal);
        Assert.Contains("80</span>", html, StringComparison.Ordinal);
        Assert.Contains("81</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Capacity", html, StringComparison.Ordinal);
        // The unit's creation names its provider by name, linked to the provider's history.
        Assert.Contains("<dt>Anordnare</dt>", html, StringComparison.Ordinal);
        Assert.Contains(">Språkbron, ideell förening (fiktiv)</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Söktext</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Regiform</dt>", html, StringComparison.Ordinal);
        Assert.Contains("Idéburen", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Conditions")]
    [InlineData("/Plans")]
    [InlineData("/Evidence/Complaints")]
    [InlineData("/Register/Units")]
    public async Task AnAdministratorFollowsARecordsPageToItsHistoryAndOthersSeeNoLink(string list)
    {
        using var admin = await app.CreateClientAs(Demo.Admin);
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var listHtml = await admin.GetStringAsync(list, Cancel);
        var details = System.Text.RegularExpressions.Regex.Match(listHtml, "href=\"(" + list + "/(Details/)?[0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(details);

        var page = await admin.GetStringAsync(details, Cancel);
        var history = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/Admin/Audit\\?entityType=\\w+&amp;entityId=[0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(history);
        var trail = await admin.GetStringAsync(System.Net.WebUtility.HtmlDecode(history), Cancel);
        Assert.Contains("Skapad", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("/Admin/Audit?entityType", await developer.GetStringAsync(details, Cancel), StringComparison.Ordinal);
    }
}
