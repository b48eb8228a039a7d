using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Bad input gets a clear Swedish error and changes nothing.</summary>
public sealed class ValidationTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostingAUnitWithoutANameGets400WithASwedishErrorOnNameAndCreatesNothing()
    {
        var providerId = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await CountUnitsAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/units", new { providerId, ownership = "Private", city = "Sickla" }, Cancel);

        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(["Name"], errors.Keys);
        Assert.Equal(["Ange enhetens namn."], errors["Name"]);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task EveryMissingOrWrongFieldGetsItsOwnSwedishMessage()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await CountUnitsAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/units", new { name = "  ", capacity = -1, providerId = Guid.NewGuid() }, Cancel);

        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(["Ange enhetens namn."], errors["Name"]);
        Assert.Equal(["Anordnaren finns inte."], errors["ProviderId"]);
        Assert.Equal(["Välj regiform."], errors["Ownership"]);
        Assert.Equal(["Kapaciteten ska vara ett heltal mellan 0 och 100 000."], errors["Capacity"]);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task MalformedJsonGets400AndCreatesNothing()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = await CountUnitsAsync();
        using var content = new StringContent("{\"name\": \"Halv", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v1/units", content, Cancel);

        var body = await Expect.StatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":400", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task TheEditPageShowsTheSwedishErrorBesideTheFieldAndInTheSummary()
    {
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var form = await browser.GetAsync("/Register/Units/Edit", Cancel);
        var html = await Expect.OkAsync(form);
        var before = await CountUnitsAsync();

        using var response = await Forms.PostAsync(browser, "/Register/Units/Edit", Forms.AntiforgeryToken(html),
            UnitEditForm.From(html) with { Name = "", Ownership = "Private", ProviderId = (await app.GetProviderIdAsync(Demo.Omsorgshuset)).ToString() });

        var page = await Expect.OkAsync(response);
        Assert.Contains("<a href=\"#Input_Name\">Ange enhetens namn.</a>", page, StringComparison.Ordinal);
        Assert.Contains("field-error field-validation-error\" data-valmsg-for=\"Input.Name\" data-valmsg-replace=\"true\">Ange enhetens namn.", page, StringComparison.Ordinal);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task AValidUnitIsCreatedAndAnsweredWith201()
    {
        var providerId = await app.GetProviderIdAsync(Demo.TryggaHander);
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.PostAsJsonAsync("/api/v1/units", new { name = "Trygga Händer Nacka (fiktiv)", providerId, ownership = "Private", capacity = 12 }, Cancel);

        var body = await Expect.StatusAsync(response, HttpStatusCode.Created);
        var created = JsonSerializer.Deserialize<Api.Unit>(body, Api.Json)!;
        Assert.Equal($"/api/v1/units/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(Demo.TryggaHander, created.ProviderName);
        Assert.Equal(12, created.Capacity);
    }

    private Task<int> CountUnitsAsync() => app.WithDbAsync(db => db.Units.CountAsync(Cancel));

    private static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        var body = await Expect.StatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("Några uppgifter är felaktiga; se felen för varje fält.", problem.RootElement.GetProperty("title").GetString());
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
