using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The quality-bonus simulation over HTTP (decision 0043): a bonus model's form tells every problem at once and saves nothing then,
/// the simulation and its API run over the demo's results, a scenario is saved and exported as CSV and Word, and providers are refused.
/// </summary>
public sealed class QualityBonusTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string Models = "/api/v1/bonus-models";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<Guid> DemoModelAsync() =>
        app.WithDbAsync(db => db.BonusModels.Where(m => m.Name.StartsWith("Hemtjänstbonus")).Select(m => m.Id).SingleAsync(Cancel));

    [Fact]
    public async Task ACreateWithBadInputChangesNothingAndShowsEveryError()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var before = await app.WithDbAsync(db => db.BonusModels.CountAsync(Cancel));

        using var response = await Forms.SubmitAsync(developer, "/QualityBonus/Edit",
        [
            new("Input.Name", ""), new("Input.Basis", "PerHour"), new("Input.HoursPerPlace", "9000"), new("Input.CeilingPerUnit", "0"),
            new("Input.Criteria[0].Rule", "BestShare"), new("Input.Criteria[0].Limit", "150"), new("Input.Criteria[0].Amount", "10"),
        ]);

        var html = await Expect.OkAsync(response);
        foreach (var message in new[]
        {
            "Namnet måste anges.", "Välj det kundval modellen gäller.", "Ange antal timmar per plats och år, mellan 1 och 8 760.",
            "Ange taket per enhet och år i kronor", "Välj indikator för kriterium 1.", "Andelen bästa enheter för kriterium 1 ska vara mer än 0 och högst 100 %.",
        })
        {
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.BonusModels.CountAsync(Cancel)));
    }

    [Fact]
    public async Task AModelIsCreatedOnThePageAndItsSimulationShowsEveryPart()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var (choice, indicator) = await app.WithDbAsync(async db => (
            await db.ChoiceSystems.Where(c => c.Name == Demo.HomeCare).Select(c => c.Id).SingleAsync(Cancel),
            await db.Indicators.Where(i => i.Code == "HT-NOJD").Select(i => i.Id).SingleAsync(Cancel)));

        using var response = await Forms.SubmitAsync(developer, "/QualityBonus/Edit",
        [
            new("Input.Name", "Testbonus (testdata)"), new("Input.ChoiceSystemId", choice.ToString()), new("Input.Basis", "PerPlace"),
            new("Input.CeilingPerUnit", "10 000,50"), new("Input.Criteria[0].IndicatorId", indicator.ToString()), new("Input.Criteria[0].Rule", "Threshold"),
            new("Input.Criteria[0].Limit", "88,5"), new("Input.Criteria[0].Amount", "100"),
            new("Input.Criteria[1].IndicatorId", ""), new("Input.Criteria[1].Rule", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var model = await app.WithDbAsync(db => db.BonusModels.Include(m => m.Criteria).SingleAsync(m => m.Name == "Testbonus (testdata)", Cancel));
        Assert.Equal((10_000.50m, 88.5), (model.CeilingPerUnit, Assert.Single(model.Criteria).Limit));
        var html = System.Net.WebUtility.HtmlDecode(await Expect.OkAsync(await developer.GetAsync(location + "?Sort=total&Descending=true", Cancel)));
        foreach (var part in new[] { "Enheterna", "Per anordnare", "Egen regi och övriga anordnare", "Känslighet", "Alla år med resultat, sida vid sida" })
        {
            Assert.Contains(part, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheApiRunsAYearAndRefusesBadInputWith400()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var id = await DemoModelAsync();
        var model = JsonDocument.Parse(await Expect.OkAsync(await developer.GetAsync($"{Models}/{id}", Cancel))).RootElement;
        Assert.Equal(2, model.GetProperty("criteria").GetArrayLength());

        var years = await app.WithDbAsync(db => db.Outcomes.Where(o => o.PeriodKind == Domain.Evidence.PeriodKind.Year).Select(o => o.Year).Distinct().ToListAsync(Cancel));
        var run = JsonDocument.Parse(await Expect.OkAsync(await developer.GetAsync($"{Models}/{id}/run?year={years.Max()}", Cancel))).RootElement;
        Assert.True(run.GetProperty("run").GetProperty("units").GetArrayLength() > 0);
        Assert.True(run.GetProperty("sensitivity").GetArrayLength() >= 5);

        foreach (var bad in new[] { "", "?year=1800", "?year=abc", "?year=99999999999" })
        {
            await Expect.StatusAsync(await developer.GetAsync($"{Models}/{id}/run{bad}", Cancel), HttpStatusCode.BadRequest);
        }
        await Expect.StatusAsync(await developer.GetAsync($"{Models}?sort=nosuchcolumn", Cancel), HttpStatusCode.BadRequest);
        await Expect.StatusAsync(await developer.GetAsync($"{Models}/{Guid.NewGuid()}/run?year=2025", Cancel), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AScenarioIsSavedAndExportedAsCsvAndWord()
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var id = await DemoModelAsync();

        using var saved = await Forms.SubmitAsync(developer, $"/QualityBonus/Simulation/{id}", [new("name", "Till nämnden (testdata)")],
            $"/QualityBonus/Simulation/{id}?handler=Scenario");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = saved.Headers.Location!.OriginalString;
        Assert.Contains("Till nämnden (testdata)", System.Net.WebUtility.HtmlDecode(await Expect.OkAsync(await developer.GetAsync(page, Cancel))), StringComparison.Ordinal);
        using var csv = await developer.GetAsync(page + "?handler=Csv", Cancel);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("År;Enhet;Anordnare;Regi;Platser;", text, StringComparison.Ordinal);
        using var word = await developer.GetAsync(page + "?handler=Word", Cancel);
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Content.Headers.ContentType!.MediaType);

        using var unnamed = await Forms.SubmitAsync(developer, $"/QualityBonus/Simulation/{id}", [new("name", " ")], $"/QualityBonus/Simulation/{id}?handler=Scenario");
        Assert.Contains("Scenariots namn måste anges.", System.Net.WebUtility.HtmlDecode(await Expect.OkAsync(unnamed)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderUserIsRefused()
    {
        var id = await DemoModelAsync();
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);

        await Expect.DeniedAsync(await provider.GetAsync("/QualityBonus", Cancel));
        await Expect.DeniedAsync(await provider.GetAsync($"/QualityBonus/Simulation/{id}", Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"{Models}/{id}", Cancel)).StatusCode);
    }
}
