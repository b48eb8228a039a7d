using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Features.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Risk through the API: explained scores whose total is the sum of their contributions and follows the committee's weights;
/// weights and matrices validated and audited; a risk analysis from draft to approval and re-assessment; the annual selection
/// reproducible, within capacity and planned on acceptance; a serious complaint raising a task; providers seeing none of it.
/// </summary>
public sealed class RiskTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Elderly = "Äldrenämnden";

    private Task<Guid> CommitteeIdAsync(string name) =>
        app.WithDbAsync(db => db.Committees.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Cancel));

    private static async Task<UnitRisk> UnitRiskAsync(HttpClient api, Guid unitId) =>
        await Api.ReadAsync<UnitRisk>(await api.GetAsync($"/api/v1/risk/units/{unitId}", Cancel));

    [Fact]
    public async Task AUnitsScoreIsTheSumOfItsContributionsAndFollowsTheCommitteesWeights()
    {
        var committeeId = await CommitteeIdAsync(Elderly);
        var unitId = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);

        var before = (await UnitRiskAsync(developer, unitId)).Scores.Single(s => s.CommitteeId == committeeId);
        Assert.NotEmpty(before.Contributions);
        Assert.Equal(before.Total, before.Contributions.Sum(c => c.Points));
        Assert.All(before.Contributions, c => Assert.Equal(Math.Round(c.Weight * c.Signal.Magnitude, 1, MidpointRounding.AwayFromZero), c.Points));
        var changed = before.Contributions[0];

        // Doubling the weight of its largest signal doubles that contribution and moves the total by as much.
        var doubled = changed.Weight * 2;
        using (var saved = await developer.PutAsJsonAsync($"/api/v1/risk/committees/{committeeId}/weights",
            new { weights = new Dictionary<string, decimal> { [changed.Signal.Kind.ToString()] = doubled } }, Api.Json, Cancel))
        {
            await Expect.OkAsync(saved);
        }
        var after = (await UnitRiskAsync(developer, unitId)).Scores.Single(s => s.CommitteeId == committeeId);
        var again = after.Contributions.Single(c => c.Signal.Kind == changed.Signal.Kind && c.Signal.Description == changed.Signal.Description);
        Assert.Equal(doubled, again.Weight);
        Assert.Equal(Math.Round(doubled * changed.Signal.Magnitude, 1, MidpointRounding.AwayFromZero), again.Points);
        Assert.Equal(before.Total - changed.Points + again.Points, after.Total);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RiskWeight) && a.After!.Contains(doubled.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cancel)),
            "The weight's change is in the audit trail.");

        // The ranking lists the unit with the same total, and ranks by score.
        var ranking = await Api.ReadAsync<PagedList<RankingRow>>(await developer.GetAsync($"/api/v1/risk/ranking?committeeId={committeeId}&pageSize=200", Cancel));
        Assert.Equal(after.Total, ranking.Items.Single(r => r.UnitId == unitId).Score);
        Assert.Equal(ranking.Items.OrderByDescending(r => r.Score).Select(r => r.Score), ranking.Items.Select(r => r.Score));
        Assert.Equal(1, ranking.Items[0].Rank);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("2.25")]
    public async Task AWeightOutsideItsBoundsIsRefusedByItsFieldAndChangesNothing(string weight)
    {
        var committeeId = await CommitteeIdAsync("Socialnämnden");
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        var before = await app.WithDbAsync(db => db.RiskWeights.CountAsync(w => w.CommitteeId == committeeId, Cancel));
        using var refused = await manager.PutAsync($"/api/v1/risk/committees/{committeeId}/weights",
            new StringContent($$$"""{"weights":{"OpenDeficiencies":4,"SeriousComplaints":{{{weight}}}}}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        var body = await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("Weights[SeriousComplaints]", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.RiskWeights.CountAsync(w => w.CommitteeId == committeeId, Cancel)));
    }

    [Fact]
    public async Task AMatrixFromThreeByThreeToFiveByFiveIsKeptAndABadOneIsRefusedByItsField()
    {
        var committeeId = await CommitteeIdAsync("Kulturnämnden");
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var standard = await Api.ReadAsync<MatrixView>(await developer.GetAsync($"/api/v1/risk/committees/{committeeId}/matrix", Cancel));
        Assert.True(standard.IsDefault);

        using (var saved = await developer.PutAsJsonAsync($"/api/v1/risk/committees/{committeeId}/matrix", new
        {
            likelihoodLabels = new[] { "Låg", "Medel", "Hög" },
            consequenceLabels = new[] { "Liten", "Märkbar", "Allvarlig", "Katastrofal" },
            bands = new[] { new { fromScore = 1, name = "Acceptabel", colour = "#C8E6C9" }, new { fromScore = 6, name = "Oacceptabel", colour = "#EF9A9A" } },
        }, Api.Json, Cancel))
        {
            var matrix = await Api.ReadAsync<MatrixView>(saved);
            Assert.False(matrix.IsDefault);
            Assert.Equal(3, matrix.LikelihoodLabels.Count);
            Assert.Equal(4, matrix.ConsequenceLabels.Count);
            Assert.Equal("Oacceptabel", matrix.BandOf(matrix.Score(3, 4)).Name);
            Assert.Equal("Acceptabel", matrix.BandOf(matrix.Score(1, 4)).Name);
        }
        using var refused = await developer.PutAsJsonAsync($"/api/v1/risk/committees/{committeeId}/matrix", new
        {
            likelihoodLabels = new[] { "Låg", "Hög" },
            consequenceLabels = new[] { "Liten", "Märkbar", "Allvarlig" },
            bands = new[] { new { fromScore = 1, name = "Låg", colour = "#FFFFFF" }, new { fromScore = 3, name = "Hög", colour = "röd" } },
            version = 1,
        }, Api.Json, Cancel);
        var body = await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("LikelihoodLabels", body, StringComparison.Ordinal);
        var kept = await Api.ReadAsync<MatrixView>(await developer.GetAsync($"/api/v1/risk/committees/{committeeId}/matrix", Cancel));
        Assert.Equal(3, kept.LikelihoodLabels.Count);
        Assert.Equal(4, kept.ConsequenceLabels.Count);
    }

    [Fact]
    public async Task ABandSentAsNullIsSkippedAsABlankRow()
    {
        var committeeId = await CommitteeIdAsync("Utbildningsnämnden");
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);

        using var saved = await developer.PutAsJsonAsync($"/api/v1/risk/committees/{committeeId}/matrix", new
        {
            likelihoodLabels = new[] { "Låg", "Medel", "Hög" },
            consequenceLabels = new[] { "Liten", "Märkbar", "Allvarlig" },
            bands = new[] { null, new { fromScore = 1, name = "Acceptabel", colour = "#C8E6C9" }, new { fromScore = 6, name = "Oacceptabel", colour = "#EF9A9A" } },
        }, Api.Json, Cancel);

        var matrix = await Api.ReadAsync<MatrixView>(saved);
        Assert.Equal(["Acceptabel", "Oacceptabel"], matrix.Bands.Select(b => b.Name));
    }

    [Fact]
    public async Task ARiskAnalysisIsPreparedApprovedByTheGroupManagerAndReassessedWithAReason()
    {
        var choiceSystemId = await app.GetChoiceSystemIdAsync(Demo.NursingHome);
        var year = TimeProvider.System.SwedishToday().Year;
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var manager = await app.ApiClientAs(Demo.GroupManager);

        var analysis = await Api.ReadCreatedAsync<AnalysisDetails>(await developer.PostAsJsonAsync("/api/v1/risk/analyses", new { choiceSystemId, year }, Api.Json, Cancel));
        Assert.Equal(RiskAnalysisState.Draft, analysis.State);
        // One analysis per choice system and year.
        await Expect.StatusAsync(await developer.PostAsJsonAsync("/api/v1/risk/analyses", new { choiceSystemId, year }, Api.Json, Cancel), HttpStatusCode.BadRequest);
        // Nothing to send yet.
        await Expect.StatusAsync(await developer.PostAsJsonAsync($"/api/v1/risk/analyses/{analysis.Id}/submission", new { version = analysis.Version }, Api.Json, Cancel),
            HttpStatusCode.BadRequest);

        // A likelihood outside the committee's matrix is refused by its field.
        var outside = await developer.PostAsJsonAsync($"/api/v1/risk/analyses/{analysis.Id}/items", new
        {
            requirement = "Läkemedelshantering",
            description = "Risk för felaktig läkemedelshantering nattetid.",
            likelihood = 9,
            consequence = 3,
            priority = "High",
            version = analysis.Version,
        }, Api.Json, Cancel);
        Assert.Contains("Likelihood", await Expect.StatusAsync(outside, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        analysis = await Api.ReadAsync<AnalysisDetails>(await developer.PostAsJsonAsync($"/api/v1/risk/analyses/{analysis.Id}/items", new
        {
            requirement = "Läkemedelshantering",
            description = "Risk för felaktig läkemedelshantering nattetid.",
            likelihood = 2,
            consequence = 3,
            priority = "High",
            mitigation = "Stickprov på signeringslistor vid besök.",
            version = analysis.Version,
        }, Api.Json, Cancel));
        var item = Assert.Single(analysis.Items);
        Assert.Equal(6, item.Score);

        analysis = await Api.ReadAsync<AnalysisDetails>(await developer.PostAsJsonAsync($"/api/v1/risk/analyses/{analysis.Id}/submission", new { version = analysis.Version }, Api.Json, Cancel));
        Assert.Equal(RiskAnalysisState.SubmittedForApproval, analysis.State);
        // The quality developer does not approve its own analysis.
        await Expect.StatusAsync(await developer.PostAsJsonAsync($"/api/v1/risk/analyses/{analysis.Id}/approval", new { version = analysis.Version }, Api.Json, Cancel),
            HttpStatusCode.Forbidden);
        analysis = await Api.ReadAsync<AnalysisDetails>(await manager.PostAsJsonAsync($"/api/v1/risk/analyses/{analysis.Id}/approval", new { version = analysis.Version }, Api.Json, Cancel));
        Assert.Equal(RiskAnalysisState.Approved, analysis.State);
        Assert.NotNull(analysis.ApprovedOn);

        // A re-assessment needs a reason; with one it is logged and the item moves.
        await Expect.StatusAsync(await developer.PostAsJsonAsync($"/api/v1/risk/analyses/{analysis.Id}/reassessments",
            new { itemId = item.Id, likelihood = 4, consequence = 3, version = analysis.Version }, Api.Json, Cancel), HttpStatusCode.BadRequest);
        analysis = await Api.ReadAsync<AnalysisDetails>(await developer.PostAsJsonAsync($"/api/v1/risk/analyses/{analysis.Id}/reassessments",
            new { itemId = item.Id, likelihood = 4, consequence = 3, reason = "Två avvikelser i läkemedelshanteringen (fiktivt).", version = analysis.Version }, Api.Json, Cancel));
        var logged = Assert.Single(analysis.Reassessments);
        Assert.Equal((6, 12), (logged.FromScore, logged.ToScore));
        Assert.Equal(12, Assert.Single(analysis.Items).Score);
    }

    [Fact]
    public async Task TheSelectionIsTheSameForTheSameSeedStaysWithinCapacityAndBecomesPlannedReviewsOnce()
    {
        var committeeId = await CommitteeIdAsync(Elderly);
        var year = TimeProvider.System.SwedishToday().Year + 1;
        var north = await app.GetAdministrationIdAsync(Demo.NorthDistrict);
        var input = new
        {
            committeeId,
            year,
            centralHours = 120m,
            districtHours = new Dictionary<Guid, decimal> { [north] = 30m },
            hoursPerType = new Dictionary<string, decimal> { [nameof(ReviewType.QualityReview)] = 24m, [nameof(ReviewType.FollowUpReview)] = 8m, [nameof(ReviewType.ContractFollowUp)] = 16m },
            riskSharePercent = 60,
            seed = 4711,
        };
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var manager = await app.ApiClientAs(Demo.GroupManager);

        var first = await Api.ReadAsync<SelectionView>(await developer.PostAsJsonAsync("/api/v1/risk/selections/proposal", input, Api.Json, Cancel));
        var second = await Api.ReadAsync<SelectionView>(await developer.PostAsJsonAsync("/api/v1/risk/selections/proposal", input, Api.Json, Cancel));
        Assert.Equal(first.Selected.Select(s => (s.UnitId, s.Reason)), second.Selected.Select(s => (s.UnitId, s.Reason)));
        Assert.NotEmpty(first.Selected);
        Assert.All(first.Selected, s => Assert.False(string.IsNullOrWhiteSpace(s.Explanation)));
        foreach (var pool in first.Pools)
        {
            var mandatory = first.Selected.Where(s => s.AdministrationId == pool.AdministrationId && s.Reason == SelectionReason.Mandatory).Sum(s => s.Hours);
            Assert.True(pool.Used <= Math.Max(pool.Capacity, mandatory), $"{pool.Name}: {pool.Used} h used of {pool.Capacity} h.");
            Assert.Equal(pool.Used, first.Selected.Where(s => s.AdministrationId == pool.AdministrationId).Sum(s => s.Hours));
        }

        // Bad capacity is refused by its field.
        var bad = await developer.PostAsJsonAsync("/api/v1/risk/selections/proposal", input with { centralHours = -5m }, Api.Json, Cancel);
        Assert.Contains("CentralHours", await Expect.StatusAsync(bad, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        // Only the group manager accepts; acceptance plans one review per selected unit, once.
        await Expect.StatusAsync(await developer.PostAsJsonAsync("/api/v1/risk/selections", input, Api.Json, Cancel), HttpStatusCode.Forbidden);
        var accepted = await Api.ReadCreatedAsync<SelectionView>(await manager.PostAsJsonAsync("/api/v1/risk/selections", input, Api.Json, Cancel));
        Assert.True(accepted.Accepted);
        Assert.Equal(first.Selected.Select(s => s.UnitId), accepted.Selected.Select(s => s.UnitId));
        Assert.All(accepted.Selected, s => Assert.NotNull(s.ReviewId));
        var reviewIds = accepted.Selected.Select(s => s.ReviewId!.Value).ToList();
        var planned = await app.WithDbAsync(db => db.Reviews.Where(r => reviewIds.Contains(r.Id))
            .Select(r => new { r.State, r.PlannedFor, r.DecidedByRole }).ToListAsync(Cancel));
        Assert.Equal(reviewIds.Count, planned.Count);
        Assert.All(planned, r => Assert.Equal((ReviewState.Planned, year, "Riskbaserat urval"), (r.State, r.PlannedFor.Year, r.DecidedByRole)));
        await Expect.StatusAsync(await manager.PostAsJsonAsync("/api/v1/risk/selections", input, Api.Json, Cancel), HttpStatusCode.Conflict);

        // A unit with a review planned in the year is no longer a candidate for it.
        var after = await Api.ReadAsync<SelectionView>(await developer.PostAsJsonAsync("/api/v1/risk/selections/proposal", input, Api.Json, Cancel));
        Assert.Equal(first.Candidates - accepted.Selected.Count, after.Candidates);
        Assert.Empty(after.Selected.Select(s => s.UnitId).Intersect(accepted.Selected.Select(s => s.UnitId)));

        // The method and the seed are published with the committee's plan of that year, when there is one; the accepted selection reads back.
        var read = await Api.ReadAsync<SelectionView>(await developer.GetAsync($"/api/v1/risk/selections/{committeeId}/{year}", Cancel));
        Assert.Contains("frö 4711", read.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeriousComplaintRaisesOneTaskForTheUnitsResponsibleQualityDeveloper()
    {
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var responsible = await app.WithDbAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.ResponsibleUserId).SingleAsync(Cancel));
        Assert.NotNull(responsible);
        using var caseWorker = await app.ApiClientAs(Demo.QualityDeveloper);
        var complaint = new { receivedOn = TimeProvider.System.SwedishToday(), channel = "Email", unitId, category = "Continuity", severity = "Serious", summary = "Uteblivna besök tre dagar i rad (testdata)." };
        using var created = await caseWorker.PostAsJsonAsync("/api/v1/complaints", complaint, Api.Json, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var complaintId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var tasks = await app.WithDbAsync(db => db.CycleTasks.Where(t => t.SignalKey == $"risk-alert:{complaintId:N}").ToListAsync(Cancel));
        var task = Assert.Single(tasks);
        Assert.Equal(responsible, task.OwnerUserId);
        Assert.Equal(unitId, task.UnitId);
        Assert.Equal($"/Risk/Units/{unitId}", task.Link);
        Assert.Contains("påkallad granskning", task.Title + task.Description, StringComparison.Ordinal);
        Assert.Contains("riskpoäng", task.Description, StringComparison.Ordinal);

        // It is among the owner's tasks; a minor complaint raises none.
        using var owner = await app.CreateClientAs(Demo.QualityDeveloper);
        Assert.Contains(task.Title, await owner.GetStringAsync("/Cycle/MyTasks", Cancel), StringComparison.Ordinal);
        var count = await app.WithDbAsync(db => db.CycleTasks.CountAsync(t => t.UnitId == unitId, Cancel));
        await Expect.StatusAsync(await caseWorker.PostAsJsonAsync("/api/v1/complaints", complaint with { severity = "Minor" }, Api.Json, Cancel), HttpStatusCode.Created);
        Assert.Equal(count, await app.WithDbAsync(db => db.CycleTasks.CountAsync(t => t.UnitId == unitId, Cancel)));
    }

    [Fact]
    public async Task AProviderReportedLexSarahRaisesTheTaskTooThoughTheProviderSeesNoRisk()
    {
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var created = await provider.PostAsJsonAsync("/api/v1/incidents", new
        {
            kind = "LexSarah",
            severity = "Moderate",
            occurredOn = TimeProvider.System.SwedishToday(),
            unitId,
            summary = "Missad insats under natten (testdata).",
        }, Api.Json, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var incidentId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var task = await app.WithDbAsync(db => db.CycleTasks.SingleAsync(t => t.SignalKey == $"risk-alert:{incidentId:N}", Cancel));
        Assert.Equal(unitId, task.UnitId);
        Assert.Contains("Lex Sarah", task.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderSeesNoScoreNoRankingAndNoAnalysis()
    {
        var own = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var committeeId = await CommitteeIdAsync(Elderly);
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        foreach (var path in new[] { $"/api/v1/risk/units/{own}", $"/api/v1/risk/ranking?committeeId={committeeId}", "/api/v1/risk/analyses",
            $"/api/v1/risk/committees/{committeeId}/weights", $"/api/v1/risk/selections/{committeeId}/2026" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync(path, Cancel)).StatusCode);
        }
        using var page = await app.CreateClientAs(Demo.OmsorgshusetUser);
        foreach (var path in new[] { "/Risk", $"/Risk/Units/{own}", "/Risk/Analyses", "/Risk/Selection", "/Risk/Weights" })
        {
            await Expect.DeniedAsync(await page.GetAsync(path, Cancel));
        }
    }

    [Fact]
    public async Task TheRankingPageListsTheCommitteesUnitsAndTheUnitPageExplainsEachContribution()
    {
        var committeeId = await CommitteeIdAsync(Elderly);
        var unitId = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);
        using var client = await app.CreateClientAs(Demo.GroupManager);
        var ranking = await client.GetStringAsync($"/Risk?CommitteeId={committeeId}", Cancel);
        Assert.Contains($"/Risk/Units/{unitId}", ranking, StringComparison.Ordinal);
        var unit = await client.GetStringAsync($"/Risk/Units/{unitId}", Cancel);
        Assert.Contains("Summa", unit, StringComparison.Ordinal);
        Assert.Contains(Elderly, unit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Risk/Units/{Guid.NewGuid()}", Cancel)).StatusCode);
        // The selection page proposes from the figures in its address, and offers the group manager to accept it.
        // (Two years ahead: the selection test accepts next year's.)
        var selection = await client.GetStringAsync($"/Risk/Selection?CommitteeId={committeeId}&Year={TimeProvider.System.SwedishToday().Year + 2}&Propose=true&Seed=17", Cancel);
        Assert.Contains("frö 17", selection, StringComparison.Ordinal);
        Assert.Contains("Anta urvalet", selection, StringComparison.Ordinal);
        // Hours are read with a decimal comma in the address as in the form, and a word is refused by its field, with no proposal.
        var ahead = TimeProvider.System.SwedishToday().Year + 2;
        var comma = WebUtility.HtmlDecode(await client.GetStringAsync($"/Risk/Selection?CommitteeId={committeeId}&Year={ahead}&Propose=true&Seed=17&CentralHours=40,5", Cancel));
        Assert.Matches("Centrala enheten</th>\\s*<td class=\"number\">40,5</td>", comma);
        var word = WebUtility.HtmlDecode(await client.GetStringAsync($"/Risk/Selection?CommitteeId={committeeId}&Year={ahead}&Propose=true&Seed=17&CentralHours=många", Cancel));
        Assert.Contains("Ange timmarna som ett tal", word, StringComparison.Ordinal);
        Assert.DoesNotContain("Anta urvalet", word, StringComparison.Ordinal);
        foreach (var page in new[] { $"/Risk/Weights?CommitteeId={committeeId}", $"/Risk/Matrix?CommitteeId={committeeId}", "/Risk/Analyses", "/Risk/Analyses/New" })
        {
            await Expect.OkAsync(await client.GetAsync(page, Cancel));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Risk?CommitteeId={Guid.NewGuid()}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task TheRankingAndTheAnalysesPageAndSortLikeEveryList()
    {
        var committeeId = await CommitteeIdAsync(Elderly);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var all = await Api.ReadAsync<PagedList<RankingRow>>(await developer.GetAsync($"/api/v1/risk/ranking?committeeId={committeeId}&pageSize=200", Cancel));
        Assert.True(all.Total >= 4, "The elderly committee has units enough to page.");
        var second = await Api.ReadAsync<PagedList<RankingRow>>(await developer.GetAsync($"/api/v1/risk/ranking?committeeId={committeeId}&pageSize=2&page=2", Cancel));
        Assert.Equal(all.Total, second.Total);
        Assert.Equal(all.Items.Skip(2).Take(2).Select(r => r.UnitId), second.Items.Select(r => r.UnitId));
        var byName = await Api.ReadAsync<PagedList<RankingRow>>(await developer.GetAsync($"/api/v1/risk/ranking?committeeId={committeeId}&pageSize=200&sort=unit&descending=true", Cancel));
        Assert.Equal(all.Items.Select(r => r.UnitName).OrderDescending(StringComparer.Create(SwedishText.Culture, ignoreCase: false)), byName.Items.Select(r => r.UnitName));

        var analyses = await Api.ReadAsync<PagedList<AnalysisRow>>(await developer.GetAsync("/api/v1/risk/analyses?pageSize=1&sort=year", Cancel));
        Assert.True(analyses.Total >= 2, "The demo has this year's and next year's analysis.");
        Assert.Single(analyses.Items);
        var later = await Api.ReadAsync<PagedList<AnalysisRow>>(await developer.GetAsync("/api/v1/risk/analyses?pageSize=1&page=2&sort=year", Cancel));
        Assert.True(analyses.Items[0].Year <= later.Items[0].Year);
    }
}
