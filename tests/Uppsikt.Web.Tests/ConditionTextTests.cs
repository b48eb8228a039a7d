using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Features.Reviews.Portal;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Portal;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Where a provider meets a condition by its code (the attestation, the quality report, the review's findings) it can read the
/// condition's text in the version meant, opened from a summary, and follow a link to the public page of the conditions.
/// </summary>
public sealed partial class ConditionTextTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    /// <summary>A condition's latest version and its choice system, after a new version taking effect on <paramref name="validFrom"/> is added.</summary>
    private sealed record Versions(Guid ConditionId, Guid? ChoiceSystemId, string Code, string OldText, string NewText);

    /// <summary>
    /// Adds a new version to the first of <paramref name="candidates"/> that no other test here has given a version (the tests
    /// share a database), so each test has its own condition with two versions.
    /// </summary>
    private Task<Versions> AddVersionAsync(IEnumerable<Guid> candidates, DateOnly validFrom, string marker) => app.WithDbAsync(async db =>
    {
        var ids = candidates.ToList();
        var conditions = await db.Conditions.Include(c => c.Versions).Where(c => ids.Contains(c.Id)).ToListAsync(Cancel);
        var condition = conditions.OrderBy(c => ids.IndexOf(c.Id)).First(c => !c.Versions.Any(v => v.Text.EndsWith(TestMark, StringComparison.Ordinal)));
        var latest = condition.Versions.MaxBy(v => v.ValidFrom)!;
        Assert.True(latest.ValidFrom < validFrom, "The test's new version must start after the demo's latest.");
        var text = $"Ny lydelse av villkoret ({marker}{TestMark}";
        Assert.Null(condition.AddVersion(new ConditionVersion { ValidFrom = validFrom, Title = latest.Title, Text = text }));
        await db.SaveChangesAsync(Cancel);
        return new Versions(condition.Id, condition.ChoiceSystemId, condition.Code, latest.Text, text);
    });

    private const string TestMark = ", test).";

    private static string PublicLink(Versions v) =>
        v.ChoiceSystemId is { } choice ? $"href=\"/Public/Conditions/{choice}#c-{v.ConditionId}\"" : $"href=\"/Public/Conditions#c-{v.ConditionId}\"";

    /// <summary>The address of <paramref name="user"/>'s attestation form in next year's round (the latest a round may be for), opened unless it is.</summary>
    private async Task<string> AttestationFormAsync(string user)
    {
        var year = Today.Year + 1;
        if (await app.WithDbAsync(db => db.AttestationRounds.Where(r => r.Year == year).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(Cancel)) is not { } roundId)
        {
            using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
            using var opened = await Forms.SubmitAsync(quality, "/Portal/Attestations",
                [new("Year", year.ToString(CultureInfo.InvariantCulture)), new("DueOn", Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            roundId = Guid.Parse(opened.Headers.Location!.OriginalString.Split('/')[^1]);
        }
        using var provider = await app.ApiClientAs(user);
        var requests = await provider.GetFromJsonAsync<List<PortalRequest>>("/api/v1/portal/requests", Api.Json, Cancel);
        return requests!.First(r => r.Url.StartsWith($"/Portal/Attestations/Attest/{roundId}/", StringComparison.Ordinal)).Url;
    }

    [Fact]
    public async Task TheAttestationShowsEachConditionsTextInForceInItsYearAndLinksToThePublicPage()
    {
        var year = Today.Year + 1;
        var url = await AttestationFormAsync(Demo.TryggaHanderUser);
        using var trygga = await app.CreateClientAs(Demo.TryggaHanderUser);
        var conditionIds = ConditionIdIn().Matches(await Expect.OkAsync(await trygga.GetAsync(url, Cancel))).Select(m => Guid.Parse(m.Groups["id"].Value)).ToList();

        // A new wording from the middle of the round's year: the form asks about it; today's public page still shows the old.
        var v = await AddVersionAsync(conditionIds, new DateOnly(year, 6, 1), "egenintygande");
        var form = WebUtility.HtmlDecode(await Expect.OkAsync(await trygga.GetAsync(url, Cancel)));
        Assert.Contains("<details class=\"version condition-version\">", form, StringComparison.Ordinal);
        Assert.Contains(v.NewText, form, StringComparison.Ordinal);
        Assert.DoesNotContain(v.OldText, form, StringComparison.Ordinal);
        Assert.Contains($"gäller från {SwedishText.Date(new DateOnly(year, 6, 1))}", form, StringComparison.Ordinal);
        Assert.Contains(PublicLink(v), form, StringComparison.Ordinal);

        // The provider's user may open the public page, and the condition stands there under the link's anchor.
        var publicPage = await Expect.OkAsync(await trygga.GetAsync(v.ChoiceSystemId is { } c ? $"/Public/Conditions/{c}" : "/Public/Conditions", Cancel));
        Assert.Contains($"id=\"c-{v.ConditionId}\"", publicPage, StringComparison.Ordinal);

        // Signed, the attestation's page shows the same wording.
        var ids = ConditionIdIn().Matches(form).Select(m => Guid.Parse(m.Groups["id"].Value)).ToList();
        using var api = await app.ApiClientAs(Demo.TryggaHanderUser);
        var parts = url.Split('/');
        using var signed = await api.PostAsJsonAsync("/api/v1/portal/attestations", new
        {
            roundId = Guid.Parse(parts[^2]),
            choiceSystemId = Guid.Parse(parts[^1]),
            answers = ids.Select(id => new { conditionId = id, met = true, explanation = (string?)null }),
            name = "Tina Trygga (fiktiv)",
            role = "Verksamhetschef",
        }, Api.Json, Cancel);
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var attestationId = await app.WithDbAsync(db => db.Attestations.Where(a => a.ProviderId == db.Providers.Where(p => p.Name == Demo.TryggaHander).Select(p => p.Id).Single() && db.AttestationRounds.Any(r => r.Id == a.RoundId && r.Year == year))
            .Select(a => a.Id).SingleAsync(Cancel));
        var details = WebUtility.HtmlDecode(await Expect.OkAsync(await trygga.GetAsync($"/Portal/Attestations/Details/{attestationId}", Cancel)));
        Assert.Contains(v.NewText, details, StringComparison.Ordinal);
        Assert.DoesNotContain(v.OldText, details, StringComparison.Ordinal);
        Assert.Contains(PublicLink(v), details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAttestationFormRunsAsManyQueriesHoweverManyConditionsItShows()
    {
        var year = Today.Year + 1;
        var url = await AttestationFormAsync(Demo.OmsorgshusetUser);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        async Task<int> QueriesAsync()
        {
            app.Queries.Watch(url);
            await Expect.OkAsync(await provider.GetAsync(url, Cancel));
            return app.Queries.Count;
        }
        var before = await QueriesAsync();
        Assert.True(before > 0, "The counter saw no queries.");

        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 5; i++)
            {
                var condition = new Condition { Scope = ConditionScope.General, Code = $"T{i}", Part = "Test" };
                Assert.Null(condition.AddVersion(new ConditionVersion { ValidFrom = new DateOnly(year, 1, 1), Title = $"Testvillkor {i}", Text = $"Testvillkorets text ({i}{TestMark}" }));
                db.Conditions.Add(condition);
            }
            return await db.SaveChangesAsync(Cancel);
        });
        Assert.Equal(before, await QueriesAsync());
        Assert.Contains($"Testvillkorets text (5{TestMark}", await Expect.OkAsync(await provider.GetAsync(url, Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQualityReportShowsTheTextOfEachConditionAQuestionFollowsUpInTheReportsYear()
    {
        var year = DateTime.UtcNow.Year;
        var (reportId, conditionIds) = await app.WithDbAsync(async db =>
        {
            var report = await db.QualityReports.Include(r => r.Template!).ThenInclude(t => t.Questions)
                .Where(r => r.Template!.Year == year && db.Providers.Any(p => p.Id == r.ProviderId && p.Name == Demo.Omsorgshuset)).SingleAsync(Cancel);
            return (report.Id, report.Template!.Questions.SelectMany(q => q.ConditionIds).ToList());
        });
        var v = await AddVersionAsync(conditionIds, new DateOnly(year, 12, 31), "kvalitetsrapport");
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var fill = $"/QualityReports/Reports/Fill/{reportId}";

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await provider.GetAsync(fill, Cancel)));
        Assert.Contains("Följer upp villkor", html, StringComparison.Ordinal);
        Assert.Contains(v.NewText, html, StringComparison.Ordinal);
        Assert.DoesNotContain(v.OldText, html, StringComparison.Ordinal);
        Assert.Contains(PublicLink(v), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProvidersReviewShowsTheTextOfTheVersionEachFindingNames()
    {
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Communicated) { Title = "Granskning med villkorstext (test)" });
        var versionIds = await app.WithDbAsync(async db =>
            (await db.ReviewFindings.Where(f => f.ReviewId == reviewId).Select(f => f.ConditionVersionIds).ToListAsync(Cancel)).SelectMany(v => v).Distinct().ToList());
        var named = await app.WithDbAsync(db => db.ConditionVersions.Where(x => versionIds.Contains(x.Id)).ToDictionaryAsync(x => x.ConditionId, x => x.Text, Cancel));
        // A later wording, in force from tomorrow: the finding keeps the one it was judged against.
        var v = await AddVersionAsync(named.Keys, Today.AddDays(1), "granskning");
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await provider.GetAsync(ReviewPortalHandler.DetailsUrl(reviewId), Cancel)));
        Assert.Contains(named[v.ConditionId], html, StringComparison.Ordinal);
        Assert.DoesNotContain(v.NewText, html, StringComparison.Ordinal);
        Assert.Contains(PublicLink(v), html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"version condition-version\">", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"name=""Answers\[\d+\]\.ConditionId"" value=""(?<id>[0-9a-f-]{36})""")]
    private static partial Regex ConditionIdIn();
}
