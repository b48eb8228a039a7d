using System.Text.Json;
using Uppsikt.Data;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

public sealed class HealthTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    [Fact]
    public async Task HealthIsHealthyOnceStarted()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", await Expect.OkAsync(response));
    }

    [Fact]
    public async Task TheOpenApiDocumentIsServedAndListsTheUnitsApi()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(await Expect.OkAsync(response));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/units/{id}", paths);
        Assert.Equal("Uppsikt API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task EachAppHasADatabaseOfItsOwnWithTheDemoData()
    {
        var committees = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Committees));

        Assert.Equal(5, committees);
        if (app.Database.Provider == DatabaseProvider.Sqlite)
        {
            Assert.True(File.Exists(Path.Combine(app.Database.DataFolder, "uppsikt.db")), $"No database file in {app.Database.DataFolder}.");
        }
    }
}
