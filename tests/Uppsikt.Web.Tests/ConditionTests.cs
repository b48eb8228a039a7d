using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Conditions over HTTP: versions resolved by date, editing makes a new version, who may read and edit.</summary>
public sealed class ConditionTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<Guid> GeneralConditionIdAsync(string code) =>
        app.WithDbAsync(db => db.Conditions.Where(c => c.ChoiceSystemId == null && c.Code == code).Select(c => c.Id).SingleAsync(Cancel));

    [Theory]
    [InlineData("2021-04-11", null)]
    [InlineData("2021-04-12", 1)]
    [InlineData("2024-06-30", 1)]
    [InlineData("2024-07-01", 2)]
    public async Task TheApiGivesTheVersionInForceOnADate(string date, int? expected)
    {
        var id = await GeneralConditionIdAsync("G6");
        using var client = await app.ApiClientAs(Demo.CaseWorker);

        using var response = await client.GetAsync($"/api/v1/conditions/{id}/in-force?date={date}", Cancel);

        if (expected is null)
        {
            var problem = await Expect.StatusAsync(response, HttpStatusCode.NotFound);
            Assert.Contains("gällde inte ännu", problem, StringComparison.Ordinal);
            return;
        }
        using var version = JsonDocument.Parse(await Expect.OkAsync(response));
        Assert.Equal(expected, version.RootElement.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task TheListFiltersByChoiceSystemAndGeneral()
    {
        var ami = await app.GetChoiceSystemIdAsync("Kundval arbetsmarknadsinsatser, AMI");
        using var client = await app.ApiClientAs(Demo.CaseWorker);

        using var specific = await client.GetAsync($"/api/v1/conditions?choiceSystemId={ami}&pageSize=200", Cancel);
        using var general = await client.GetAsync("/api/v1/conditions?general=true&pageSize=200", Cancel);
        using var search = await client.GetAsync("/api/v1/conditions?search=krisberedskap&general=true", Cancel);

        var codes = JsonDocument.Parse(await Expect.OkAsync(specific)).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("A.1", codes);
        Assert.Contains("D.2", codes);
        Assert.All(JsonDocument.Parse(await Expect.OkAsync(general)).RootElement.GetProperty("items").EnumerateArray(),
            i => Assert.Equal("General", i.GetProperty("scope").GetString()));
        var found = Assert.Single(JsonDocument.Parse(await Expect.OkAsync(search)).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("G6", found.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("code")]
    [InlineData("title")]
    [InlineData("choiceSystem")]
    [InlineData("part")]
    [InlineData("validFrom")]
    public async Task EveryColumnSortsTheListBothWaysOnThePageAndInTheApi(string column)
    {
        using var page = await app.CreateClientAs(Demo.CaseWorker);
        using var api = await app.ApiClientAs(Demo.CaseWorker);

        foreach (var descending in new[] { false, true })
        {
            using (var html = await page.GetAsync($"/Conditions?Sort={column}&Descending={descending}", Cancel))
            {
                Assert.Contains($"aria-sort=\"{(descending ? "descending" : "ascending")}\"", await Expect.OkAsync(html), StringComparison.Ordinal);
            }
            using (var general = await page.GetAsync($"/Conditions?Sort={column}&Descending={descending}&Set=general", Cancel))
            {
                await Expect.OkAsync(general);
            }
            using var response = await api.GetAsync($"/api/v1/conditions?sort={column}&descending={descending}&pageSize=200", Cancel);
            var items = JsonDocument.Parse(await Expect.OkAsync(response)).RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            if (column == "validFrom")
            {
                // Dates sort the same in every database: the list's order is the dates' order.
                var dates = items.Select(i => DateOnly.Parse(i.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(descending ? dates.OrderDescending() : dates.Order(), dates);
            }
        }
    }

    [Fact]
    public async Task ThePublicConditionPageKeepsTheChosenChoiceSystemSelected()
    {
        var ami = await app.GetChoiceSystemIdAsync("Kundval arbetsmarknadsinsatser, AMI");
        using var anonymous = app.CreateAnonymousClient();

        using var response = await anonymous.GetAsync($"/Public/Conditions/{ami}", Cancel);

        var html = await Expect.OkAsync(response);
        Assert.Matches($"<option (selected=\"selected\" value=\"{ami}\"|value=\"{ami}\" selected=\"selected\")>", html);
    }

    [Fact]
    public async Task EditingAConditionAddsAVersionAndKeepsTheHistory()
    {
        var id = await GeneralConditionIdAsync("G4");
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var validFrom = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var form = await developer.GetAsync($"/Conditions/Edit/{id}", Cancel);
        var html = await Expect.OkAsync(form);

        using var saved = await Forms.PostAsync(developer, $"/Conditions/Edit/{id}", Forms.AntiforgeryToken(html),
        [
            new("Input.Version", Forms.InputValue(html, "Input.Version")!), new("Input.ValidFrom", validFrom),
            new("Input.Title", "Informationsplikt och årligt intygande"), new("Input.Text", "Anordnaren ska informera kommunen och årligen intyga att villkoren uppfylls."),
            new("Input.ControlPoints", "Anmälda förändringar\nÅrligt intygande"), new("Input.FollowUpOccasions", "Ongoing"), new("Input.FollowUpOccasions", "Annual"),
            new("Input.Sanctions", "Remark"), new("Input.DecisionReference", "KF 2026 (test)"),
        ]);
        await Expect.RedirectAsync(saved, $"/Conditions/Details/{id}");
        using var details = await developer.GetAsync($"/Conditions/Details/{id}", Cancel);
        var page = WebUtility.HtmlDecode(await Expect.OkAsync(details));

        Assert.Contains("Gällande version i dag: version 2", page, StringComparison.Ordinal);
        Assert.Contains("Informationsplikt och årligt intygande", page, StringComparison.Ordinal);
        Assert.Contains("Ersatt", page, StringComparison.Ordinal);
        var versions = await app.WithDbAsync(db => db.ConditionVersions.Where(v => v.ConditionId == id).OrderBy(v => v.Number).Select(v => v.Title).ToListAsync(Cancel));
        Assert.Equal(["Informationsplikt", "Informationsplikt och årligt intygande"], versions);
    }

    [Fact]
    public async Task ANewVersionMustStartAfterTheLatestAndTheFormSaysSo()
    {
        var id = await GeneralConditionIdAsync("G6");
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var form = await developer.GetAsync($"/Conditions/Edit/{id}", Cancel);
        var html = await Expect.OkAsync(form);

        using var response = await Forms.PostAsync(developer, $"/Conditions/Edit/{id}", Forms.AntiforgeryToken(html),
        [
            new("Input.Version", Forms.InputValue(html, "Input.Version")!), new("Input.ValidFrom", "2024-07-01"),
            new("Input.Title", "Krisberedskap"), new("Input.Text", "Text"),
        ]);

        Assert.Contains("senare datum än den senaste versionen", WebUtility.HtmlDecode(await Expect.OkAsync(response)), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.ConditionVersions.CountAsync(v => v.ConditionId == id, Cancel)));
    }

    [Fact]
    public async Task MunicipalRolesReadConditionsOnlyEditorsEditAndProvidersReadThePublishedSet()
    {
        var id = await GeneralConditionIdAsync("G1");
        var preschool = await app.GetChoiceSystemIdAsync("Förskola");
        using var caseWorker = await app.CreateClientAs(Demo.CaseWorker);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var anonymous = app.CreateAnonymousClient();

        using (var read = await caseWorker.GetAsync($"/Conditions/Details/{id}", Cancel)) { await Expect.OkAsync(read); }
        using (var edit = await caseWorker.GetAsync($"/Conditions/Edit/{id}", Cancel)) { await Expect.DeniedAsync(edit); }
        using (var list = await provider.GetAsync("/Conditions", Cancel)) { await Expect.DeniedAsync(list); }
        using var published = await anonymous.GetAsync($"/Public/Conditions/{preschool}", Cancel);

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(published));
        Assert.Contains("När villkoren följs upp", html, StringComparison.Ordinal);
        Assert.Contains("F5 Förskollärare och barngrupper", html, StringComparison.Ordinal);
        Assert.Contains("G6 Krisberedskap och höjd beredskap", html, StringComparison.Ordinal);
    }
}
