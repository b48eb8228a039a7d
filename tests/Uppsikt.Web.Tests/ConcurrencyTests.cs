using System.Net;
using System.Text.Json;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Two people editing the same unit: the second save is refused with a clear message and nothing is lost.</summary>
public sealed class ConcurrencyTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASaveWithTheCurrentVersionSucceedsAndRaisesIt()
    {
        var id = await app.GetUnitIdAsync("Exempelträdets förskola Orminge (fiktiv)");
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var unit = await Api.GetUnitAsync(client, id);

        using var response = await Api.PutUnitAsync(client, id, unit.ToChange() with { Capacity = 75 });

        var saved = await Api.ReadAsync<Api.Unit>(response);
        Assert.Equal(75, saved.Capacity);
        Assert.Equal(unit.Version + 1, saved.Version);
    }

    [Fact]
    public async Task APutWithAStaleVersionGets409ProblemDetailsAndChangesNothing()
    {
        var id = await app.GetUnitIdAsync("Exempelträdets förskola Kummelnäs (fiktiv)");
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var original = await Api.GetUnitAsync(client, id);
        using (var first = await Api.PutUnitAsync(client, id, original.ToChange() with { Name = "Kummelnäs förskola, först (fiktiv)" }))
        {
            await Expect.OkAsync(first);
        }
        var current = await Api.GetUnitAsync(client, id);

        using var second = await Api.PutUnitAsync(client, id, original.ToChange() with { Name = "Kummelnäs förskola, sist (fiktiv)", Capacity = 1 });

        var body = await Expect.StatusAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(409, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(SaveResult.ConflictMessage, problem.RootElement.GetProperty("title").GetString());
        Assert.Equivalent(current, await Api.GetUnitAsync(client, id), strict: true);
    }

    [Fact]
    public async Task TheEditPageWithAStaleVersionShowsTheSwedishConflictMessageAndKeepsTheOtherChange()
    {
        var id = await app.GetUnitIdAsync("Egen regi boendestöd (fiktiv)");
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        using var form = await browser.GetAsync($"/Register/Units/Edit/{id}", Cancel);
        var html = await Expect.OkAsync(form);
        var unit = await Api.GetUnitAsync(api, id);
        Assert.Equal(unit.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Forms.InputValue(html, "Input.Version"));
        using (var meanwhile = await Api.PutUnitAsync(api, id, unit.ToChange() with { Capacity = 46 }))
        {
            await Expect.OkAsync(meanwhile);
        }

        using var response = await Forms.PostAsync(browser, $"/Register/Units/Edit/{id}", Forms.AntiforgeryToken(html), UnitEditForm.From(html) with { Name = "Boendestöd, omdöpt (fiktiv)" });

        var page = await Expect.OkAsync(response);
        Assert.Contains(SaveResult.ConflictMessage, page, StringComparison.Ordinal);
        Assert.Contains("Uppgifterna sparades inte", page, StringComparison.Ordinal);
        var after = await Api.GetUnitAsync(api, id);
        Assert.Equal("Egen regi boendestöd (fiktiv)", after.Name);
        Assert.Equal(46, after.Capacity);
    }
}
