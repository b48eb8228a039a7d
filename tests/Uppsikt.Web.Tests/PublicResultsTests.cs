using System.Net;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The release of results for publication, the citizens' comparison at <c>/Public/Jamfor</c> and the open data at
/// <c>/open-data/v1</c> (decision 0044): only released results are public, never one from fewer answers than the minimum, and no
/// personal data of service users on any public page or file.
/// </summary>
public sealed class PublicResultsTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const int Year = 2031;

    private const string YearText = "2031";

    private static readonly string[] PublicAddresses =
        ["/Public", "/Public/Jamfor", "/Public/Oppna-data", "/open-data/v1/results.csv", "/open-data/v1/results.json", "/open-data/v1/units.csv", "/open-data/v1/units.json"];

    /// <summary>An indicator of its own with results for three published units: 81,5 % of 120 answers, 64 % of 40 and 3 answers (suppressed).</summary>
    private async Task<(Guid Indicator, string Code, Guid ChoiceSystem, Guid[] Units)> SeedAsync(string code) => await app.WithDbAsync(async db =>
    {
        var active = (await db.Authorisations.Where(a => a.Status == AuthorisationStatus.Active).Select(a => new { a.ProviderId, a.ChoiceSystemId }).ToListAsync(Cancel))
            .ToHashSet();
        var open = (await db.Units.Where(u => u.ClosedOn == null && u.ProviderId != null).Select(u => new { u.Id, ProviderId = u.ProviderId!.Value }).ToListAsync(Cancel))
            .ToDictionary(u => u.Id, u => u.ProviderId);
        var links = (await db.Set<Dictionary<string, object>>("UnitChoiceSystems")
                .Select(l => new { UnitId = EF.Property<Guid>(l, "UnitId"), ChoiceSystemId = EF.Property<Guid>(l, "ChoiceSystemsId") }).ToListAsync(Cancel))
            .Where(l => open.ContainsKey(l.UnitId)).Select(l => new { l.UnitId, ProviderId = open[l.UnitId], l.ChoiceSystemId }).ToList();
        var published = links.Where(l => active.Contains(new { l.ProviderId, l.ChoiceSystemId })).ToList();
        var choice = published.GroupBy(p => p.ChoiceSystemId).First(g => g.Count() >= 3);
        var units = choice.Select(p => p.UnitId).Distinct().Take(3).ToArray();
        var indicator = new Indicator
        {
            Code = code,
            Name = $"Nöjdhet {code} (fiktiv)",
            UnitOfMeasure = "%",
            ValueKind = IndicatorValueKind.Share,
            Direction = Direction.HigherIsBetter,
            Source = EvidenceSource.UserSurvey,
        };
        db.Indicators.Add(indicator);
        Outcome Result(Guid unitId, double value, int answers) =>
            new() { IndicatorId = indicator.Id, UnitId = unitId, Year = Year, PeriodKind = PeriodKind.Year, Value = value, Answers = answers };
        db.Outcomes.AddRange(Result(units[0], 81.5, 120), Result(units[1], 64, 40), Result(units[2], 47.3, 3));
        await db.SaveChangesAsync(Cancel);
        return (indicator.Id, code, choice.Key, units);
    });

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid indicator, string handler, bool confirmed) =>
        await Forms.SubmitAsync(client, $"/Evidence/Indicators/Edit/{indicator}", [new("year", YearText), new("confirmed", confirmed ? "true" : "false")],
            $"/Evidence/Indicators/Edit/{indicator}?handler={handler}");

    private async Task<string> PublicTextAsync(string address)
    {
        using var anonymous = app.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(address, Cancel);
        return WebUtility.HtmlDecode(await Expect.OkAsync(response));
    }

    [Fact]
    public async Task OnlyReleasedResultsArePublicNeverASmallGroupAndWithdrawingRemovesThem()
    {
        var (indicator, code, choice, units) = await SeedAsync("PUB-NOJD");
        var compare = $"/Public/Jamfor?kundval={choice}&enhet={units[0]}&enhet={units[1]}&enhet={units[2]}";
        Assert.DoesNotContain(code, await PublicTextAsync("/open-data/v1/results.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain($"Nöjdhet {code}", await PublicTextAsync(compare), StringComparison.Ordinal);

        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        // The first post only asks for a confirmation.
        using (var asked = await StepAsync(developer, indicator, "Release", confirmed: false))
        {
            Assert.Contains("Bekräfta att resultaten för 2031 frisläpps", WebUtility.HtmlDecode(await Expect.OkAsync(asked)), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(code, await PublicTextAsync("/open-data/v1/results.json"), StringComparison.Ordinal);
        using (var released = await StepAsync(developer, indicator, "Release", confirmed: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        }
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ResultRelease", Cancel)));

        var csv = await PublicTextAsync("/open-data/v1/results.csv");
        Assert.Contains(code, csv, StringComparison.Ordinal);
        Assert.Contains(";81.5;120;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("47.3", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(units[2].ToString(), csv.Split('\n').Where(l => l.Contains(code, StringComparison.Ordinal)).Aggregate("", string.Concat), StringComparison.Ordinal);
        Assert.DoesNotContain("47.3", await PublicTextAsync("/open-data/v1/results.json"), StringComparison.Ordinal);
        var page = await PublicTextAsync(compare);
        Assert.Contains("81,5 %", page, StringComparison.Ordinal);
        Assert.Contains("Antal svar: 120", page, StringComparison.Ordinal);
        Assert.Contains("Färre än 5 svar", page, StringComparison.Ordinal);
        Assert.DoesNotContain("47,3", page, StringComparison.Ordinal);

        using (var withdrawn = await StepAsync(developer, indicator, "Withdraw", confirmed: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }
        Assert.DoesNotContain(code, await PublicTextAsync("/open-data/v1/results.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain($"Nöjdhet {code}", await PublicTextAsync(compare), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasingIsRefusedToProvidersAndTheAnonymous()
    {
        var (indicator, code, _, _) = await SeedAsync("PUB-NEKAD");
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var providerPost = await Forms.PostAsync(provider, $"/Evidence/Indicators/Edit/{indicator}?handler=Release", "", [new("year", YearText), new("confirmed", "true")]);
        Assert.True(Expect.IsDenied(providerPost) || providerPost.StatusCode == HttpStatusCode.BadRequest, providerPost.StatusCode.ToString());
        using var anonymous = app.CreateAnonymousClient();
        using var anonymousPost = await Forms.PostAsync(anonymous, $"/Evidence/Indicators/Edit/{indicator}?handler=Release", "", [new("year", YearText), new("confirmed", "true")]);
        Assert.True((int)anonymousPost.StatusCode is >= 300 and < 500, anonymousPost.StatusCode.ToString());
        Assert.False(await app.WithDbAsync(db => db.ResultReleases.AnyAsync(r => r.IndicatorId == indicator, Cancel)));
        Assert.DoesNotContain(code, await PublicTextAsync("/open-data/v1/results.csv"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kundval=inte-ett-id", "Adressen innehåller val som inte går att läsa")]
    [InlineData("kundval=00000000-0000-0000-0000-000000000001", "Kundvalet finns inte")]
    [InlineData("enhet=trasig", "Adressen innehåller val som inte går att läsa")]
    public async Task BadInputOnTheComparisonGetsASwedishMessage(string query, string message)
    {
        Assert.Contains(message, await PublicTextAsync($"/Public/Jamfor?{query}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreThanThreeUnitsGetASwedishMessage()
    {
        var (_, _, choice, units) = await SeedAsync("PUB-FYRA");
        var page = await PublicTextAsync($"/Public/Jamfor?kundval={choice}&{string.Join('&', units.Append(Guid.NewGuid()).Select(u => $"enhet={u}"))}");
        Assert.Contains("Välj högst 3 enheter att jämföra", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPublicPageOrFileShowsAServiceUsersNameOrIdentityNumber()
    {
        const string name = "Gunvor Hemlig-Brukare";
        const string identityNumber = "19121212-1212";
        var (indicator, _, choice, units) = await SeedAsync("PUB-PERSON");
        await app.WithDbAsync(async db =>
        {
            db.ResultReleases.Add(new ResultRelease { IndicatorId = indicator, Year = Year, ReleasedByName = "Test (fiktiv)", ReleasedAt = DateTimeOffset.UtcNow });
            foreach (var unit in units)
            {
                db.Complaints.Add(new Complaint
                {
                    UnitId = unit,
                    ReceivedOn = new DateOnly(2031, 3, 1),
                    Channel = ComplaintChannel.Letter,
                    Category = ComplaintCategory.Care,
                    Severity = Severity.Serious,
                    Summary = $"{name} ({identityNumber}) fick ingen hjälp.",
                });
                db.CaseWorkerObservations.Add(new CaseWorkerObservation { UnitId = unit, ObservedOn = new DateOnly(2031, 3, 2), Category = ComplaintCategory.Care, Severity = Severity.Minor, Summary = $"{name}, {identityNumber}, var orolig." });
            }
            return await db.SaveChangesAsync(Cancel);
        });
        var compare = $"/Public/Jamfor?kundval={choice}&{string.Join('&', units.Select(u => $"enhet={u}"))}";
        foreach (var address in PublicAddresses.Append(compare))
        {
            var text = await PublicTextAsync(address);
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Hemlig", text, StringComparison.Ordinal);
            Assert.Empty(PersonalIdentityNumberDetector.FindIn(text));
        }
        Assert.Contains("Nöjdhet PUB-PERSON", await PublicTextAsync(compare), StringComparison.Ordinal);
    }
}
