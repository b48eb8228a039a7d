using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// An API write by a browser's session cookie must carry the page's antiforgery token, so that another site cannot make a signed-in
/// user's browser write; a write by API token needs none, and reads by cookie work as before.
/// </summary>
public sealed class ApiAntiforgeryTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<object> ComplaintAsync(string summary) => new
    {
        receivedOn = TimeProvider.System.SwedishToday(),
        channel = "Email",
        unitId = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden),
        category = "Care",
        severity = "Minor",
        summary,
    };

    private Task<int> CountAsync(string summary) => app.WithDbAsync(db => db.Complaints.IgnoreQueryFilters().CountAsync(c => c.Summary == summary));

    [Fact]
    public async Task AWriteByCookieWithoutTheAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        // Signed in as a browser is, without the token a page of the app would send along.
        using var browser = app.CreateAnonymousClient();
        await Expect.RedirectAsync(await UppsiktApp.PostLoginAsync(browser, Demo.QualityDeveloper, Uppsikt.Web.Data.DemoData.Password), "/");
        const string summary = "Skrivet av en annan webbplats (testfall).";

        using var refused = await browser.PostAsJsonAsync("/api/v1/complaints", await ComplaintAsync(summary), Api.Json, Cancel);

        var body = await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("antiforgery-token", body, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(summary));
        // Reading by cookie needs no token.
        using var read = await browser.GetAsync("/api/v1/complaints", Cancel);
        await Expect.OkAsync(read);
    }

    [Fact]
    public async Task AWriteByCookieWithThePagesAntiforgeryTokenIsSaved()
    {
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var page = await browser.GetAsync("/Evidence/Complaints/Edit", Cancel);
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(page));
        const string summary = "Skrivet från appens egen sida (testfall).";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(await ComplaintAsync(summary), options: Api.Json) };
        request.Headers.Add("RequestVerificationToken", token);

        using var saved = await browser.SendAsync(request, Cancel);

        await Expect.StatusAsync(saved, HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync(summary));
    }

    [Fact]
    public async Task AWriteByApiTokenNeedsNoAntiforgeryToken()
    {
        using var integration = await app.ApiClientAs(Demo.QualityDeveloper);
        const string summary = "Skrivet av en integration (testfall).";

        using var saved = await integration.PostAsJsonAsync("/api/v1/complaints", await ComplaintAsync(summary), Api.Json, Cancel);

        await Expect.StatusAsync(saved, HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync(summary));
    }
}
