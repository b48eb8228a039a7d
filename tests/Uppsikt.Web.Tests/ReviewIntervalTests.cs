using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The review interval page and API (specification rule 2): each open unit of a committee's choice systems with its next due
/// date and reason, computed in a constant number of queries, and the interval each choice system sets.
/// </summary>
public sealed class ReviewIntervalTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Row(Guid UnitId, string UnitName, string ProviderName, Guid ChoiceSystemId, string ChoiceSystemName, int IntervalMonths,
        Guid? LastReviewId, DateOnly? LastReviewOn, string? LastResult, int OpenDeficiencies, DateOnly DueOn, string Reason, bool Overdue);

    private sealed record RowPage(List<Row> Items, int Total, int Page, int PageSize);

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    private Task<Guid> ElderlyCommitteeAsync() =>
        app.WithDbAsync(db => db.ChoiceSystems.Where(c => c.Name == Demo.HomeCare).Select(c => c.CommitteeId).SingleAsync(Cancel));

    private static string Url(Guid committeeId, string? filter = null, int page = 1) =>
        $"/api/v1/review-intervals?committeeId={committeeId}&pageSize=200&page={page}{(filter is null ? "" : $"&filter={filter}")}";

    /// <summary>Every row of the committee, page by page.</summary>
    private static async Task<List<Row>> RowsAsync(HttpClient api, Guid committeeId, string? filter = null)
    {
        var rows = new List<Row>();
        for (var page = 1; ; page++)
        {
            var body = await api.GetFromJsonAsync<RowPage>(Url(committeeId, filter, page), Api.Json, Cancel) ?? throw new InvalidOperationException("No body.");
            rows.AddRange(body.Items);
            if (rows.Count >= body.Total || body.Items.Count == 0)
            {
                return rows;
            }
        }
    }

    /// <summary>A new open unit of Omsorgshuset in the given choice systems, never reviewed.</summary>
    private Task<Guid> AddUnitAsync(string name, params string[] choiceSystems) => app.WithDbAsync(async db =>
    {
        var provider = await db.Providers.SingleAsync(p => p.Name == Demo.Omsorgshuset, Cancel);
        var unit = new Unit { Name = name, ProviderId = provider.Id, Ownership = provider.Ownership };
        unit.ChoiceSystems.AddRange(await db.ChoiceSystems.Where(c => choiceSystems.Contains(c.Name)).ToListAsync(Cancel));
        db.Units.Add(unit);
        await db.SaveChangesAsync(Cancel);
        return unit.Id;
    });

    [Fact]
    public async Task AFinalReviewWithDeficienciesMakesTheUnitDueByTheEarliestOpenDeadline()
    {
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Final) { Title = "Granskning med brister (intervalltest)" });
        var (unitId, earliest) = await app.WithDbAsync(async db =>
        {
            var unit = await db.ReviewUnits.Where(u => u.ReviewId == reviewId).Select(u => u.UnitId).SingleAsync(Cancel);
            var deadline = await db.Deficiencies.Where(d => d.UnitId == unit && d.State == DeficiencyState.Open).MinAsync(d => d.DeadlineOn, Cancel);
            return (unit, deadline);
        });
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        var row = Assert.Single(await RowsAsync(api, await ElderlyCommitteeAsync()), r => r.UnitId == unitId);

        Assert.Equal(earliest, row.DueOn);
        Assert.Equal(nameof(DueReason.DeficiencyDeadline), row.Reason);
        Assert.True(row.OpenDeficiencies > 0);
        Assert.Equal(Today, row.LastReviewOn);
        Assert.Equal(nameof(Assessment.SeriousDeficiency), row.LastResult);
    }

    [Fact]
    public async Task ANeverReviewedUnitIsDueTodayUnderTheShortestIntervalOfItsChoiceSystems()
    {
        var unitId = await AddUnitAsync("Omsorgshuset Intervallenheten (fiktiv)", Demo.HomeCare, Demo.ElderlyDayCare);
        var dayCare = await app.GetChoiceSystemIdAsync(Demo.ElderlyDayCare);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        using var admin = await app.ApiClientAs(Demo.Admin);
        // The day care's interval becomes 12 months through the API; a change that leaves the interval out keeps it.
        var choice = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/choice-systems/{dayCare}", Api.Json, Cancel);
        Assert.Equal(ReviewInterval.DefaultMonthsWithoutDeficiencies, choice.GetProperty("reviewIntervalMonths").GetInt32());
        object Change(JsonElement c, int? months) => new
        {
            name = c.GetProperty("name").GetString(),
            committeeId = c.GetProperty("committeeId").GetGuid(),
            legalBasis = c.GetProperty("legalBasis").GetString(),
            operatingForm = c.GetProperty("operatingForm").GetString(),
            description = c.GetProperty("description").GetString(),
            koladaUnitTypes = string.Join(",", c.GetProperty("koladaUnitTypes").EnumerateArray().Select(t => t.GetString())),
            version = c.GetProperty("version").GetInt32(),
            reviewIntervalMonths = months,
        };
        foreach (var wrong in new[] { 0, 61, -5 })
        {
            using var refused = await admin.PutAsJsonAsync($"/api/v1/choice-systems/{dayCare}", Change(choice, wrong), Api.Json, Cancel);
            Assert.Contains("reviewIntervalMonths", await Expect.StatusAsync(refused, HttpStatusCode.BadRequest), StringComparison.OrdinalIgnoreCase);
        }
        using (var saved = await admin.PutAsJsonAsync($"/api/v1/choice-systems/{dayCare}", Change(choice, 12), Api.Json, Cancel))
        {
            choice = JsonSerializer.Deserialize<JsonElement>(await Expect.OkAsync(saved), Api.Json);
        }
        using (var kept = await admin.PutAsJsonAsync($"/api/v1/choice-systems/{dayCare}", Change(choice, null), Api.Json, Cancel))
        {
            Assert.Equal(12, JsonSerializer.Deserialize<JsonElement>(await Expect.OkAsync(kept), Api.Json).GetProperty("reviewIntervalMonths").GetInt32());
        }

        var row = Assert.Single(await RowsAsync(api, await ElderlyCommitteeAsync()), r => r.UnitId == unitId);

        Assert.Equal(Today, row.DueOn);
        Assert.Equal(nameof(DueReason.NeverReviewed), row.Reason);
        Assert.False(row.Overdue);
        Assert.Null(row.LastReviewId);
        Assert.Equal(12, row.IntervalMonths);
        Assert.Equal(dayCare, row.ChoiceSystemId);
        Assert.Contains(await RowsAsync(api, await ElderlyCommitteeAsync(), "DueSoon"), r => r.UnitId == unitId);
        Assert.DoesNotContain(await RowsAsync(api, await ElderlyCommitteeAsync(), "Overdue"), r => r.UnitId == unitId);
    }

    [Fact]
    public async Task TheDemoShowsAnOverdueFollowUpInTheElderlyCommittee()
    {
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);

        var overdue = await RowsAsync(api, await ElderlyCommitteeAsync(), "Overdue");

        Assert.Contains(overdue, r => r.Reason == nameof(DueReason.DeficiencyDeadline) && r.UnitName == "Omsorgshuset Hemtjänst Älta (fiktiv)");
        Assert.All(overdue, r => Assert.True(r.Overdue && r.DueOn < Today));
    }

    [Fact]
    public async Task ThePageIsTheMunicipalitysAndShowsTheCommitteesUnitsAndTheYearsProposal()
    {
        var committeeId = await ElderlyCommitteeAsync();
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var providerApi = await app.ApiClientAs(Demo.OmsorgshusetUser);

        using (var page = await developer.GetAsync($"/Reviews/Intervals?CommitteeId={committeeId}&Year={Today.Year + 1}", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
            Assert.Contains("Enheter i Äldrenämnden", html, StringComparison.Ordinal);
            Assert.Contains($"Förslag till årets ordinarie granskningar {Today.Year + 1}", html, StringComparison.Ordinal);
            Assert.Contains(Demo.OmsorgshusetSickla, html, StringComparison.Ordinal);
        }
        // The first committee by name when none is chosen; a committee that does not exist is not found; bad values change nothing.
        using (var first = await developer.GetAsync("/Reviews/Intervals", Cancel))
        {
            await Expect.OkAsync(first);
        }
        using (var missing = await developer.GetAsync($"/Reviews/Intervals?CommitteeId={Guid.CreateVersion7()}", Cancel))
        {
            await Expect.StatusAsync(missing, HttpStatusCode.NotFound);
        }
        using (var odd = await developer.GetAsync($"/Reviews/Intervals?CommitteeId={committeeId}&Filter=Nonsense&Year=1900&Page=-3&Sort=x", Cancel))
        {
            await Expect.OkAsync(odd);
        }
        using (var reviews = await developer.GetAsync("/Reviews", Cancel))
        {
            Assert.Contains("href=\"/Reviews/Intervals\"", await Expect.OkAsync(reviews), StringComparison.Ordinal);
        }
        using (var denied = await provider.GetAsync($"/Reviews/Intervals?CommitteeId={committeeId}", Cancel))
        {
            await Expect.DeniedAsync(denied);
        }
        using (var deniedApi = await providerApi.GetAsync(Url(committeeId), Cancel))
        {
            await Expect.DeniedAsync(deniedApi);
        }
    }

    [Fact]
    public async Task ThePageAndTheApiRunAsManyQueriesHoweverManyUnitsTheyShow()
    {
        var committeeId = await ElderlyCommitteeAsync();
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        async Task<int> QueriesAsync(HttpClient client, string url)
        {
            app.Queries.Watch(url.Split('?')[0]);
            using var response = await client.GetAsync(url, Cancel);
            await Expect.OkAsync(response);
            return app.Queries.Count;
        }
        var page = $"/Reviews/Intervals?CommitteeId={committeeId}";
        // Once first, so that what a client's first request reads once (its user, keys) is not counted.
        await QueriesAsync(api, Url(committeeId));
        await QueriesAsync(browser, page);
        var before = (Api: await QueriesAsync(api, Url(committeeId)), Page: await QueriesAsync(browser, page));
        Assert.True(before.Api > 0, "The counter saw no queries.");

        for (var i = 0; i < 12; i++)
        {
            await AddUnitAsync($"Omsorgshuset Räkneenhet {i} (fiktiv)", Demo.HomeCare, Demo.NursingHome);
        }
        await TestReviews.SeedAsync(app, new ReviewSpec(Demo.TryggaHander, ReviewState.Closed) { Title = "Granskning att räkna (intervalltest)" });

        Assert.Equal(before.Api, await QueriesAsync(api, Url(committeeId)));
        Assert.Equal(before.Page, await QueriesAsync(browser, page));
    }
}
