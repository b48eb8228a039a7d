using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Audit;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Provider and district users see only their own part of the register; the public sees only what is published.</summary>
public sealed class ScopingTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AProviderUsersTokenListsOnlyItsOwnUnits()
    {
        using var client = await app.ApiClientAs(Demo.OmsorgshusetUser);
        var providerId = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        var own = await app.WithDbAsync(db => db.Units.Where(u => u.ProviderId == providerId).Select(u => u.Id).ToListAsync(Cancel));

        var page = await Api.ListUnitsAsync(client);

        Assert.Equal(own.Order(), page.Items.Select(u => u.Id).Order());
        Assert.Equal(own.Count, page.Total);
        Assert.All(page.Items, u => Assert.Equal(Demo.Omsorgshuset, u.ProviderName));
    }

    [Fact]
    public async Task AProviderUsersTokenGets404ForAnotherProvidersUnit()
    {
        using var client = await app.ApiClientAs(Demo.OmsorgshusetUser);
        var theirs = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);

        using var response = await client.GetAsync($"/api/v1/units/{theirs}", Cancel);

        var body = await Expect.StatusAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Trygga", Expect.ReadableText(response, body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderUserGets404ForAnotherProvidersUnitPageButSeesItsOwn()
    {
        using var client = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var theirs = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);
        var own = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);

        using var other = await client.GetAsync($"/Register/Units/Details/{theirs}", Cancel);
        using var mine = await client.GetAsync($"/Register/Units/Details/{own}", Cancel);

        var otherBody = await Expect.StatusAsync(other, HttpStatusCode.NotFound);
        Assert.DoesNotContain(Demo.TryggaSaltsjobaden, otherBody, StringComparison.Ordinal);
        Assert.Contains("Sidan finns inte", otherBody, StringComparison.Ordinal);
        Assert.Contains(Demo.OmsorgshusetSickla, await Expect.OkAsync(mine), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderUsersUnitListPageShowsNoOtherProvidersUnits()
    {
        using var client = await app.CreateClientAs(Demo.TryggaHanderUser);

        using var response = await client.GetAsync("/Register/Units", Cancel);

        var body = await Expect.OkAsync(response);
        Assert.Contains(Demo.TryggaSaltsjobaden, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.Omsorgshuset, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.OmsorgshusetSickla, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDistrictUserSeesOnlyTheUnitsOfItsDistrict()
    {
        var north = await app.GetAdministrationIdAsync(Demo.NorthDistrict);
        var expected = await app.WithDbAsync(db => db.Units.Where(u => u.AdministrationId == north).Select(u => u.Name).ToListAsync(Cancel));
        var others = await app.WithDbAsync(db => db.Units.Where(u => u.AdministrationId != north).Select(u => u.Name).ToListAsync(Cancel));
        Assert.NotEmpty(expected);
        Assert.NotEmpty(others);
        using var api = await app.ApiClientAs(Demo.DistrictUser);
        using var browser = await app.CreateClientAs(Demo.DistrictUser);

        var page = await Api.ListUnitsAsync(api);
        using var list = await browser.GetAsync("/Register/Units", Cancel);

        Assert.Equal(expected.Order(StringComparer.Ordinal), page.Items.Select(u => u.Name).Order(StringComparer.Ordinal));
        var html = await Expect.OkAsync(list);
        Assert.All(expected, name => Assert.Contains(name, html, StringComparison.Ordinal));
        Assert.All(others, name => Assert.DoesNotContain(name, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProviderUserMayNotChangeEvenItsOwnUnit()
    {
        var own = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        using var reader = await app.ApiClientAs(Demo.QualityDeveloper);
        var unit = await Api.GetUnitAsync(reader, own);
        using var client = await app.ApiClientAs(Demo.OmsorgshusetUser);

        using var response = await Api.PutUnitAsync(client, own, unit.ToChange() with { Name = "Omdöpt av anordnaren" });

        await Expect.StatusAsync(response, HttpStatusCode.Forbidden);
        Assert.Equivalent(unit, await Api.GetUnitAsync(reader, own), strict: true);
    }

    [Fact]
    public async Task AProviderUserIsRefusedTheEditPageOfItsOwnUnit()
    {
        var own = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        using var client = await app.CreateClientAs(Demo.OmsorgshusetUser);

        using var response = await client.GetAsync($"/Register/Units/Edit/{own}", Cancel);

        await Expect.DeniedAsync(response);
        using var refusal = await client.GetAsync(response.Headers.Location, Cancel);
        Assert.Contains("Behörighet saknas", await Expect.StatusAsync(refusal, HttpStatusCode.Forbidden), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicPageShowsOnlyUnitsOfProvidersWithAnActiveAuthorisation()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/Public", Cancel);

        var body = await Expect.OkAsync(response);
        Assert.Contains(Demo.TryggaSaltsjobaden, body, StringComparison.Ordinal);
        Assert.Contains(Demo.OmsorgshusetSickla, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.AnnasDaycare, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.SuspendedPreschool, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStartPageSendsAnonymousVisitorsToThePublicPage()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/", Cancel);

        await Expect.RedirectAsync(response, "/Public");
    }

    /// <summary>
    /// The query filters hold every scope's rule, but each kind of caller's SQL carries only its own (decision 0026): a municipal
    /// user's none, a provider user's the provider rule, a district user's the district rule. Longer SQL costs every request.
    /// </summary>
    [Fact]
    public async Task EachKindOfCallersSqlCarriesOnlyItsOwnScopesRules()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        string Sql(AccessScope access)
        {
            using var db = new AppDbContext(options, new ScopedActor(access), TimeProvider.System, scope.ServiceProvider.GetRequiredService<AuditKeyRing>());
            return string.Join("\n", db.Complaints.Where(c => c.Severity == Severity.Serious).ToQueryString(), db.Reviews.ToQueryString(),
                db.Units.ToQueryString(), db.QualityReports.ToQueryString());
        }
        static int Rules(string sql, string column) => Regex.Count(sql, $"\"{column}\" = @");

        var municipal = Sql(AccessScope.Unrestricted);
        Assert.DoesNotContain("EXISTS", municipal, StringComparison.Ordinal);
        Assert.Equal(0, Rules(municipal, "AdministrationId"));
        Assert.Equal(0, Rules(municipal, "ProviderId"));

        var provider = Sql(AccessScope.ForProvider(Guid.NewGuid()));
        Assert.True(Rules(provider, "ProviderId") >= 4, provider);
        Assert.Equal(0, Rules(provider, "AdministrationId"));

        var district = Sql(AccessScope.ForDistrict(Guid.NewGuid()));
        Assert.True(Rules(district, "AdministrationId") >= 4, district);
        Assert.Equal(0, Rules(district, "ProviderId"));
    }
}
