using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Each tile counts exactly its role's work: data is added that an approximate count (every committee, every observation, only
/// planned called reviews, every message) would count, and the tile, the list it links to and the API's filter agree on the exact number.
/// </summary>
public sealed partial class HomeTests
{
    [Fact]
    public async Task TheSecretaryAndTheCommitteeMemberCountOnlyTheirOwnCommitteesPlans()
    {
        var year = app.Services.GetRequiredService<TimeProvider>().SwedishToday().Year;
        var committeeId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.CommitteeSecretary).Select(u => u.CommitteeId).SingleAsync(Cancel))
            ?? throw new InvalidOperationException("The demo's secretary serves no committee.");
        // The demo's adopted plans are several committees', one of them the secretary's and member's Äldrenämnden.
        await AssertOwnCommitteeAsync(CommitteeMember, PlanState.Adopted);
        // Its adopted plan back at approved: one approved plan in the committee beside the demo's approved plans of other committees.
        await app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.Year == year && p.ChoiceSystem!.Name == Demo.NursingHome)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PlanState.Approved), Cancel));
        await AssertOwnCommitteeAsync(Demo.CommitteeSecretary, PlanState.Approved);

        async Task AssertOwnCommitteeAsync(string email, PlanState state)
        {
            var (own, all) = await app.WithDbAsync(async db =>
            {
                var plans = db.FollowUpPlans.Where(p => p.Year == year && p.State == state);
                return (await plans.CountAsync(p => p.ChoiceSystem!.CommitteeId == committeeId, Cancel), await plans.CountAsync(Cancel));
            });
            Assert.True(own > 0 && all > own, $"{email}: the data does not tell the committee's {state} plans ({own}) from all ({all}).");

            using var client = await app.CreateClientAs(email);
            var link = $"/Plans?Year={year}&State={state}&CommitteeId={committeeId}";
            Assert.Equal(own, await TileCountAsync(client, link));
            Assert.Equal(own, await ListCountAsync(client, link));

            using var api = await app.ApiClientAs(email);
            Assert.Equal(own, (await ApiPageAsync(api, $"/api/v1/plans?year={year}&state={state}&committeeId={committeeId}")).Total);
            // The member reads only its own committee's plans whatever it asks for (decision 0036); the secretary reads every committee's.
            Assert.Equal(email == CommitteeMember ? own : all, (await ApiPageAsync(api, $"/api/v1/plans?year={year}&state={state}")).Total);
        }
    }

    [Fact]
    public async Task TheGroupManagerCountsOnlyTheDraftsSentForApproval()
    {
        var year = app.Services.GetRequiredService<TimeProvider>().SwedishToday().Year;
        // Not the elderly committee's plans: the secretary's and member's test counts its adopted plan, whichever runs first.
        var ids = await app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.Year == year && p.ChoiceSystem!.Committee!.Name != "Äldrenämnden")
            .OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(Cancel));
        Assert.Equal(2, ids.Count);
        // Two drafts this year, one of them sent to the group manager: an approximate count (every draft) would say two.
        await app.WithDbAsync(async db =>
        {
            await db.FollowUpPlans.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PlanState.Draft), Cancel);
            // The demo's plans may already have been sent (an adopted plan was): the second draft is one never sent.
            await db.Set<PlanStep>().Where(step => step.PlanId == ids[1] && step.Kind == PlanStepKind.SubmittedForApproval).ExecuteDeleteAsync(Cancel);
            db.Add(new PlanStep { PlanId = ids[0], Kind = PlanStepKind.SubmittedForApproval, OccurredAt = DateTimeOffset.UtcNow, ActorName = "Klara Kvalitet" });
            return await db.SaveChangesAsync(Cancel);
        });
        var (sent, drafts) = await app.WithDbAsync(async db =>
        {
            var plans = db.FollowUpPlans.Where(p => p.Year == year && p.State == PlanState.Draft);
            return (await plans.CountAsync(p => p.Steps.Any(step => step.Kind == PlanStepKind.SubmittedForApproval), Cancel), await plans.CountAsync(Cancel));
        });
        Assert.True(sent > 0 && drafts > sent, $"The data does not tell the drafts sent ({sent}) from all drafts ({drafts}).");

        using var client = await app.CreateClientAs(Demo.GroupManager);
        var link = $"/Plans?Year={year}&State=Draft&SentForApproval=true";
        Assert.Equal(sent, await TileCountAsync(client, link));
        Assert.Equal(sent, await ListCountAsync(client, link));
        Assert.Equal(drafts, await ListCountAsync(client, $"/Plans?Year={year}&State=Draft"));

        using var api = await app.ApiClientAs(Demo.GroupManager);
        Assert.Equal(sent, (await ApiPageAsync(api, $"/api/v1/plans?year={year}&state=Draft&sentForApproval=true")).Total);
        Assert.Equal(drafts, (await ApiPageAsync(api, $"/api/v1/plans?year={year}&state=Draft")).Total);
    }

    [Fact]
    public async Task TheAppointedIndependentReviewerCountsTheDisputedReportsItIsToConclude()
    {
        var developerId = await app.GetUserIdAsync(Demo.QualityDeveloper);
        // The demo's disputed report, still without a reviewer, gets the quality developer as its independent reviewer.
        var disputed = await app.WithDbAsync(db => db.Reviews
            .Where(r => r.State == ReviewState.Communicated && r.DisputedAt != null && r.DisputeConcludedAt == null && r.IndependentReviewerId == null)
            .Select(r => r.Id).FirstAsync(Cancel));
        await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == disputed).ExecuteUpdateAsync(s => s.SetProperty(r => r.IndependentReviewerId, developerId), Cancel));
        var mine = await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.State == ReviewState.Communicated && r.DisputedAt != null
            && r.DisputeConcludedAt == null && r.IndependentReviewerId == developerId, Cancel));
        Assert.Equal(1, mine);

        using var client = await app.CreateClientAs(Demo.QualityDeveloper);
        const string link = "/Reviews?Need=AwaitingMyConclusion";
        Assert.Equal(1, await TileCountAsync(client, link));
        Assert.Equal(1, await ListCountAsync(client, link));
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        Assert.Equal(1, (await ApiPageAsync(api, "/api/v1/reviews?need=AwaitingMyConclusion")).Total);

        // Nobody else is to conclude it.
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        Assert.Equal(0, (await ApiPageAsync(manager, "/api/v1/reviews?need=AwaitingMyConclusion")).Total);
    }

    [Fact]
    public async Task TheCaseWorkerCountsTheObservationsItRecorded()
    {
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        foreach (var email in new[] { Demo.CaseWorker, Demo.QualityDeveloper })
        {
            using var writer = await app.ApiClientAs(email);
            using var created = await writer.PostAsJsonAsync("/api/v1/observations", new
            {
                observedOn = new DateOnly(2026, 3, 1),
                unitId,
                category = nameof(ComplaintCategory.Continuity),
                severity = nameof(Severity.Moderate),
                summary = $"Byte av personal vid varje besök, registrerat av {email} (fiktiv)",
            }, Api.Json, Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var caseWorkerId = await app.GetUserIdAsync(Demo.CaseWorker);
        var (own, all) = await app.WithDbAsync(async db =>
            (await db.CaseWorkerObservations.CountAsync(o => o.RecordedById == caseWorkerId, Cancel), await db.CaseWorkerObservations.CountAsync(Cancel)));
        Assert.True(own > 0 && all > own);

        using var client = await app.CreateClientAs(Demo.CaseWorker);
        Assert.Equal(own, await TileCountAsync(client, "/Evidence/Observations?Mine=true"));
        Assert.Equal(own, await ListCountAsync(client, "/Evidence/Observations?Mine=true"));
        Assert.Equal(all, await ListCountAsync(client, "/Evidence/Observations"));

        using var api = await app.ApiClientAs(Demo.CaseWorker);
        Assert.Equal(own, (await ApiPageAsync(api, "/api/v1/observations?mine=true")).Total);
        Assert.Equal(all, (await ApiPageAsync(api, "/api/v1/observations")).Total);
    }

    [Fact]
    public async Task TheGroupManagerCountsEveryReviewItDecidedThatWaitsForIt()
    {
        const string link = "/Reviews?Need=AwaitingGroupManager";
        using var manager = await app.CreateClientAs(Demo.GroupManager);
        var before = await TileCountAsync(manager, link);

        // Waiting for the group manager: a called review's draft, and a targeted follow-up answered by the provider (ready to finalise).
        // Not waiting for it: a planned called review (the lead's next step), a disputed called review (the independent reviewer's),
        // and a quality review's draft (decided and finalised by its lead).
        async Task SeedAsync(ReviewType type, ReviewState state, bool answered = false, bool disputed = false)
        {
            var id = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, state) { Title = $"{type} {state} (testdata)", Answered = answered, Disputed = disputed });
            await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Type, type), Cancel));
        }
        await SeedAsync(ReviewType.CalledReview, ReviewState.DraftReport);
        await SeedAsync(ReviewType.TargetedFollowUp, ReviewState.Communicated, answered: true);
        await SeedAsync(ReviewType.CalledReview, ReviewState.Planned);
        await SeedAsync(ReviewType.CalledReview, ReviewState.Communicated, answered: true, disputed: true);
        await SeedAsync(ReviewType.QualityReview, ReviewState.DraftReport);

        var after = await TileCountAsync(manager, link);
        Assert.Equal(before + 2, after);
        Assert.Equal(after, await ListCountAsync(manager, link));
        using var api = await app.ApiClientAs(Demo.GroupManager);
        Assert.Equal(after, (await ApiPageAsync(api, "/api/v1/reviews?need=AwaitingGroupManager")).Total);

        // Mine: the quality developer leads every seeded review; the group manager leads none.
        var developerId = await app.GetUserIdAsync(Demo.QualityDeveloper);
        var led = await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.LeadUserId == developerId, Cancel));
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        Assert.Equal(led, (await ApiPageAsync(developer, "/api/v1/reviews?mine=true")).Total);
        Assert.True((await ApiPageAsync(developer, "/api/v1/reviews")).Total > led);
        Assert.Equal(0, (await ApiPageAsync(api, "/api/v1/reviews?mine=true")).Total);
    }

    [Fact]
    public async Task IncidentsWithoutAStanceAreCountedOnlyWhenOpenAndSerious()
    {
        const string link = "/Evidence/Incidents?StanceMissing=true";
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        var before = (await ApiPageAsync(api, "/api/v1/incidents?stanceMissing=true")).Total;
        Assert.Equal(before, await TileCountAsync(developer, link));

        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        await app.WithDbAsync(db =>
        {
            db.Add(new Incident
            {
                UnitId = unitId,
                Kind = IncidentKind.Deviation,
                Severity = Severity.Serious,
                OccurredOn = new DateOnly(2026, 2, 1),
                ReportedOn = new DateOnly(2026, 2, 2),
                Summary = "Allvarlig avvikelse utan ställningstagande (fiktiv)"
            });
            db.Add(new Incident
            {
                UnitId = unitId,
                Kind = IncidentKind.Deviation,
                Severity = Severity.Minor,
                OccurredOn = new DateOnly(2026, 2, 1),
                ReportedOn = new DateOnly(2026, 2, 2),
                Summary = "Lindrig avvikelse (fiktiv)"
            });
            return db.SaveChangesAsync(Cancel);
        });

        Assert.Equal(before + 1, (await ApiPageAsync(api, "/api/v1/incidents?stanceMissing=true")).Total);
        Assert.Equal(before + 1, await TileCountAsync(developer, link));
        Assert.Equal(before + 1, await ListCountAsync(developer, link));
    }

    [Fact]
    public async Task TheQualityDeveloperCountsThreadsWhereTheProviderWroteLast()
    {
        const string link = "/Portal/Providers/Messages?Waiting=true";
        var providerId = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        // Two messages in one thread wait as one thread.
        foreach (var text in new[] { "Första frågan till kommunen (fiktiv)", "Andra frågan till kommunen (fiktiv)" })
        {
            using var sent = await provider.PostAsJsonAsync("/api/v1/portal/messages", new { text }, Api.Json, Cancel);
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }
        var expected = await WaitingThreadsAsync();
        var fromProviders = await app.WithDbAsync(db => db.PortalMessages.CountAsync(m => m.FromProvider, Cancel));
        Assert.True(expected > 0 && fromProviders > expected);

        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        Assert.Equal(expected, await TileCountAsync(developer, link));
        Assert.Equal(expected, await ListCountAsync(developer, link));
        Assert.Equal(expected, (await ApiPageAsync(api, "/api/v1/portal/provider-threads?waiting=true")).Total);

        // The municipality's answer ends the wait.
        using (var answered = await Forms.SubmitAsync(developer, $"/Portal/Providers/Thread/{providerId}", [new("Text", "Kommunens svar (fiktiv)")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }
        Assert.Equal(expected - 1, await WaitingThreadsAsync());
        Assert.Equal(expected - 1, await TileCountAsync(developer, link));
        Assert.Equal(expected - 1, (await ApiPageAsync(api, "/api/v1/portal/provider-threads?waiting=true")).Total);
        Assert.True((await ApiPageAsync(api, "/api/v1/portal/provider-threads")).Total > expected - 1);
        using var denied = await provider.GetAsync("/api/v1/portal/provider-threads", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task TheOverdueTasksLinkToTheTaskListOfExactlyTheCallersOverdueTasks()
    {
        const string overdueLink = "/Cycle?Status=Overdue&Mine=true";
        const string openLink = "/Cycle/MyTasks";
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var (overdue, open) = (await TileCountAsync(developer, overdueLink), await TileCountAsync(developer, openLink));

        // An overdue and a coming task of the caller's, and an overdue task of someone else's.
        var today = app.Services.GetRequiredService<TimeProvider>().SwedishToday();
        var (me, other) = (await app.GetUserIdAsync(Demo.QualityDeveloper), await app.GetUserIdAsync(Demo.GroupManager));
        await app.WithDbAsync(async db =>
        {
            var cycleId = await db.AnnualCycles.Select(c => c.Id).FirstAsync(Cancel);
            db.AddRange(
                new Domain.Cycle.CycleTask { CycleId = cycleId, Title = "Försenad uppgift (testdata)", OwnerUserId = me, DueOn = today.AddDays(-3) },
                new Domain.Cycle.CycleTask { CycleId = cycleId, Title = "Kommande uppgift (testdata)", OwnerUserId = me, DueOn = today.AddDays(30) },
                new Domain.Cycle.CycleTask { CycleId = cycleId, Title = "Någon annans försenade uppgift (testdata)", OwnerUserId = other, DueOn = today.AddDays(-3) });
            return await db.SaveChangesAsync(Cancel);
        });

        Assert.Equal(overdue + 1, await TileCountAsync(developer, overdueLink));
        Assert.Equal(overdue + 1, await ListCountAsync(developer, overdueLink));
        Assert.Equal(open + 2, await TileCountAsync(developer, openLink));
        Assert.Equal(open + 2, await ListCountAsync(developer, openLink));
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        Assert.Equal(overdue + 1, (await ApiPageAsync(api, "/api/v1/tasks?mine=true&status=Overdue")).Total);
        Assert.True((await ApiPageAsync(api, "/api/v1/tasks?status=Overdue")).Total > overdue + 1);
    }

    /// <summary>The threads whose latest message is a provider's, counted in memory from every message.</summary>
    private Task<int> WaitingThreadsAsync() => app.WithDbAsync(async db =>
        (await db.PortalMessages.AsNoTracking().Select(m => new { m.ProviderId, m.MatterKind, m.MatterId, m.SentAt, m.FromProvider }).ToListAsync(Cancel))
            .GroupBy(m => (m.ProviderId, m.MatterKind, m.MatterId))
            .Count(g => g.OrderByDescending(m => m.SentAt).First().FromProvider));

    /// <summary>The count of the start page's tile that links to <paramref name="link"/>; 0 when none does (a tile of zero is not shown).</summary>
    private static async Task<int> TileCountAsync(HttpClient client, string link)
    {
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await client.GetAsync("/", Cancel)));
        var tiles = Tiles(html).Where(t => t.Link == link).ToList();
        Assert.True(tiles.Count <= 1, $"Several tiles link to {link}.");
        return tiles.Count == 0 ? 0 : tiles[0].Count;
    }

    /// <summary>The number a list page says it shows.</summary>
    private static async Task<int> ListCountAsync(HttpClient client, string link)
    {
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await client.GetAsync(link, Cancel)));
        var status = CountParagraph().Match(html);
        return status.Success ? Number(status.Groups[1].Value) : 0;
    }

    private sealed record ListTotal(int Total);

    private static async Task<ListTotal> ApiPageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Cancel);
        return JsonSerializer.Deserialize<ListTotal>(await Expect.OkAsync(response), Api.Json)!;
    }
}
