using System.Net;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

public sealed class ErrorPageTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMissingPageGets404WithTheSwedishErrorPage()
    {
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);

        using var response = await client.GetAsync($"/Register/Units/Details/{Guid.NewGuid()}", Cancel);

        var body = await Expect.StatusAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("<h1>Sidan finns inte</h1>", body, StringComparison.Ordinal);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AMissingApiResourceGets404ProblemDetailsNotAPage()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        using var response = await client.GetAsync($"/api/v1/units/{Guid.NewGuid()}", Cancel);

        var body = await Expect.StatusAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPageNamesTheSiteIconAndTheIconIsServed()
    {
        using var client = app.CreateAnonymousClient();

        using var page = await client.GetAsync("/Public", Cancel);
        using var icon = await client.GetAsync("/favicon.svg", Cancel);

        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", await Expect.OkAsync(page), StringComparison.Ordinal);
        Assert.Contains("<svg", await Expect.OkAsync(icon), StringComparison.Ordinal);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }
}
