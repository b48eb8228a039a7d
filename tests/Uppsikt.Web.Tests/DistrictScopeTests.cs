using System.Net;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// District scope is one rule for every kind of record (decision 0024): units and unit-level records follow their unit,
/// providers and provider-level records are the district's when the provider has a unit there. For each kind, a record of
/// the district user's district is in its lists, details and API, and one outside is absent from the lists and answers 404;
/// the municipality's own users see both. A new kind is one row of <see cref="Kinds"/>.
/// </summary>
public sealed class DistrictScopeTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A record of a kind: its id, the record its routes hang under (itself when none), and what a list shows of it.</summary>
    public sealed record Record(Guid Id, Guid Owner, string Marker)
    {
        public Record(Guid id, Guid owner)
            : this(id, owner, id.ToString())
        {
        }
    }

    /// <summary>
    /// A kind of record: how to pick one inside or outside a district (read unscoped), and the routes that show it. A list
    /// outside the record's reach may answer 404 (a provider's people under a provider the district cannot see).
    /// </summary>
    public sealed record Kind(
        Func<AppDbContext, Guid, bool, Task<Record>> Pick,
        Func<Record, string>? List = null,
        Func<Record, string>? Details = null,
        Func<Record, string>? Api = null);

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.Ordinal)
    {
        ["Enhet"] = new(
            async (db, district, inside) => await db.Units.Where(u => (u.AdministrationId == district) == inside)
                .OrderBy(u => u.Name).Select(u => new Record(u.Id, u.Id)).FirstAsync(Cancel),
            List: _ => "/Register/Units?PageSize=200",
            Details: r => $"/Register/Units/Details/{r.Id}",
            Api: r => $"/api/v1/units/{r.Id}"),
        ["Anordnare"] = new(
            async (db, district, inside) => await db.Providers.Where(p => db.Units.Any(u => u.ProviderId == p.Id && u.AdministrationId == district) == inside)
                .OrderBy(p => p.Name).Select(p => new Record(p.Id, p.Id)).FirstAsync(Cancel),
            List: _ => "/Register/Providers?PageSize=200",
            Details: r => $"/Register/Providers/Details/{r.Id}",
            Api: r => $"/api/v1/providers/{r.Id}"),
        ["Auktorisation eller avtal"] = new(
            async (db, district, inside) => await db.Authorisations.Where(a => db.Units.Any(u => u.ProviderId == a.ProviderId && u.AdministrationId == district) == inside)
                .OrderBy(a => a.Id).Select(a => new Record(a.Id, a.ProviderId)).FirstAsync(Cancel),
            List: _ => "/Register/Authorisations?PageSize=200",
            Details: r => $"/Register/Authorisations/Details/{r.Id}",
            Api: r => $"/api/v1/authorisations/{r.Id}"),
        ["Person hos anordnare"] = new(
            async (db, district, inside) => await db.ProviderPeople.Where(p => db.Units.Any(u => u.ProviderId == p.ProviderId && u.AdministrationId == district) == inside)
                .OrderBy(p => p.Name).Select(p => new Record(p.Id, p.ProviderId)).FirstAsync(Cancel),
            List: r => $"/api/v1/providers/{r.Owner}/people",
            Api: r => $"/api/v1/providers/{r.Owner}/people/{r.Id}"),
        ["Underleverantör"] = new(
            async (db, district, inside) => await db.Subcontractors.Where(s => db.Units.Any(u => u.ProviderId == s.ProviderId && u.AdministrationId == district) == inside)
                .OrderBy(s => s.Name).Select(s => new Record(s.Id, s.ProviderId)).FirstAsync(Cancel),
            List: r => $"/api/v1/providers/{r.Owner}/subcontractors",
            Api: r => $"/api/v1/providers/{r.Owner}/subcontractors/{r.Id}"),
        ["Kvalitetsrapport"] = new(
            async (db, district, inside) => await db.QualityReports.Where(q => db.Units.Any(u => u.ProviderId == q.ProviderId && u.AdministrationId == district) == inside)
                .OrderBy(q => q.Id).Select(q => new Record(q.Id, q.ProviderId)).FirstAsync(Cancel),
            List: _ => "/QualityReports/Reports?Year=alla&PageSize=200",
            Details: r => $"/QualityReports/Reports/Details/{r.Id}",
            Api: r => $"/api/v1/quality-reports/{r.Id}"),
        ["Klagomål"] = new(
            async (db, district, inside) => await db.Complaints.Where(c => (c.Unit!.AdministrationId == district) == inside)
                .OrderBy(c => c.Id).Select(c => new Record(c.Id, c.UnitId)).FirstAsync(Cancel),
            List: _ => "/Evidence/Complaints?PageSize=200",
            Details: r => $"/Evidence/Complaints/Details/{r.Id}",
            Api: r => $"/api/v1/complaints/{r.Id}"),
        ["Avvikelse"] = new(
            async (db, district, inside) => await db.Incidents.Where(i => (i.Unit!.AdministrationId == district) == inside)
                .OrderBy(i => i.Id).Select(i => new Record(i.Id, i.UnitId)).FirstAsync(Cancel),
            List: _ => "/Evidence/Incidents?PageSize=200",
            Details: r => $"/Evidence/Incidents/Details/{r.Id}",
            Api: r => $"/api/v1/incidents/{r.Id}"),
        ["Handläggares iakttagelse"] = new(
            async (db, district, inside) => await db.CaseWorkerObservations.Where(o => (o.Unit!.AdministrationId == district) == inside)
                .OrderBy(o => o.Id).Select(o => new Record(o.Id, o.UnitId, o.Summary)).FirstAsync(Cancel),
            List: _ => "/Evidence/Observations?PageSize=200",
            Api: _ => "/api/v1/observations?PageSize=200"),
        ["Indikatorresultat"] = new(
            async (db, district, inside) => await db.Outcomes.Where(o => (o.Unit!.AdministrationId == district) == inside)
                .OrderBy(o => o.UnitId).Select(o => new Record(o.UnitId, o.UnitId)).FirstAsync(Cancel),
            Api: r => $"/api/v1/indicator-results?unitId={r.Id}"),
        ["Granskning"] = new(
            async (db, district, inside) => await db.Reviews.Where(r => r.Units.Any(u => u.Unit!.AdministrationId == district) == inside)
                .OrderBy(r => r.Id).Select(r => new Record(r.Id, r.Id)).FirstAsync(Cancel),
            List: _ => "/Reviews?PageSize=200",
            Details: r => $"/Reviews/Details?id={r.Id}",
            Api: r => $"/api/v1/reviews/{r.Id}"),
        // A review over units in two districts: the district reads its own units' findings, not the others'.
        ["Granskningsresultat"] = new(
            async (db, district, inside) => await db.ReviewFindings
                .Where(f => db.ReviewFindings.Any(g => g.ReviewId == f.ReviewId && db.Units.Any(u => u.Id == g.UnitId && u.AdministrationId == district))
                    && db.ReviewFindings.Any(g => g.ReviewId == f.ReviewId && !db.Units.Any(u => u.Id == g.UnitId && u.AdministrationId == district))
                    && db.Units.Any(u => u.Id == f.UnitId && u.AdministrationId == district) == inside)
                .OrderBy(f => f.Id).Select(f => new Record(f.Id, f.ReviewId)).FirstAsync(Cancel),
            List: r => $"/api/v1/reviews/{r.Owner}/checklist"),
    };

    public static TheoryData<string> KindNames => [.. Kinds.Keys];

    [Theory]
    [MemberData(nameof(KindNames))]
    public async Task TheDistrictUserReadsTheRecordsOfItsDistrictAndNoOthers(string kind)
    {
        var (inside, outside) = await PickAsync(Kinds[kind]);
        using var browser = await app.CreateClientAs(Demo.DistrictUser);
        using var api = await app.ApiClientAs(Demo.DistrictUser);

        await ExpectVisibleAsync(Kinds[kind], inside, browser, api);
        await ExpectHiddenAsync(Kinds[kind], outside, browser, api);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public async Task TheMunicipalitysOwnUserReadsRecordsOfEveryDistrict(string kind)
    {
        var (inside, outside) = await PickAsync(Kinds[kind]);
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        await ExpectVisibleAsync(Kinds[kind], inside, browser, api);
        await ExpectVisibleAsync(Kinds[kind], outside, browser, api);
    }

    [Fact]
    public async Task AProviderPageReadByADistrictUserNamesOnlyItsUnitsInTheDistrictAndSaysThereMayBeMore()
    {
        var provider = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        using var district = await app.CreateClientAs(Demo.DistrictUser);
        using var municipal = await app.CreateClientAs(Demo.QualityDeveloper);

        var forDistrict = await Expect.OkAsync(await district.GetAsync($"/Register/Providers/Details/{provider}", Cancel));
        var forMunicipality = await Expect.OkAsync(await municipal.GetAsync($"/Register/Providers/Details/{provider}", Cancel));

        Assert.Contains("Enheter i er stadsdel", forDistrict, StringComparison.Ordinal);
        Assert.Contains("Anordnaren kan ha fler enheter i andra stadsdelar.", forDistrict, StringComparison.Ordinal);
        Assert.Contains(Demo.OmsorgshusetSickla, forDistrict, StringComparison.Ordinal);
        Assert.DoesNotContain("Omsorgshuset Hemtjänst Älta (fiktiv)", forDistrict, StringComparison.Ordinal);
        Assert.DoesNotContain("inga enheter", forDistrict, StringComparison.Ordinal);
        Assert.DoesNotContain("i er stadsdel", forMunicipality, StringComparison.Ordinal);
        Assert.Contains("Omsorgshuset Hemtjänst Älta (fiktiv)", forMunicipality, StringComparison.Ordinal);
    }

    private async Task<(Record Inside, Record Outside)> PickAsync(Kind kind)
    {
        var district = await app.GetAdministrationIdAsync(Demo.NorthDistrict);
        return (await app.WithDbAsync(db => kind.Pick(db, district, true)), await app.WithDbAsync(db => kind.Pick(db, district, false)));
    }

    private static async Task ExpectVisibleAsync(Kind kind, Record record, HttpClient browser, HttpClient api)
    {
        if (kind.List is { } list)
        {
            var body = await Expect.OkAsync(await ClientFor(list(record), browser, api).GetAsync(list(record), Cancel));
            Assert.Contains(record.Marker, body, StringComparison.Ordinal);
        }
        if (kind.Details is { } details)
        {
            await Expect.OkAsync(await browser.GetAsync(details(record), Cancel));
        }
        if (kind.Api is { } path)
        {
            var body = await Expect.OkAsync(await api.GetAsync(path(record), Cancel));
            Assert.Contains(record.Id.ToString(), body, StringComparison.Ordinal);
        }
    }

    private static async Task ExpectHiddenAsync(Kind kind, Record record, HttpClient browser, HttpClient api)
    {
        if (kind.List is { } list)
        {
            using var response = await ClientFor(list(record), browser, api).GetAsync(list(record), Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, Expect.Describe(response, body));
            Assert.DoesNotContain(record.Marker, body, StringComparison.Ordinal);
        }
        if (kind.Details is { } details)
        {
            await Expect.StatusAsync(await browser.GetAsync(details(record), Cancel), HttpStatusCode.NotFound);
        }
        if (kind.Api is { } path)
        {
            using var response = await api.GetAsync(path(record), Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, Expect.Describe(response, body));
            Assert.DoesNotContain(record.Id.ToString(), body, StringComparison.Ordinal);
        }
    }

    private static HttpClient ClientFor(string path, HttpClient browser, HttpClient api) =>
        path.StartsWith("/api/", StringComparison.Ordinal) ? api : browser;
}
