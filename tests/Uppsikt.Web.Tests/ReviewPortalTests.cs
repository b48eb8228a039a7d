using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Features.Reviews;
using Uppsikt.Web.Features.Reviews.Portal;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Infrastructure.Portal;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The provider's side of a review (rule 5): the communicated report in the portal and nothing before it, answers, the dispute
/// with its confirmation, the deadline, the notices, the reminder and the portal's request and matter sources.
/// </summary>
public sealed class ReviewPortalTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    /// <summary>The texts every seeded review carries, among them the interview notes no provider may see.</summary>
    private static readonly ReviewSpec Texts = new(Demo.Omsorgshuset, ReviewState.Communicated);

    /// <summary>A review with a minor deficiency as its overall result, communicated today unless told otherwise.</summary>
    private Task<Guid> SeedAsync(string providerName, string title, ReviewState state = ReviewState.Communicated, DateOnly? communicatedOn = null,
        DateOnly? dueOn = null) =>
        TestReviews.SeedAsync(app, new ReviewSpec(providerName, state)
        {
            Title = title,
            Worst = Assessment.MinorDeficiency,
            CommunicatedOn = communicatedOn,
            DueOn = dueOn,
        });

    private Task<Review> ReviewAsync(Guid id) =>
        app.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Responses).Include(r => r.Steps).SingleAsync(r => r.Id == id, Cancel));

    private Task<List<OutboxMessage>> MailsAsync(string keyPrefix) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.DeduplicationKey.StartsWith(keyPrefix)).OrderBy(m => m.To).ToListAsync(Cancel));

    [Fact]
    public async Task AProviderSeesItsCommunicatedReportButNeitherADraftNorAnotherProvidersReview()
    {
        var communicated = await SeedAsync(Demo.Omsorgshuset, "Kvalitetsgranskning Sickla (kommunicerad)");
        var draft = await SeedAsync(Demo.Omsorgshuset, "Kvalitetsgranskning Sickla (utkast)", ReviewState.DraftReport);
        var others = await SeedAsync(Demo.TryggaHander, "Kvalitetsgranskning Saltsjöbaden (kommunicerad)");
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);

        using (var list = await provider.GetAsync("/Reviews/Portal", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(list));
            Assert.Contains("Kvalitetsgranskning Sickla (kommunicerad)", html, StringComparison.Ordinal);
            Assert.Contains("Väntar på ert svar", html, StringComparison.Ordinal);
            Assert.DoesNotContain("(utkast)", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Saltsjöbaden", html, StringComparison.Ordinal);
        }
        using (var details = await provider.GetAsync(ReviewPortalHandler.DetailsUrl(communicated), Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(details));
            Assert.Contains("Kvalitetsgranskning", html, StringComparison.Ordinal);
            Assert.Contains(Demo.OmsorgshusetSickla, html, StringComparison.Ordinal);
            Assert.Contains(ReviewSpec.ProviderParticipant, html, StringComparison.Ordinal);
            Assert.Contains(Texts.Observation, html, StringComparison.Ordinal);
            Assert.Contains("Mindre brist", html, StringComparison.Ordinal);
            Assert.Contains("Samlad bedömning: Mindre brist", html, StringComparison.Ordinal);
            Assert.Contains(SwedishText.Date(Today.AddDays(14)), html, StringComparison.Ordinal);
            Assert.Contains("Skicka svaret", html, StringComparison.Ordinal);
            Assert.Contains("Begär att en granskare som inte deltagit ser över rapporten", html, StringComparison.Ordinal);
            Assert.Contains($"/Portal/Threads?matterKind=Review&matterId={communicated}", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/Reviews/Documents/Report?id={communicated}\">Rapporten (Word)</a>", html, StringComparison.Ordinal);
            Assert.DoesNotContain(Texts.StaffNote, html, StringComparison.Ordinal);
        }
        foreach (var hidden in new[] { draft, others })
        {
            using var page = await provider.GetAsync(ReviewPortalHandler.DetailsUrl(hidden), Cancel);
            await Expect.StatusAsync(page, HttpStatusCode.NotFound);
            using var read = await api.GetAsync($"/api/v1/portal/reviews/{hidden}", Cancel);
            await Expect.StatusAsync(read, HttpStatusCode.NotFound);
            using var answer = await api.PostAsJsonAsync($"/api/v1/portal/reviews/{hidden}/responses", new { kind = "Comment", text = "Vi svarar." }, Api.Json, Cancel);
            await Expect.StatusAsync(answer, HttpStatusCode.NotFound);
            using var thread = await provider.GetAsync($"/Portal/Threads?matterKind=Review&matterId={hidden}", Cancel);
            await Expect.StatusAsync(thread, HttpStatusCode.NotFound);
        }

        using (var read = await api.GetAsync($"/api/v1/portal/reviews/{communicated}", Cancel))
        {
            var body = await Expect.OkAsync(read);
            Assert.DoesNotContain(Texts.StaffNote, body, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Assert.Equal("Communicated", root.GetProperty("state").GetString());
            Assert.Equal("MinorDeficiency", root.GetProperty("result").GetString());
            Assert.True(root.GetProperty("openForAnswer").GetBoolean());
            var findings = root.GetProperty("areas").EnumerateArray().SelectMany(a => a.GetProperty("findings").EnumerateArray()).ToList();
            Assert.NotEmpty(findings);
            Assert.Contains(findings, f => f.GetProperty("conditions").GetArrayLength() > 0);
        }
        using (var list = await api.GetAsync("/api/v1/portal/reviews?pageSize=200", Cancel))
        {
            var body = await Expect.OkAsync(list);
            Assert.Contains(communicated.ToString(), body, StringComparison.Ordinal);
            Assert.DoesNotContain(draft.ToString(), body, StringComparison.Ordinal);
            Assert.DoesNotContain(others.ToString(), body, StringComparison.Ordinal);
        }
        using (var thread = await provider.GetAsync($"/Portal/Threads?matterKind=Review&matterId={communicated}", Cancel))
        {
            Assert.Contains("Granskning: Kvalitetsgranskning Sickla (kommunicerad)", WebUtility.HtmlDecode(await Expect.OkAsync(thread)), StringComparison.Ordinal);
        }

        // The municipality reads the report as the provider sees it, without the forms.
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using (var details = await developer.GetAsync(ReviewPortalHandler.DetailsUrl(others), Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(details));
            Assert.Contains("Så här ser Trygga Händer Exempel AB (fiktiv) rapporten", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Skicka svaret", html, StringComparison.Ordinal);
        }
        using var municipalApi = await app.ApiClientAs(Demo.QualityDeveloper);
        using (var answer = await municipalApi.PostAsJsonAsync($"/api/v1/portal/reviews/{others}/responses", new { kind = "Comment", text = "Kommunen svarar." }, Api.Json, Cancel))
        {
            await Expect.DeniedAsync(answer);
        }
        using (var page = await developer.GetAsync("/Reviews/Portal", Cancel))
        {
            await Expect.DeniedAsync(page);
        }
    }

    [Fact]
    public async Task TheProvidersAnswerIsRecordedOnTheTimelineAndTheLeadIsTold()
    {
        var id = await SeedAsync(Demo.Omsorgshuset, "Granskning att besvara");
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var page = ReviewPortalHandler.DetailsUrl(id);

        using (var answered = await Forms.SubmitAsync(provider, page,
            [new("Kind", "FactualCorrection"), new("Text", "Rutinen för läkemedel uppdaterades i januari (fiktiv).")], page + "?handler=Respond"))
        {
            await Expect.RedirectAsync(answered, page);
        }
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using (var second = await api.PostAsJsonAsync($"/api/v1/portal/reviews/{id}/responses", new { kind = "Comment", text = "Vi delar bedömningen i övrigt." }, Api.Json, Cancel))
        {
            var body = await Expect.StatusAsync(second, HttpStatusCode.Created);
            using var json = JsonDocument.Parse(body);
            Assert.Equal(2, json.RootElement.GetProperty("responses").GetArrayLength());
        }

        var review = await ReviewAsync(id);
        Assert.Equal(["FactualCorrection", "Comment"], review.Responses.OrderBy(r => r.WrittenAt).Select(r => r.Kind.ToString()));
        Assert.All(review.Responses, r => Assert.Equal("Olle Omsorgshuset (fiktiv)", r.WrittenByName));
        Assert.NotNull(review.RespondedAt);
        Assert.Equal(2, review.Steps.Count(s => s.Kind == ReviewStepKind.ProviderResponded));
        Assert.Equal(ReviewState.Communicated, review.State);

        var mails = await MailsAsync("review-response:");
        var toLead = mails.Where(m => m.Body.Contains("Granskning att besvara", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, toLead.Count);
        Assert.All(toLead, m => Assert.Equal(Demo.QualityDeveloper, m.To));
        Assert.Contains(toLead, m => m.Body.Contains("faktarättelse", StringComparison.Ordinal));
        Assert.All(toLead, m => Assert.Contains($"\n{UppsiktApp.AppUrl}{page}\n", m.Body, StringComparison.Ordinal));

        using var details = await provider.GetAsync(page, Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(details));
        Assert.Contains("Rutinen för läkemedel uppdaterades i januari (fiktiv).", html, StringComparison.Ordinal);
        Assert.Contains("Anordnaren svarade", html, StringComparison.Ordinal);

        // Answered, the review no longer waits in the provider's "Att göra".
        var requests = await api.GetFromJsonAsync<List<PortalRequest>>("/api/v1/portal/requests", Api.Json, Cancel);
        Assert.DoesNotContain(requests!, r => r.Url == page);
    }

    [Fact]
    public async Task AnAnswerNamingAPersonalIdentityNumberIsRefusedByItsFieldAndChangesNothing()
    {
        var id = await SeedAsync(Demo.Omsorgshuset, "Granskning med personnummer i svaret");
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var before = await app.LastAuditIdAsync();

        using (var refused = await api.PostAsJsonAsync($"/api/v1/portal/reviews/{id}/responses",
            new { kind = "FactualCorrection", text = "Brukaren 19121212-1212 fick sina läkemedel." }, Api.Json, Cancel))
        {
            var body = await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
            using var json = JsonDocument.Parse(body);
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("Text", out _), body);
        }
        using (var noKind = await api.PostAsJsonAsync($"/api/v1/portal/reviews/{id}/responses", new { text = "Ett svar utan slag." }, Api.Json, Cancel))
        {
            var body = await Expect.StatusAsync(noKind, HttpStatusCode.BadRequest);
            Assert.Contains("\"Kind\"", body, StringComparison.Ordinal);
        }
        var page = ReviewPortalHandler.DetailsUrl(id);
        using (var onPage = await Forms.SubmitAsync(provider, page, [new("Kind", "Comment"), new("Text", "Gäller 19121212-1212.")], page + "?handler=Respond"))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(onPage));
            Assert.Contains("href=\"#Text\"", html, StringComparison.Ordinal);
            Assert.Contains("Gäller 19121212-1212.</textarea>", html, StringComparison.Ordinal);
        }

        Assert.Empty((await ReviewAsync(id)).Responses);
        Assert.Equal(before, await app.LastAuditIdAsync());
    }

    [Fact]
    public async Task TheProviderDisputesOnceAfterConfirmingAndTheLeadAndGroupManagerAreTold()
    {
        var id = await SeedAsync(Demo.Omsorgshuset, "Granskning att ifrågasätta");
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var page = ReviewPortalHandler.DetailsUrl(id);
        const string reason = "Bedömningen av dokumentationen bygger på ett äldre underlag (fiktiv).";

        using (var asked = await Forms.SubmitAsync(provider, page, [new("Reason", reason)], page + "?handler=Dispute"))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(asked));
            Assert.Contains("Bekräfta begäran om oberoende granskning", html, StringComparison.Ordinal);
            Assert.Contains(reason, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Skicka svaret", html, StringComparison.Ordinal);
        }
        Assert.Null((await ReviewAsync(id)).DisputedAt);

        using (var empty = await Forms.SubmitAsync(provider, page, [new("Reason", " ")], page + "?handler=Dispute"))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(empty));
            Assert.Contains("href=\"#Reason\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Bekräfta och skicka begäran", html, StringComparison.Ordinal);
        }

        using (var confirmed = await Forms.SubmitAsync(provider, page, [new("Reason", reason), new("confirmed", "true")], page + "?handler=Dispute"))
        {
            await Expect.RedirectAsync(confirmed, page);
        }
        var review = await ReviewAsync(id);
        Assert.Equal(reason, review.DisputeReason);
        Assert.NotNull(review.DisputedAt);
        Assert.Contains(review.Steps, s => s.Kind == ReviewStepKind.DisputeRequested && s.ActorName == "Olle Omsorgshuset (fiktiv)");

        var mails = await MailsAsync($"review-dispute:{id:N}:");
        Assert.Equal([Demo.GroupManager, Demo.QualityDeveloper], mails.Select(m => m.To).Order(StringComparer.Ordinal));

        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using (var again = await api.PostAsJsonAsync($"/api/v1/portal/reviews/{id}/dispute", new { reason = "En gång till." }, Api.Json, Cancel))
        {
            var body = await Expect.StatusAsync(again, HttpStatusCode.Conflict);
            Assert.Contains("redan begärt", body, StringComparison.Ordinal);
        }
        using var details = await provider.GetAsync(page, Cancel);
        var after = WebUtility.HtmlDecode(await Expect.OkAsync(details));
        Assert.Contains("Begäran om oberoende granskning", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Fortsätt</button>", after, StringComparison.Ordinal);
        Assert.Contains("Skicka svaret", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFinalisedReportOrOnePastItsLastDayIsReadOnly()
    {
        var finalised = await SeedAsync(Demo.Omsorgshuset, "Fastställd granskning", ReviewState.Final);
        var late = await SeedAsync(Demo.Omsorgshuset, "Granskning efter sista dag", communicatedOn: Today.AddDays(-20));
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);

        foreach (var id in new[] { finalised, late })
        {
            using (var answer = await api.PostAsJsonAsync($"/api/v1/portal/reviews/{id}/responses", new { kind = "Comment", text = "Sent svar." }, Api.Json, Cancel))
            {
                await Expect.StatusAsync(answer, HttpStatusCode.Conflict);
            }
            using (var dispute = await api.PostAsJsonAsync($"/api/v1/portal/reviews/{id}/dispute", new { reason = "Sen begäran." }, Api.Json, Cancel))
            {
                await Expect.StatusAsync(dispute, HttpStatusCode.Conflict);
            }
            var page = ReviewPortalHandler.DetailsUrl(id);
            using var details = await provider.GetAsync(page, Cancel);
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(details));
            Assert.DoesNotContain("Skicka svaret", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Fortsätt</button>", html, StringComparison.Ordinal);
            using var onPage = await Forms.SubmitAsync(provider, page, [new("Kind", "Comment"), new("Text", "Sent svar.")], page + "?handler=Respond");
            await Expect.StatusAsync(onPage, HttpStatusCode.Conflict);
            Assert.Empty((await ReviewAsync(id)).Responses);
        }

        using var finalPage = await provider.GetAsync(ReviewPortalHandler.DetailsUrl(finalised), Cancel);
        Assert.Contains("Rapporten är fastställd", WebUtility.HtmlDecode(await Expect.OkAsync(finalPage)), StringComparison.Ordinal);
        using var latePage = await provider.GetAsync(ReviewPortalHandler.DetailsUrl(late), Cancel);
        Assert.Contains($"Sista dag för svar var {SwedishText.Date(Today.AddDays(-6))}", WebUtility.HtmlDecode(await Expect.OkAsync(latePage)), StringComparison.Ordinal);
        var requests = await api.GetFromJsonAsync<List<PortalRequest>>("/api/v1/portal/requests", Api.Json, Cancel);
        Assert.DoesNotContain(requests!, r => r.Url == ReviewPortalHandler.DetailsUrl(late) || r.Url == ReviewPortalHandler.DetailsUrl(finalised));
    }

    [Fact]
    public async Task ACommunicatedReviewWaitsInTheProvidersToDoListWithItsLastDay()
    {
        var due = Today.AddDays(10);
        var id = await SeedAsync(Demo.Omsorgshuset, "Granskning i att göra-listan", dueOn: due);
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);

        var requests = await api.GetFromJsonAsync<List<PortalRequest>>("/api/v1/portal/requests", Api.Json, Cancel);
        var request = Assert.Single(requests!, r => r.Url == ReviewPortalHandler.DetailsUrl(id));
        Assert.Equal("Granskningsrapport att svara på", request.Kind);
        Assert.Equal("Granskning: Granskning i att göra-listan", request.Title);
        Assert.Equal(due, request.DueOn);
        Assert.False(request.Overdue);

        using var trygga = await app.ApiClientAs(Demo.TryggaHanderUser);
        var theirs = await trygga.GetFromJsonAsync<List<PortalRequest>>("/api/v1/portal/requests", Api.Json, Cancel);
        Assert.DoesNotContain(theirs!, r => r.Url == ReviewPortalHandler.DetailsUrl(id));

        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var start = await provider.GetAsync("/Portal", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(start));
        Assert.Contains("Granskning: Granskning i att göra-listan", html, StringComparison.Ordinal);
        Assert.Contains(SwedishText.Date(due), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommunicationMailsTheProvidersUsersOnceWithTheLastDayAndALink()
    {
        var id = await SeedAsync(Demo.TryggaHander, "Granskning som kommuniceras", dueOn: Today.AddDays(21));
        var sent = new List<int>();
        for (var run = 0; run < 2; run++)
        {
            await app.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                var review = await db.Reviews.SingleAsync(r => r.Id == id, Cancel);
                sent.Add(await services.GetRequiredService<ReviewNotices>().CommunicatedAsync(review, Cancel));
                await db.SaveChangesAsync(Cancel);
            });
        }

        Assert.Equal([1, 0], sent);
        var mail = Assert.Single(await MailsAsync($"review-communicated:{id:N}:"));
        Assert.Equal(Demo.TryggaHanderUser, mail.To);
        Assert.Contains("Granskning som kommuniceras", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(SwedishText.Date(Today.AddDays(21)), mail.Body, StringComparison.Ordinal);
        Assert.Contains($"\n{UppsiktApp.AppUrl}{ReviewPortalHandler.DetailsUrl(id)}\n", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReminderGoesOutOnceTheSetDaysBeforeTheLastDay()
    {
        var due = Today.AddDays(40);
        var id = await SeedAsync(Demo.Omsorgshuset, "Granskning att påminna om", dueOn: due);
        var settings = new ReviewSettings();
        var sent = 0;
        foreach (var daysBefore in new[] { 5, 4, 3, 3, 2, 1, 0 })
        {
            await app.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                var clock = FixedClock.On(due.AddDays(-daysBefore));
                var outbox = new Outbox(db, clock);
                var links = services.GetRequiredService<AppLinks>();
                var notices = new ReviewNotices(db, outbox, links, services.GetRequiredService<UserManager<AppUser>>(), clock);
                sent += await new ReviewReminders(db, outbox, links, clock, settings, notices, NullLogger<ReviewReminders>.Instance).EnqueueAsync(Cancel);
            });
        }

        var mail = Assert.Single(await MailsAsync($"review-reminder:{id:N}:"));
        Assert.Equal(Demo.OmsorgshusetUser, mail.To);
        Assert.Contains(SwedishText.Date(due), mail.Subject, StringComparison.Ordinal);
        Assert.Contains("om 3 dagar", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"\n{UppsiktApp.AppUrl}{ReviewPortalHandler.DetailsUrl(id)}\n", mail.Body, StringComparison.Ordinal);
        Assert.Equal(1, sent);
        var review = await ReviewAsync(id);
        Assert.NotNull(review.ReminderSentAt);
        Assert.Single(review.Steps, s => s.Kind == ReviewStepKind.ReminderSent);
    }

    [Fact]
    public async Task TheProvidersListSortsByEveryColumnAndPages()
    {
        await SeedAsync(Demo.Omsorgshuset, "A-granskning för sortering");
        await SeedAsync(Demo.Omsorgshuset, "Ö-granskning för sortering", ReviewState.Final);
        using var api = await app.ApiClientAs(Demo.OmsorgshusetUser);

        foreach (var descending in new[] { false, true })
        {
            var byTitle = await Api.ReadAsync<PagedList<ReviewPortalRow>>(await api.GetAsync($"/api/v1/portal/reviews?sort=title&descending={descending}&pageSize=200", Cancel));
            var titles = byTitle.Items.Select(r => r.Title).ToList();
            Assert.Equal(descending, titles.IndexOf("A-granskning för sortering") > titles.IndexOf("Ö-granskning för sortering"));
        }
        var finals = await Api.ReadAsync<PagedList<ReviewPortalRow>>(await api.GetAsync("/api/v1/portal/reviews?state=Final", Cancel));
        Assert.All(finals.Items, r => Assert.Equal(ReviewState.Final, r.State));
        Assert.Contains(finals.Items, r => r.Title == "Ö-granskning för sortering");
        var onePerPage = await Api.ReadAsync<PagedList<ReviewPortalRow>>(await api.GetAsync("/api/v1/portal/reviews?pageSize=1&page=2&sort=communicated&descending=true", Cancel));
        Assert.Single(onePerPage.Items);
        Assert.True(onePerPage.Total >= 2);
    }
}
