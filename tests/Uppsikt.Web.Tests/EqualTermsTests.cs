using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The equal-terms page and <c>/api/v1/indicator-results/equal-terms</c> (decision 0041) on results made for the test.</summary>
public sealed class EqualTermsTests(UppsiktApp app) : IClassFixture<UppsiktApp>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const int Year = 2030;

    public sealed record Interval(double Low, double High);

    public sealed record Pool(double? Value, int Answers, int Units, Interval? Interval);

    public sealed record Row(Guid UnitId, string UnitName, string ProviderName, bool InHouse, double Value, int? Answers, Interval? Interval, bool Suppressed, string? Verdict);

    public sealed record Rows(List<Row> Items, int Total, int Page, int PageSize);

    public sealed record Comparison(string IndicatorCode, int Year, bool HasIntervals, int MinimumAnswers, Pool Municipality, Pool InHouse, Pool Private,
        string InHouseAgainstPrivate, Rows Units);

    private Guid _apart, _overlapping, _number;
    private List<(Guid Id, string Name)> _inHouse = [], _private = [];

    public async ValueTask InitializeAsync()
    {
        (_apart, _overlapping, _number) = await app.WithDbAsync(async db =>
        {
            var units = await db.Units.OrderBy(u => u.Name).Select(u => new { u.Id, u.Name, u.Ownership }).ToListAsync(Cancel);
            _inHouse = [.. units.Where(u => u.Ownership == Ownership.InHouse).Take(2).Select(u => (u.Id, u.Name))];
            _private = [.. units.Where(u => u.Ownership != Ownership.InHouse).Take(3).Select(u => (u.Id, u.Name))];
            // Each test gets an instance of its own, the class one app: the results are made once.
            var made = await db.Indicators.Where(i => i.Code.StartsWith("LV-")).ToDictionaryAsync(i => i.Code, i => i.Id, Cancel);
            if (made.ContainsKey("LV-ISAR"))
            {
                return (made["LV-ISAR"], made["LV-NARA"], made["LV-TAL"]);
            }
            Indicator New(string code, string unit, IndicatorValueKind kind) =>
                new() { Code = code, Name = $"Lika villkor {code} (fiktiv)", UnitOfMeasure = unit, ValueKind = kind, Direction = Direction.HigherIsBetter, Source = EvidenceSource.UserSurvey };
            var apart = New("LV-ISAR", "%", IndicatorValueKind.Share);
            var overlapping = New("LV-NARA", "%", IndicatorValueKind.Share);
            var number = New("LV-TAL", "dagar", IndicatorValueKind.Number);
            db.Indicators.AddRange(apart, overlapping, number);
            Outcome Result(Indicator indicator, Guid unitId, double value, int? answers) =>
                new() { IndicatorId = indicator.Id, UnitId = unitId, Year = Year, PeriodKind = PeriodKind.Year, Value = value, Answers = answers };
            db.Outcomes.AddRange(
                // In-house far above the private units: the intervals lie well apart. The third private unit has 3 answers.
                Result(apart, _inHouse[0].Id, 95, 200), Result(apart, _inHouse[1].Id, 94, 150),
                Result(apart, _private[0].Id, 60, 180), Result(apart, _private[1].Id, 62, 120), Result(apart, _private[2].Id, 10, 3),
                // Ten points apart on 20 answers each: the intervals overlap, so no difference may be claimed.
                Result(overlapping, _inHouse[0].Id, 80, 20), Result(overlapping, _private[0].Id, 70, 20),
                Result(number, _inHouse[0].Id, 40, 200), Result(number, _private[0].Id, 10, 200));
            await db.SaveChangesAsync(Cancel);
            return (apart.Id, overlapping.Id, number.Id);
        });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Comparison> GetAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/indicator-results/equal-terms?{query}", Cancel);
        return await Api.ReadAsync<Comparison>(response);
    }

    [Fact]
    public async Task ADifferenceIsClaimedOnlyWhereTheIntervalsDoNotOverlapAndAResultFromTooFewAnswersIsLeftOut()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);

        var apart = await GetAsync(client, $"indicatorId={_apart}&year={Year}");
        Assert.True(apart.HasIntervals);
        Assert.Equal(5, apart.MinimumAnswers);
        Assert.Equal("Higher", apart.InHouseAgainstPrivate);
        Assert.True(apart.InHouse.Interval!.Low > apart.Private.Interval!.High);
        // The pools leave the unit with 3 answers out: 2 private units, 300 answers.
        Assert.Equal((2, 300), (apart.Private.Units, apart.Private.Answers));
        Assert.Equal((4, 650), (apart.Municipality.Units, apart.Municipality.Answers));
        Assert.Equal(51340.0 / 650, apart.Municipality.Value!.Value, 6);
        var rows = apart.Units.Items.ToDictionary(r => r.UnitId);
        Assert.Equal("Higher", rows[_inHouse[0].Id].Verdict);
        Assert.Equal("Lower", rows[_private[0].Id].Verdict);
        var few = rows[_private[2].Id];
        Assert.True(few.Suppressed);
        Assert.Null(few.Verdict);
        Assert.Null(few.Interval);
        // Every verdict claims a difference only between intervals that do not overlap.
        foreach (var row in apart.Units.Items.Where(r => r.Verdict is "Higher" or "Lower"))
        {
            Assert.True(row.Interval!.Low > apart.Municipality.Interval!.High || row.Interval.High < apart.Municipality.Interval.Low);
        }

        var overlapping = await GetAsync(client, $"indicatorId={_overlapping}&year={Year}");
        Assert.True(overlapping.InHouse.Interval!.High >= overlapping.Private.Interval!.Low);
        Assert.Equal("NoCertainDifference", overlapping.InHouseAgainstPrivate);
        Assert.All(overlapping.Units.Items, r => Assert.Equal("NoCertainDifference", r.Verdict));

        var number = await GetAsync(client, $"indicatorId={_number}&year={Year}");
        Assert.False(number.HasIntervals);
        Assert.Equal("NoCertainDifference", number.InHouseAgainstPrivate);
        Assert.All(number.Units.Items, r => Assert.Null(r.Interval));
    }

    [Fact]
    public async Task TheApiSortsPagesAndFiltersByOwnership()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var byValue = await GetAsync(client, $"indicatorId={_apart}&year={Year}&sort=value&descending=true&pageSize=2");
        Assert.Equal((5, 2), (byValue.Units.Total, byValue.Units.Items.Count));
        Assert.Equal([95.0, 94.0], byValue.Units.Items.Select(r => r.Value));
        var second = await GetAsync(client, $"indicatorId={_apart}&year={Year}&sort=answers&page=2&pageSize=2");
        Assert.Equal([150, 180], second.Units.Items.Select(r => r.Answers!.Value));
        var inHouse = await GetAsync(client, $"indicatorId={_apart}&year={Year}&inHouse=true");
        Assert.All(inHouse.Units.Items, r => Assert.True(r.InHouse));
        Assert.Equal(2, inHouse.Units.Total);
        // The pools stay those of every unit, whatever the table shows.
        Assert.Equal(2, inHouse.Private.Units);
    }

    [Fact]
    public async Task AReaderOutsideTheStaffNeverGetsAResultFromTooFewAnswers()
    {
        await using var scope = app.Services.CreateAsyncScope();
        async Task<(EqualTermsComparison? Comparison, Web.Infrastructure.SaveResult? Refused)> AsAsync(string role)
        {
            var actor = new ScopedActor(AccessScope.Unrestricted, role);
            await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), actor, TimeProvider.System,
                scope.ServiceProvider.GetRequiredService<Domain.Audit.AuditKeyRing>());
            return await new ResultComparison(db, actor, new ResultSettings(), TimeProvider.System)
                .CompareAsync(new EqualTermsFilter(_apart, Year), new ListQuery(), Cancel);
        }

        var staff = (await AsAsync(Roles.QualityDeveloper)).Comparison!;
        var member = (await AsAsync(Roles.CommitteeMember)).Comparison!;
        Assert.Contains(staff.Units.Items, r => r.Suppressed);
        Assert.DoesNotContain(member.Units.Items, r => r.Suppressed || r.Answers < 5);
        Assert.Equal(4, member.Units.Total);
        Assert.Equal(staff.Municipality, member.Municipality);
    }

    [Fact]
    public async Task ThePageShowsTheVerdictsTheIntervalsAndTheSuppressedUnits()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var html = await Expect.OkAsync(await quality.GetAsync($"/Evidence/Indicators/EqualTerms?IndicatorId={_apart}&Year={Year}", Cancel));
        Assert.Contains("Egen regi jämfört med privata anordnare: Högre", html, StringComparison.Ordinal);
        Assert.Contains("Färre än 5 svar", html, StringComparison.Ordinal);
        Assert.Contains(_private[2].Name, html, StringComparison.Ordinal);
        Assert.Contains("Egen regi jämfört med privata anordnare, sammanvägt efter antal svar</caption>", html, StringComparison.Ordinal);

        var overlapping = await Expect.OkAsync(await quality.GetAsync($"/Evidence/Indicators/EqualTerms?IndicatorId={_overlapping}&Year={Year}", Cancel));
        Assert.Contains("Egen regi jämfört med privata anordnare: Ingen säker skillnad", overlapping, StringComparison.Ordinal);

        var number = await Expect.OkAsync(await quality.GetAsync($"/Evidence/Indicators/EqualTerms?IndicatorId={_number}&Year={Year}", Cancel));
        Assert.Contains("Inget konfidensintervall kan beräknas", number, StringComparison.Ordinal);
        Assert.DoesNotContain("Högre", number, StringComparison.Ordinal);

        // Without a choice the page shows an indicator and its latest year.
        await Expect.OkAsync(await quality.GetAsync("/Evidence/Indicators/EqualTerms", Cancel));
    }

    [Fact]
    public async Task BadInputIsRefusedWithoutAServerError()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        foreach (var query in new[] { $"indicatorId={Guid.NewGuid()}", $"indicatorId={_apart}&year=3000", $"indicatorId={_apart}&sort=nonsense",
            "indicatorId=inte-ett-id", $"committeeId={Guid.NewGuid()}", "year=-1" })
        {
            using var response = await client.GetAsync($"/api/v1/indicator-results/equal-terms?{query}", Cancel);
            await Expect.StatusAsync(response, HttpStatusCode.BadRequest);
        }

        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var page = await Expect.OkAsync(await quality.GetAsync($"/Evidence/Indicators/EqualTerms?IndicatorId={_apart}&Year=3000", Cancel));
        Assert.Contains("Året ska vara mellan 1990 och 2100.", page, StringComparison.Ordinal);
        var unknown = await Expect.OkAsync(await quality.GetAsync($"/Evidence/Indicators/EqualTerms?IndicatorId={Guid.NewGuid()}", Cancel));
        Assert.Contains("Indikatorn finns inte.", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderUserIsRefused()
    {
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        await Expect.DeniedAsync(await provider.GetAsync($"/Evidence/Indicators/EqualTerms?IndicatorId={_apart}&Year={Year}", Cancel));
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var response = await api.GetAsync($"/api/v1/indicator-results/equal-terms?indicatorId={_apart}&year={Year}", Cancel);
        await Expect.StatusAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ANewIndicatorIsAShareWhenItsUnitIsPercentUnlessAnotherKindIsChosen()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        KeyValuePair<string, string>[] Form(string code, string unit, string kind) =>
        [
            new("Input.Code", code), new("Input.Name", "Slag av värde (fiktiv)"), new("Input.UnitOfMeasure", unit), new("Input.ValueKind", kind),
            new("Input.Direction", "HigherIsBetter"), new("Input.Source", "UserSurvey"), new("Input.Version", "0"),
        ];
        foreach (var (code, unit, kind) in new[] { ("LV-PROC", "%", ""), ("LV-DAGAR", "dagar", ""), ("LV-MEDEL", "poäng", "Mean") })
        {
            using var saved = await Forms.SubmitAsync(quality, "/Evidence/Indicators/Edit", Form(code, unit, kind));
            await Expect.RedirectAsync(saved, "/Evidence/Indicators");
        }
        var kinds = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code.StartsWith("LV-")).ToDictionaryAsync(i => i.Code, i => i.ValueKind, Cancel));
        Assert.Equal(IndicatorValueKind.Share, kinds["LV-PROC"]);
        Assert.Equal(IndicatorValueKind.Number, kinds["LV-DAGAR"]);
        Assert.Equal(IndicatorValueKind.Mean, kinds["LV-MEDEL"]);

        // A kind that does not exist is refused on the form and saves nothing.
        using var refused = await Forms.SubmitAsync(quality, "/Evidence/Indicators/Edit", Form("LV-FEL", "%", "99"));
        Assert.Contains("error-summary", await Expect.OkAsync(refused), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Code == "LV-FEL", Cancel)));
    }
}
