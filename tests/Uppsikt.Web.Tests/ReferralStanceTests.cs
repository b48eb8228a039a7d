using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Audit;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Stances on referral on every serious matter (rule 4, decision 0029): recorded on deficiencies as on incidents and complaints,
/// with the same refusals; read only by the municipality, on the pages, in the API and on the timeline; and the incidents'
/// stances of an older database moved into the one table, none lost.
/// </summary>
public sealed class ReferralStanceTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string AltaUnit = "Omsorgshuset Hemtjänst Älta (fiktiv)";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Today => TimeProvider.System.SwedishToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The demo's approved plan at Älta and its serious deficiency, which has the municipality's stances on IVO and the police.</summary>
    private Task<(Guid PlanId, Guid DeficiencyId, int Version)> AltaAsync() => app.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Name == AltaUnit).Select(u => u.Id).SingleAsync(Cancel);
        var plan = await db.ActionPlans.Include(p => p.Deficiencies).SingleAsync(p => p.UnitId == unitId && p.State == ActionPlanState.Approved, Cancel);
        return (plan.Id, plan.Deficiencies.Single(d => d.IsSerious).Id, plan.Version);
    });

    [Fact]
    public async Task AStanceOnADeficiencyIsRecordedByTheMunicipalityOnlyAndOtherProvidersDoNotFindThePlan()
    {
        using var quality = await app.ApiClientAs(Demo.QualityDeveloper);
        using var own = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var other = await app.ApiClientAs(Demo.TryggaHanderUser);
        var (planId, deficiencyId, version) = await AltaAsync();
        var route = $"/api/v1/action-plans/{planId}/deficiencies/{deficiencyId}/referrals";
        object Stance(string? motivation, string decidedOn, int v, string authority = "TaxAgency") =>
            new { authority, decision = "Referred", motivation, decidedOn, version = v };
        var before = await app.WithDbAsync(db => db.ReferralStances.CountAsync(r => r.DeficiencyId == deficiencyId, Cancel));

        using (var refused = await quality.PostAsJsonAsync(route, Stance("Gäller brukare 19121212-1212.", "2999-01-01", version), Api.Json, Cancel))
        {
            var errors = JsonDocument.Parse(await Expect.StatusAsync(refused, HttpStatusCode.BadRequest)).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("Motivation", out _));
            Assert.True(errors.TryGetProperty("DecidedOn", out _));
        }
        using (var empty = await quality.PostAsJsonAsync(route, Stance("  ", Today, version), Api.Json, Cancel))
        {
            Assert.Contains("Ange en motivering", Expect.ReadableText(empty, await Expect.StatusAsync(empty, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }
        using (var byProvider = await own.PostAsJsonAsync(route, Stance("Anordnaren tycker till.", Today, version), Api.Json, Cancel))
        {
            await Expect.StatusAsync(byProvider, HttpStatusCode.Forbidden);
        }
        using (var byOther = await other.PostAsJsonAsync(route, Stance("Inkräktare.", Today, version), Api.Json, Cancel))
        {
            await Expect.StatusAsync(byOther, HttpStatusCode.NotFound);
        }
        using (var notInPlan = await quality.PostAsJsonAsync($"/api/v1/action-plans/{planId}/deficiencies/{Guid.NewGuid()}/referrals",
            Stance("Finns inte.", Today, version), Api.Json, Cancel))
        {
            await Expect.StatusAsync(notInPlan, HttpStatusCode.BadRequest);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.ReferralStances.CountAsync(r => r.DeficiencyId == deficiencyId, Cancel)));

        using (var recorded = await quality.PostAsJsonAsync(route, Stance("Uppgifter (fiktiva) om svartlöner i verksamheten.", Today, version), Api.Json, Cancel))
        {
            var plan = JsonDocument.Parse(await Expect.OkAsync(recorded)).RootElement;
            var deficiency = plan.GetProperty("deficiencies").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == deficiencyId);
            Assert.Contains(deficiency.GetProperty("referrals").EnumerateArray(), r => r.GetProperty("authority").GetString() == "TaxAgency");
            Assert.Equal(0, deficiency.GetProperty("missingStances").GetArrayLength());
        }
        using (var stale = await quality.PostAsJsonAsync(route, Stance("Ändrat.", Today, version), Api.Json, Cancel))
        {
            await Expect.StatusAsync(stale, HttpStatusCode.Conflict);
        }

        using var read = await own.GetAsync($"/api/v1/action-plans/{planId}", Cancel);
        foreach (var deficiency in JsonDocument.Parse(await Expect.OkAsync(read)).RootElement.GetProperty("deficiencies").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Null, deficiency.GetProperty("referrals").ValueKind);
            Assert.Equal(JsonValueKind.Null, deficiency.GetProperty("missingStances").ValueKind);
        }
    }

    [Fact]
    public async Task OnlyTheMunicipalityReadsTheStancesOnThePagesAndTheTimeline()
    {
        var (planId, _, _) = await AltaAsync();
        var unitId = await app.GetUnitIdAsync(AltaUnit);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);

        using (var page = await quality.GetAsync($"/Deficiencies/Plan/{planId}", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
            Assert.Contains("Ställningstagande om anmälan", html, StringComparison.Ordinal);
            Assert.Contains("Ingen misstanke om brott.", html, StringComparison.Ordinal);
            Assert.Contains("name=\"deficiencyId\"", html, StringComparison.Ordinal);
        }
        using (var page = await provider.GetAsync($"/Deficiencies/Plan/{planId}", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
            Assert.DoesNotContain("Ställningstagande om anmälan", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Ingen misstanke om brott.", html, StringComparison.Ordinal);
        }

        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        using var providerApi = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using (var timeline = await api.GetAsync($"/api/v1/units/{unitId}/timeline?pageSize=200", Cancel))
        {
            Assert.Contains("Ställningstagande om anmälan till polisen: inte anmäld", await Expect.OkAsync(timeline), StringComparison.Ordinal);
        }
        using (var timeline = await providerApi.GetAsync($"/api/v1/units/{unitId}/timeline?pageSize=200", Cancel))
        {
            Assert.DoesNotContain("Ställningstagande om anmälan", await Expect.OkAsync(timeline), StringComparison.Ordinal);
        }
        var sickla = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        using (var timeline = await api.GetAsync($"/api/v1/units/{sickla}/timeline?pageSize=200", Cancel))
        {
            Assert.Contains("Ställningstagande om anmälan till Skatteverket: anmäld", await Expect.OkAsync(timeline), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheIncidentPageShowsTheMissingStancesAndKeepsWhatWasTypedWhenAStanceIsRefused()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var incidentId = await app.WithDbAsync(db => db.Incidents.Where(i => i.Kind == IncidentKind.LexSarah).Select(i => i.Id).SingleAsync(Cancel));
        var page = $"/Evidence/Incidents/Details/{incidentId}";

        using (var shown = await quality.GetAsync(page, Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(shown));
            Assert.Contains("Ställning saknas till: polisen", html, StringComparison.Ordinal);
            Assert.Contains("<option value=\"TaxAgency\">Skatteverket</option>", html, StringComparison.Ordinal);
        }
        using (var refused = await Forms.SubmitAsync(quality, page,
            [new("Authority", "Police"), new("Decision", "NotReferred"), new("DecidedOn", "2999-01-01"), new("Motivation", "Ingen misstanke (testfall)."), new("Version", "0")],
            page + "?handler=Stance"))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(refused));
            Assert.Contains("<a href=\"#DecidedOn\">Datumet kan inte ligga i framtiden.</a>", html, StringComparison.Ordinal);
            Assert.Contains(">Ingen misstanke (testfall).</textarea>", html, StringComparison.Ordinal);
        }

        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var ownIncident = await app.WithDbAsync(db => db.Incidents.Where(i => i.Kind == IncidentKind.Deviation && i.Unit!.Name == Demo.OmsorgshusetSickla)
            .Select(i => i.Id).FirstAsync(Cancel));
        using var providerPage = await provider.GetAsync($"/Evidence/Incidents/Details/{ownIncident}", Cancel);
        Assert.DoesNotContain("Ställningstagande om anmälan", WebUtility.HtmlDecode(await Expect.OkAsync(providerPage)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIncidentListFlagsAndFindsMissingStancesForTheMunicipalityOnly()
    {
        using var quality = await app.ApiClientAs(Demo.QualityDeveloper);
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);

        using (var missing = await quality.GetAsync("/api/v1/incidents?stanceMissing=true&pageSize=100", Cancel))
        {
            var items = JsonDocument.Parse(await Expect.OkAsync(missing)).RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            Assert.All(items, i => Assert.True(i.GetProperty("awaitsStance").GetBoolean()));
        }
        using (var missing = await provider.GetAsync("/api/v1/incidents?stanceMissing=true&pageSize=100", Cancel))
        {
            Assert.Equal(0, JsonDocument.Parse(await Expect.OkAsync(missing)).RootElement.GetProperty("total").GetInt32());
        }
        using var all = await provider.GetAsync("/api/v1/incidents?pageSize=100", Cancel);
        var own = JsonDocument.Parse(await Expect.OkAsync(all)).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(own);
        Assert.All(own, i => Assert.False(i.GetProperty("awaitsStance").GetBoolean()));
    }

    [Fact]
    public async Task ADistrictReadsTheStancesOfItsUnitsMattersAndAProviderAndThePublicNone()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var north = await app.GetAdministrationIdAsync(Demo.NorthDistrict);
        var omsorgshuset = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        async Task<List<Guid>> StancesAsync(AccessScope access)
        {
            await using var db = new AppDbContext(options, new ScopedActor(access), TimeProvider.System, scope.ServiceProvider.GetRequiredService<AuditKeyRing>());
            return await db.ReferralStances.Select(r => r.Id).ToListAsync(Cancel);
        }
        var every = await app.WithDbAsync(db => db.ReferralStances.Select(r => new { r.Id, r.IncidentId, r.ComplaintId, r.DeficiencyId }).ToListAsync(Cancel));
        var northUnits = await app.WithDbAsync(db => db.Units.Where(u => u.AdministrationId == north).Select(u => u.Id).ToListAsync(Cancel));
        var northMatters = await app.WithDbAsync(async db => (await db.Incidents.Where(i => northUnits.Contains(i.UnitId)).Select(i => i.Id).ToListAsync(Cancel))
            .Concat(await db.Complaints.Where(c => northUnits.Contains(c.UnitId)).Select(c => c.Id).ToListAsync(Cancel))
            .Concat(await db.Deficiencies.Where(d => northUnits.Contains(d.UnitId)).Select(d => d.Id).ToListAsync(Cancel)).ToHashSet());
        var expected = every.Where(r => northMatters.Contains(r.IncidentId ?? r.ComplaintId ?? r.DeficiencyId ?? Guid.Empty)).Select(r => r.Id).Order().ToList();

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < every.Count);
        Assert.Equal(expected, (await StancesAsync(AccessScope.ForDistrict(north))).Order().ToList());
        Assert.Empty(await StancesAsync(AccessScope.ForProvider(omsorgshuset)));
        Assert.Empty(await StancesAsync(AccessScope.Public));
        Assert.Equal(every.Count, (await StancesAsync(AccessScope.Unrestricted)).Count);
    }

    [Fact]
    public async Task TheMigrationMovesEveryIncidentStanceIntoTheOneTable()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.OpenContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ReferralStances", StringComparison.Ordinal)) - 1];
        await db.Database.MigrateAsync(Cancel);

        var provider = new Provider { Name = "Migrerad AB (fiktiv)", OrganisationNumber = "556000-0000" };
        var unit = new Unit { Name = "Migrerad enhet (fiktiv)", ProviderId = provider.Id };
        var today = new DateOnly(2026, 3, 10);
        var referred = new Incident { Kind = IncidentKind.LexSarah, Severity = Severity.Serious, Summary = "Fiktiv", OccurredOn = today, ReportedOn = today, UnitId = unit.Id };
        Assert.Null(referred.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred, "Ersätts av ett tomt skäl nedan.", today, "Klara", today));
        Assert.Null(referred.RecordStance(ReferralAuthority.Police, ReferralDecision.NotReferred, "Inget brott misstänks.", today.AddDays(-1), "Klara", today));
        db.AddRange(provider, unit, referred);
        await db.SaveChangesAsync(Cancel);
        var ids = referred.Referrals.ToDictionary(r => r.Authority, r => r.Id);
        db.ChangeTracker.Clear();

        // Back to the schema before the stances' table: the incident's stances return to the old table, where a referral
        // recorded before a motivation was required had no reason.
        await migrator.MigrateAsync(previous, Cancel);
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Referral" SET "Reason" = NULL WHERE "Authority" = 'Ivo'""", Cancel));

        await migrator.MigrateAsync(null, Cancel);
        var stances = await db.ReferralStances.OrderBy(r => r.Authority).ToListAsync(Cancel);
        Assert.Equal(2, stances.Count);
        Assert.All(stances, s => Assert.Equal(referred.Id, s.IncidentId));
        Assert.All(stances, s => Assert.Null(s.ComplaintId ?? s.DeficiencyId));
        Assert.Equal((ids[ReferralAuthority.Ivo], ReferralDecision.Referred, "Anmäld (registrerad innan motivering krävdes).", today, "Klara"),
            (stances[0].Id, stances[0].Decision, stances[0].Motivation, stances[0].DecidedOn, stances[0].DecidedBy));
        Assert.Equal((ids[ReferralAuthority.Police], ReferralDecision.NotReferred, "Inget brott misstänks.", today.AddDays(-1)),
            (stances[1].Id, stances[1].Decision, stances[1].Motivation, stances[1].DecidedOn));
        var incident = await db.Incidents.SingleAsync(i => i.Id == referred.Id, Cancel);
        Assert.Empty(incident.MissingStances());

        // Exactly one matter per stance: the table refuses a stance on none.
        await Assert.ThrowsAnyAsync<DbUpdateException>(async () =>
        {
            db.ReferralStances.Add(new ReferralStance { Authority = ReferralAuthority.Ivo, Motivation = "Utan ärende.", DecidedOn = today });
            await db.SaveChangesAsync(Cancel);
        });
    }
}
