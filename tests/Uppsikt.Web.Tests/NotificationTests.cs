using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Notifications;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure.Notifications;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Hand-off notices (decision 0025): each recipient as chosen on E-postaviseringar, the daily summary, provider isolation, the setting page.</summary>
public sealed class NotificationTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int ThisYear => DateTime.UtcNow.Year;

    private Task SetAsync(string email, MailFrequency frequency) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email, Cancel);
            user.HandOffMail = frequency;
            return await db.SaveChangesAsync(Cancel);
        });

    private Task<List<OutboxMessage>> MailsAsync(string to, string containing) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to && m.Body.Contains(containing)).OrderBy(m => m.CreatedAt).ToListAsync(Cancel));

    private Task<List<PendingHandOff>> PendingAsync(string email, bool unsentOnly = false) =>
        app.WithDbAsync(db => (
            from pending in db.PendingHandOffs.AsNoTracking()
            join user in db.Users on pending.UserId equals user.Id
            where user.Email == email && (!unsentOnly || pending.SentAt == null)
            orderby pending.CreatedAt
            select pending).ToListAsync(Cancel));

    private async Task<int> RunDigestAsync()
    {
        var sent = 0;
        await app.WithServicesAsync(async services => sent = await services.GetRequiredService<HandOffDigest>().SendAsync(Cancel));
        return sent;
    }

    /// <summary>A new complete draft for Dagverksamhet för äldre, copied from its latest plan into the next free year.</summary>
    private async Task<(Guid Id, int Year)> NewPlanAsync(HttpClient developer)
    {
        var choiceSystemId = await app.GetChoiceSystemIdAsync(Demo.ElderlyDayCare);
        var latest = await app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.ChoiceSystemId == choiceSystemId).MaxAsync(p => p.Year, Cancel));
        using var created = await developer.PostAsJsonAsync("/api/v1/plans", new { choiceSystemId, year = latest + 1, fromLastYear = true }, Api.Json, Cancel);
        var body = await Expect.StatusAsync(created, HttpStatusCode.Created);
        return (JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), latest + 1);
    }

    private static async Task SubmitAsync(HttpClient developer, Guid id)
    {
        using var submitted = await developer.PostAsJsonAsync($"/api/v1/plans/{id}/submit", new { comment = "Klar för godkännande (fiktiv)." }, Api.Json, Cancel);
        await Expect.OkAsync(submitted);
    }

    [Fact]
    public async Task SubmittingAPlanTellsTheGroupManagerAtOnceInTheSummaryOrNotAtAllAsChosen()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        foreach (var (frequency, mails, pending) in new[] { (MailFrequency.Immediately, 1, 0), (MailFrequency.DailyDigest, 0, 1), (MailFrequency.Never, 0, 0) })
        {
            await SetAsync(Demo.GroupManager, frequency);
            var (id, year) = await NewPlanAsync(developer);
            await SubmitAsync(developer, id);

            var path = $"/Plans/Details/{id}";
            var sent = await MailsAsync(Demo.GroupManager, path);
            Assert.Equal(mails, sent.Count);
            Assert.Equal(pending, (await PendingAsync(Demo.GroupManager)).Count(p => p.Path == path));
            if (sent.FirstOrDefault() is { } mail)
            {
                Assert.Equal($"Uppföljningsplan att godkänna: {Demo.ElderlyDayCare} {year}", mail.Subject);
                Assert.Contains($"{Demo.QualityDeveloperName} har skickat uppföljningsplanen för {Demo.ElderlyDayCare} {year} till gruppchef för godkännande.", mail.Body, StringComparison.Ordinal);
                Assert.Contains($"\n{UppsiktApp.AppUrl}{path}\n", mail.Body, StringComparison.Ordinal);
            }
            // The one who sent it is not told of their own step.
            Assert.Empty(await MailsAsync(Demo.QualityDeveloper, path));
            var plan = await app.WithDbAsync(db => db.FollowUpPlans.AsNoTracking().Include(p => p.Steps).SingleAsync(p => p.Id == id, Cancel));
            Assert.Equal(PlanState.Draft, plan.State);
            Assert.Equal("Klar för godkännande (fiktiv).", plan.Steps.Single(s => s.Kind == PlanStepKind.SubmittedForApproval).Comment);
        }
    }

    [Fact]
    public async Task ThePlanPageSendsADraftForApprovalAndAnIncompleteOneIsRefusedWithNothingSent()
    {
        await SetAsync(Demo.GroupManager, MailFrequency.Immediately);
        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var (id, _) = await NewPlanAsync(api);
        var details = $"/Plans/Details/{id}";
        using (var sent = await Forms.SubmitAsync(developer, details, [new("Comment", "")], details + "?handler=Submit"))
        {
            await Expect.RedirectAsync(sent, details);
        }
        Assert.Single(await MailsAsync(Demo.GroupManager, details));

        var culture = await app.WithDbAsync(db => db.FollowUpPlans.Where(p => p.ChoiceSystem!.Name == Demo.CultureSchool && p.Year == ThisYear).Select(p => p.Id).SingleAsync(Cancel));
        var cultureDetails = $"/Plans/Details/{culture}";
        using (var refused = await Forms.SubmitAsync(developer, cultureDetails, [new("Comment", "")], cultureDetails + "?handler=Submit"))
        {
            Assert.Contains("innan planen skickas för godkännande", WebUtility.HtmlDecode(await Expect.OkAsync(refused)), StringComparison.Ordinal);
        }
        Assert.Empty(await MailsAsync(Demo.GroupManager, cultureDetails));
        Assert.DoesNotContain(await PendingAsync(Demo.GroupManager), p => p.Path == cultureDetails);

        using var manager = await app.ApiClientAs(Demo.GroupManager);
        using var approved = await manager.PostAsJsonAsync($"/api/v1/plans/{id}/approve", new { comment = "Bra." }, Api.Json, Cancel);
        await Expect.OkAsync(approved);
        using var again = await api.PostAsJsonAsync($"/api/v1/plans/{id}/submit", new { comment = "" }, Api.Json, Cancel);
        await Expect.StatusAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ApprovingAPlanTellsTheSecretaryOfItsCommitteeThatTheDecisionIsToBeRecorded()
    {
        await SetAsync(Demo.CommitteeSecretary, MailFrequency.DailyDigest);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        var (id, year) = await NewPlanAsync(developer);
        using var approved = await manager.PostAsJsonAsync($"/api/v1/plans/{id}/approve", new { comment = "Bra." }, Api.Json, Cancel);
        await Expect.OkAsync(approved);

        var pending = Assert.Single(await PendingAsync(Demo.CommitteeSecretary), p => p.Path == $"/Plans/Details/{id}");
        Assert.Equal($"Gustav Gruppchef (fiktiv) har godkänt uppföljningsplanen för {Demo.ElderlyDayCare} {year}. Den väntar på nämndens beslut, som ska föras in i Uppsikt.",
            pending.Text);
        Assert.Null(pending.SentAt);
    }

    [Fact]
    public async Task TheDailySummarySendsOneMailPerUserWithEveryPendingHandOffAndNeverTwice()
    {
        await RunDigestAsync();
        await SetAsync(Demo.GroupManager, MailFrequency.DailyDigest);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var (first, _) = await NewPlanAsync(developer);
        await SubmitAsync(developer, first);
        var (second, _) = await NewPlanAsync(developer);
        await SubmitAsync(developer, second);
        Assert.Equal(2, (await PendingAsync(Demo.GroupManager, unsentOnly: true)).Count);

        Assert.True(await RunDigestAsync() >= 1);

        var summary = Assert.Single(await MailsAsync(Demo.GroupManager, $"/Plans/Details/{first}"));
        Assert.Equal("2 saker väntar på dig i Uppsikt", summary.Subject);
        Assert.StartsWith("Hej Gustav Gruppchef (fiktiv)!", summary.Body, StringComparison.Ordinal);
        Assert.Contains($"\n  {UppsiktApp.AppUrl}/Plans/Details/{first}\n", summary.Body, StringComparison.Ordinal);
        Assert.Contains($"\n  {UppsiktApp.AppUrl}/Plans/Details/{second}\n", summary.Body, StringComparison.Ordinal);
        Assert.Contains($"{UppsiktApp.AppUrl}/Account/Notifications", summary.Body, StringComparison.Ordinal);
        Assert.True(summary.Body.IndexOf(first.ToString(), StringComparison.Ordinal) < summary.Body.IndexOf(second.ToString(), StringComparison.Ordinal));
        Assert.Empty(await PendingAsync(Demo.GroupManager, unsentOnly: true));

        Assert.Equal(0, await RunDigestAsync());
        Assert.Single(await MailsAsync(Demo.GroupManager, $"/Plans/Details/{first}"));
    }

    [Fact]
    public async Task AUserWhoChoseNotAtAllAfterwardsGetsNoSummaryOfWhatWasPending()
    {
        await RunDigestAsync();
        await SetAsync(Demo.GroupManager, MailFrequency.DailyDigest);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var (id, _) = await NewPlanAsync(developer);
        await SubmitAsync(developer, id);
        await SetAsync(Demo.GroupManager, MailFrequency.Never);

        Assert.Equal(0, await RunDigestAsync());

        Assert.Empty(await MailsAsync(Demo.GroupManager, $"/Plans/Details/{id}"));
        Assert.Empty(await PendingAsync(Demo.GroupManager, unsentOnly: true));
    }

    [Fact]
    public async Task ACompletionRequestReachesOnlyTheReportsOwnProvidersUsers()
    {
        await SetAsync(Demo.TryggaHanderUser, MailFrequency.DailyDigest);
        await SetAsync(Demo.OmsorgshusetUser, MailFrequency.Immediately);
        var trygga = await app.GetProviderIdAsync(Demo.TryggaHander);
        var report = await app.WithDbAsync(db => db.QualityReports.Where(r => r.ProviderId == trygga && r.Template!.Year == ThisYear && r.Template.ReviewType == null)
            .Select(r => r.Id).SingleAsync(Cancel));
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        var details = $"/QualityReports/Reports/Details/{report}";
        using (var requested = await Forms.SubmitAsync(developer, details, [new("codes", "1.1"), new("comment-q-1-1", "Ange antalet brukare per den sista december (fiktivt).")],
                   details + "?handler=RequestCompletion"))
        {
            await Expect.RedirectAsync(requested, details);
        }

        var fill = $"/QualityReports/Reports/Fill/{report}";
        var pending = Assert.Single(await PendingAsync(Demo.TryggaHanderUser), p => p.Path == fill);
        Assert.Equal("Kommunen har begärt komplettering av 1 fråga i rapporten ”Kvalitetsrapport hemtjänst " + ThisYear + "”. Komplettera och skicka in rapporten igen.", pending.Text);
        Assert.Empty(await MailsAsync(Demo.OmsorgshusetUser, fill));
        Assert.DoesNotContain(await PendingAsync(Demo.OmsorgshusetUser), p => p.Path == fill);
        Assert.Empty(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == Demo.OmsorgshusetUser && m.Subject.StartsWith("Komplettering")).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task TheSettingPageShowsTheDefaultRefusesAnUnknownChoiceAndSavesAudited()
    {
        const string page = "/Account/Notifications";
        using var worker = await app.CreateClientAs(Demo.CaseWorker);
        var html = await Expect.OkAsync(await worker.GetAsync(page, Cancel));
        Assert.Matches("value=\"DailyDigest\" checked=\"checked\"", html);
        Assert.Contains("Meddela mig via e-post", html, StringComparison.Ordinal);

        foreach (var bad in new[] { "", "Hourly", "9" })
        {
            using var refused = await Forms.SubmitAsync(worker, page, [new("Frequency", bad)]);
            Assert.Contains("Välj hur du vill få meddelanden", WebUtility.HtmlDecode(await Expect.OkAsync(refused)), StringComparison.Ordinal);
        }
        Assert.Equal(MailFrequency.DailyDigest, await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.CaseWorker).Select(u => u.HandOffMail).SingleAsync(Cancel)));

        var lastAudit = await app.LastAuditIdAsync();
        using (var saved = await Forms.SubmitAsync(worker, page, [new("Frequency", "Never")]))
        {
            await Expect.RedirectAsync(saved, page);
        }
        Assert.Equal(MailFrequency.Never, await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.CaseWorker).Select(u => u.HandOffMail).SingleAsync(Cancel)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAudit && a.EntityType == nameof(AppUser)).ToListAsync(Cancel));
        Assert.Contains(audit, a => a.ActorName == "Hanna Handläggare (fiktiv)" && a.After!.Contains("\"HandOffMail\":\"Never\"", StringComparison.Ordinal));
        Assert.Contains("Sparat. Du får inga e-postmeddelanden", WebUtility.HtmlDecode(await Expect.OkAsync(await worker.GetAsync(page, Cancel))), StringComparison.Ordinal);
    }
}
