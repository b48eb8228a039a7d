using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Features.Portal;
using Uppsikt.Web.Features.Portal.Attestations;
using Uppsikt.Web.Features.Portal.Threads;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Portal;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The provider portal: invitations, the provider's own start page, messages both ways, documents with read receipts and attestations.</summary>
public sealed partial class PortalTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<List<OutboxMessage>> OutboxToAsync(string to) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.CreatedAt).ToListAsync());

    private async Task<string> InviteAsync(string email, DateOnly? accessExpiresOn = null)
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var providerId = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        using var response = await Forms.SubmitAsync(quality, "/Portal/Invite",
        [
            new("ProviderId", providerId.ToString()), new("Email", email), new("DisplayName", "Ny Medarbetare (fiktiv)"),
            new("AccessExpiresOn", accessExpiresOn is { } d ? Iso(d) : ""),
        ]);
        await Expect.RedirectAsync(response, "/Portal/Invite");
        var mail = (await OutboxToAsync(email)).Last();
        var link = LinkIn().Match(mail.Body);
        Assert.True(link.Success, mail.Body);
        Assert.StartsWith(UppsiktApp.AppUrl + "/Portal/Invitation?", link.Value, StringComparison.Ordinal);
        return link.Groups["path"].Value;
    }

    [Fact]
    public async Task AnInvitationCreatesAProviderUserWhoseLinkSetsAPasswordOnce()
    {
        const string email = "inbjuden@omsorgshuset.example";
        var path = await InviteAsync(email, Today.AddDays(90));
        Assert.Single(await OutboxToAsync(email));

        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Null(user.PasswordHash);
        Assert.Equal(await app.GetProviderIdAsync(Demo.Omsorgshuset), user.ProviderId);
        Assert.Equal(Today.AddDays(90), user.AccessExpiresOn);
        await app.WithServicesAsync(async services =>
            Assert.True(await services.GetRequiredService<UserManager<AppUser>>().IsInRoleAsync(user, Roles.ProviderUser)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == user.Id && a.Action == "Added")));

        using var invitee = app.CreateAnonymousClient();
        using (var accepted = await Forms.SubmitAsync(invitee, path, [new("Password", "Ett-eget-lösenord-2026"), new("Repeated", "Ett-eget-lösenord-2026")]))
        {
            await Expect.RedirectAsync(accepted, "/Account/Login");
        }
        using (var signedIn = await app.CreateClientAs(email, "Ett-eget-lösenord-2026"))
        using (var start = await signedIn.GetAsync("/", Ct))
        {
            await Expect.RedirectAsync(start, "/Portal");
        }

        using var again = await invitee.GetAsync(path, Ct);
        Assert.Contains("har gått ut eller redan använts", await Expect.OkAsync(again), StringComparison.Ordinal);

        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        using var twice = await Forms.SubmitAsync(quality, "/Portal/Invite",
            [new("ProviderId", user.ProviderId.ToString()!), new("Email", email), new("DisplayName", "Ny Medarbetare (fiktiv)")]);
        Assert.Contains("Det finns redan ett konto", await Expect.OkAsync(twice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedChangeReportShowsItsErrorAtTheTextBox()
    {
        using var provider = await app.CreateClientAs(Demo.TryggaHanderUser);
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(await provider.GetAsync("/Portal", Ct)));

        using var refused = await Forms.PostAsync(provider, "/Portal?handler=Change", token, [new("Category", "Other"), new("ChangeText", " ")]);

        Assert.Matches("data-valmsg-for=\"ChangeText\"[^>]*>Ange en beskrivning av förändringen.", WebUtility.HtmlDecode(await Expect.OkAsync(refused)));
    }

    [Fact]
    public async Task AnInvitationOlderThanSevenDaysOrWithAChangedDateIsRefused()
    {
        const string email = "gammal-inbjudan@omsorgshuset.example";
        var path = await InviteAsync(email);
        var userId = await app.GetUserIdAsync(email);
        var issued = Today.AddDays(-8);
        string token = "";
        await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            token = await users.GenerateUserTokenAsync((await users.FindByIdAsync(userId))!, InvitationTokenProvider.ProviderName, $"invitation:{Iso(issued)}");
        });
        using var invitee = app.CreateAnonymousClient();

        var old = $"/Portal/Invitation?user={userId}&issued={Iso(issued)}&token={Uri.EscapeDataString(token)}";
        using (var page = await invitee.GetAsync(old, Ct))
        {
            Assert.Contains(PortalInvitations.ExpiredMessage, WebUtility.HtmlDecode(await Expect.OkAsync(page)), StringComparison.Ordinal);
        }
        var redated = path.Replace($"issued={Iso(Today)}", $"issued={Iso(Today.AddDays(-1))}", StringComparison.Ordinal);
        Assert.NotEqual(path, redated);
        using (var page = await invitee.GetAsync(redated, Ct))
        {
            Assert.Contains(PortalInvitations.ExpiredMessage, WebUtility.HtmlDecode(await Expect.OkAsync(page)), StringComparison.Ordinal);
        }
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync()));

        // Inviting the same address again sends a new link to the same account, which works.
        var fresh = await InviteAsync(email);
        Assert.Equal(2, (await OutboxToAsync(email)).Count);
        Assert.Equal(userId, await app.GetUserIdAsync(email));
        using (var accepted = await Forms.SubmitAsync(invitee, fresh, [new("Password", "Ny-inbjudan-2026!"), new("Repeated", "Ny-inbjudan-2026!")]))
        {
            await Expect.RedirectAsync(accepted, "/Account/Login");
        }
    }

    [Fact]
    public async Task AnInvitedUserCannotSignInAfterTheAccessExpires()
    {
        const string email = "tillfallig@omsorgshuset.example";
        var path = await InviteAsync(email, Today.AddDays(1));
        using var invitee = app.CreateAnonymousClient();
        using (var accepted = await Forms.SubmitAsync(invitee, path, [new("Password", "Tillfälligt-lösen-2026"), new("Repeated", "Tillfälligt-lösen-2026")]))
        {
            await Expect.RedirectAsync(accepted, "/Account/Login");
        }
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessExpiresOn, Today.AddDays(-1)), Ct));

        using var client = app.CreateAnonymousClient();
        using var refused = await UppsiktApp.PostLoginAsync(client, email, "Tillfälligt-lösen-2026");
        Assert.Contains("behörigheten kan ha upphört", WebUtility.HtmlDecode(await Expect.OkAsync(refused)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProviderSeesItsOwnPortalWithRequestsFromEveryFeature()
    {
        using var trygga = await app.CreateClientAs(Demo.TryggaHanderUser);
        using var page = await trygga.GetAsync("/Portal", Ct);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));

        Assert.Contains("Vår portal – " + Demo.TryggaHander, html, StringComparison.Ordinal);
        Assert.Contains("Egenintygande att lämna", html, StringComparison.Ordinal);
        Assert.Contains("Klagomål att besvara", html, StringComparison.Ordinal);
        Assert.Contains(Demo.TryggaSaltsjobaden, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Omsorgshuset", html, StringComparison.Ordinal);

        var requests = await trygga.GetFromJsonAsync<List<PortalRequest>>("/api/v1/portal/requests", Api.Json, TestContext.Current.CancellationToken);
        Assert.Contains(requests!, r => r.Kind == "Egenintygande att lämna" && r.Overdue);
        Assert.All(requests!, r => Assert.DoesNotContain("Omsorgshuset", r.Title, StringComparison.Ordinal));
        Assert.DoesNotContain(requests!, r => r.Url.StartsWith("/QualityReports/", StringComparison.Ordinal)); // Trygga Händer has submitted its report

        using var omsorgshuset = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var draftReport = (await omsorgshuset.GetFromJsonAsync<List<PortalRequest>>("/api/v1/portal/requests", Api.Json, TestContext.Current.CancellationToken))!
            .Single(r => r.Url.StartsWith("/QualityReports/Reports/Fill/", StringComparison.Ordinal));
        Assert.Equal("Kvalitetsrapport att lämna", draftReport.Kind);
        Assert.False(draftReport.Overdue);

        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        await Expect.DeniedAsync(await quality.GetAsync("/Portal", Ct));
    }

    [Fact]
    public async Task MessagesGoBothWaysWithAnEmailNoticeAndNoPersonalIdentityNumbers()
    {
        var providerId = await app.GetProviderIdAsync(Demo.TryggaHander);
        using var trygga = await app.CreateClientAs(Demo.TryggaHanderUser);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);

        using (var sent = await Forms.SubmitAsync(trygga, "/Portal/Threads", [new("Text", "Fråga från Trygga Händer om besöket (fiktiv)")]))
        {
            await Expect.RedirectAsync(sent, "/Portal/Threads");
        }
        Assert.Contains(await OutboxToAsync(Demo.QualityDeveloper), m => m.Subject == $"Nytt meddelande i Uppsikt: {Demo.TryggaHander} – Allmänt"
            && m.Body.Contains($"\n{UppsiktApp.AppUrl}/Portal/Providers/Thread/{providerId}\n", StringComparison.Ordinal));

        var thread = $"/Portal/Providers/Thread/{providerId}";
        using (var answer = await Forms.SubmitAsync(quality, thread, [new("Text", "Svar från kommunen om besöket (fiktiv)")]))
        {
            await Expect.RedirectAsync(answer, thread);
        }
        Assert.Contains(await OutboxToAsync(Demo.TryggaHanderUser), m => m.Subject.StartsWith("Nytt meddelande", StringComparison.Ordinal)
            && m.Body.Contains($"\n{UppsiktApp.AppUrl}/Portal/Threads\n", StringComparison.Ordinal));
        var overview = WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync("/Portal/Providers", Ct)));
        Assert.Contains(Demo.TryggaHander, overview, StringComparison.Ordinal);

        var messages = await trygga.GetFromJsonAsync<List<MessageView>>("/api/v1/portal/messages", Api.Json, Ct);
        Assert.Contains(messages!, m => m.FromProvider && m.Text.Contains("Fråga från Trygga", StringComparison.Ordinal));
        Assert.Contains(messages!, m => !m.FromProvider && m.Text.Contains("Svar från kommunen", StringComparison.Ordinal));

        using var refused = await trygga.PostAsJsonAsync("/api/v1/portal/messages", new { text = "Gäller brukaren 19121212-1212" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("personnummer", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadsGroupMessagesPerMatterTheLatestWrittenToFirstWithTheGeneralThreadAlwaysThere()
    {
        var (complaintId, reportId) = await app.WithDbAsync(async db => (
            await db.Complaints.Where(c => c.Unit!.Provider!.Name == Demo.TryggaHander && c.Status != Domain.Evidence.ComplaintStatus.Registered).Select(c => c.Id).FirstAsync(),
            await db.QualityReports.Where(r => db.Providers.Any(p => p.Id == r.ProviderId && p.Name == Demo.TryggaHander)).Select(r => r.Id).FirstAsync()));
        using var trygga = await app.CreateClientAs(Demo.TryggaHanderUser);
        var complaintThread = $"/Portal/Threads?matterKind=Complaint&matterId={complaintId}";
        var reportThread = $"/Portal/Threads?matterKind=QualityReport&matterId={reportId}";

        foreach (var (address, text) in new[]
        {
            (complaintThread, "Första frågan om klagomålet (fiktiv)"),
            (reportThread, "En fråga om kvalitetsrapporten (fiktiv)"),
            (complaintThread, "Andra frågan om klagomålet (fiktiv)"),
        })
        {
            using var sent = await Forms.SubmitAsync(trygga, address, [new("Text", text)]);
            await Expect.RedirectAsync(sent, "/Portal/Threads");
            Assert.Equal(address, sent.Headers.Location!.OriginalString);
        }
        Assert.Contains(await OutboxToAsync(Demo.QualityDeveloper), m => m.Subject.StartsWith($"Nytt meddelande i Uppsikt: {Demo.TryggaHander} – Kvalitetsrapport ", StringComparison.Ordinal));

        var threads = (await trygga.GetFromJsonAsync<ThreadList>("/api/v1/portal/threads", Api.Json, Ct))!;
        Assert.Equal(ThreadsHandler.GeneralThreadTitle, threads.General.Title);
        Assert.Null(threads.General.MatterKind);
        Assert.Equal([complaintId, reportId], threads.Matters.Items.Select(t => t.MatterId!.Value).Take(2));
        var complaint = threads.Matters.Items[0];
        Assert.Equal(2, complaint.Messages);
        Assert.Equal($"/Evidence/Complaints/Details/{complaintId}", complaint.MatterUrl);
        Assert.StartsWith("Klagomål ", complaint.Title, StringComparison.Ordinal);
        Assert.True(complaint.LastFromProvider);

        var thread = (await trygga.GetFromJsonAsync<PortalThread>($"/api/v1/portal/threads/messages?matterKind=Complaint&matterId={complaintId}", Api.Json, Ct))!;
        Assert.Equal(["Första frågan om klagomålet (fiktiv)", "Andra frågan om klagomålet (fiktiv)"], thread.Messages.Select(m => m.Text));

        var page = WebUtility.HtmlDecode(await Expect.OkAsync(await trygga.GetAsync(complaintThread, Ct)));
        Assert.True(page.IndexOf("Första frågan", StringComparison.Ordinal) < page.IndexOf("Andra frågan", StringComparison.Ordinal), "oldest first");
        Assert.DoesNotContain("En fråga om kvalitetsrapporten", page, StringComparison.Ordinal);

        var portal = WebUtility.HtmlDecode(await Expect.OkAsync(await trygga.GetAsync("/Portal", Ct)));
        var threadList = portal[portal.IndexOf("id=\"messages-heading\"", StringComparison.Ordinal)..];
        var general = threadList.IndexOf(">Allmänt</a>", StringComparison.Ordinal);
        var first = threadList.IndexOf(complaint.Title, StringComparison.Ordinal);
        var second = threadList.IndexOf(threads.Matters.Items[1].Title, StringComparison.Ordinal);
        Assert.True(general >= 0 && general < first && first < second, "the general thread first, then the latest written to");
    }

    [Fact]
    public async Task TheThreadListIsPagedWithTheGeneralThreadOnTheFirstPage()
    {
        var providerId = await app.WithDbAsync(db => db.Providers.Where(p => p.Name != Demo.TryggaHander && p.Name != Demo.Omsorgshuset)
            .OrderBy(p => p.Name).Select(p => p.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            // Threads about complaints no longer there: listed, without a link to the matter.
            var start = DateTimeOffset.UtcNow.AddDays(-30);
            db.PortalMessages.AddRange(Enumerable.Range(0, ThreadsHandler.ThreadPageSize + 1).Select(i => new Domain.Portal.PortalMessage
            {
                ProviderId = providerId,
                MatterKind = "Complaint",
                MatterId = Guid.CreateVersion7(),
                AuthorName = "Testare (fiktiv)",
                Text = $"Meddelande {i} (fiktiv)",
                SentAt = start.AddHours(i),
            }));
            return await db.SaveChangesAsync();
        });
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var details = $"/Portal/Providers/Details/{providerId}";

        var first = WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync(details, Ct)));
        Assert.Contains("Sida 1 av 2", first, StringComparison.Ordinal);
        Assert.Contains(">Allmänt</a>", first, StringComparison.Ordinal);
        Assert.Equal(ThreadsHandler.ThreadPageSize, Regex.Count(first, "Ärende som inte längre finns</a>"));

        var second = WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync(details + "?Page=2", Ct)));
        Assert.Contains("Sida 2 av 2", second, StringComparison.Ordinal);
        Assert.DoesNotContain(">Allmänt</a>", second, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(second, "Ärende som inte längre finns</a>"));
    }

    [Fact]
    public async Task NoOneWritesIntoOrSeesAnotherProvidersMatterThread()
    {
        var trygga = await app.GetProviderIdAsync(Demo.TryggaHander);
        var (complaintId, reportId, attestationId) = await app.WithDbAsync(async db => (
            await db.Complaints.Where(c => c.Unit!.Provider!.Name == Demo.Omsorgshuset && c.Status != Domain.Evidence.ComplaintStatus.Registered).Select(c => c.Id).FirstAsync(),
            await db.QualityReports.Where(r => db.Providers.Any(p => p.Id == r.ProviderId && p.Name == Demo.Omsorgshuset)).Select(r => r.Id).FirstAsync(),
            await db.Attestations.Where(a => db.Providers.Any(p => p.Id == a.ProviderId && p.Name == Demo.Omsorgshuset)).Select(a => a.Id).FirstAsync()));
        var before = await app.WithDbAsync(db => db.PortalMessages.CountAsync());
        using var tryggaUser = await app.CreateClientAs(Demo.TryggaHanderUser);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var antiforgery = Forms.AntiforgeryToken(await Expect.OkAsync(await tryggaUser.GetAsync("/Portal/Threads", Ct)));

        foreach (var matter in new[] { $"matterKind=Complaint&matterId={complaintId}", $"matterKind=QualityReport&matterId={reportId}", $"matterKind=Attestation&matterId={attestationId}" })
        {
            // A provider user: another provider's matter does not exist for it, on the page and in the API.
            await Expect.StatusAsync(await tryggaUser.GetAsync($"/Portal/Threads?{matter}", Ct), HttpStatusCode.NotFound);
            await Expect.StatusAsync(await Forms.PostAsync(tryggaUser, $"/Portal/Threads?{matter}", antiforgery, [new("Text", "Inkräktare (fiktiv)")]), HttpStatusCode.NotFound);
            await Expect.StatusAsync(await tryggaUser.GetAsync($"/api/v1/portal/threads/messages?{matter}", Ct), HttpStatusCode.NotFound);
            var parts = matter.Split('&').Select(p => p.Split('=')[1]).ToArray();
            using var api = await tryggaUser.PostAsJsonAsync("/api/v1/portal/messages", new { text = "Inkräktare (fiktiv)", matterKind = parts[0], matterId = parts[1] }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            Assert.Contains("Ärendet som meddelandet gäller finns inte.", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            // The municipality, writing to Trygga Händer about Omsorgshuset's matter, is told why.
            var thread = $"/Portal/Providers/Thread/{trygga}?{matter}";
            var shown = WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync(thread, Ct)));
            Assert.Contains($"Ärendet hör till en annan anordnare än {Demo.TryggaHander}.", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("<textarea", shown, StringComparison.Ordinal);
            var municipalToken = Forms.AntiforgeryToken(await Expect.OkAsync(await quality.GetAsync($"/Portal/Providers/Thread/{trygga}", Ct)));
            using var refused = await Forms.PostAsync(quality, thread, municipalToken, [new("Text", "Till fel anordnare (fiktiv)")]);
            Assert.Contains($"Ärendet hör till en annan anordnare än {Demo.TryggaHander}.", WebUtility.HtmlDecode(await Expect.OkAsync(refused)), StringComparison.Ordinal);
        }
        await Expect.StatusAsync(await quality.GetAsync($"/Portal/Providers/Thread/{trygga}?matterKind=Complaint&matterId={Guid.CreateVersion7()}", Ct), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await quality.GetAsync($"/Portal/Providers/Thread/{trygga}?matterKind=Unknown&matterId={complaintId}", Ct), HttpStatusCode.NotFound);
        Assert.Equal(before, await app.WithDbAsync(db => db.PortalMessages.CountAsync()));
    }

    [Fact]
    public async Task AMattersPageLinksToItsThreadForBothSides()
    {
        var omsorgshuset = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        var attestationId = await app.WithDbAsync(db => db.Attestations.Where(a => a.ProviderId == omsorgshuset).Select(a => a.Id).FirstAsync());
        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var link = $"href=\"/Portal/Threads?matterKind=Attestation&amp;matterId={attestationId}\"";
        Assert.Contains(link, await Expect.OkAsync(await provider.GetAsync($"/Portal/Attestations/Details/{attestationId}", Ct)), StringComparison.Ordinal);
        Assert.Contains($"href=\"/Portal/Providers/Thread/{omsorgshuset}?matterKind=Attestation&amp;matterId={attestationId}\"",
            await Expect.OkAsync(await quality.GetAsync($"/Portal/Attestations/Details/{attestationId}", Ct)), StringComparison.Ordinal);

        // The demo thread about the attestation: the municipality's question, then the provider's answer.
        var thread = WebUtility.HtmlDecode(await Expect.OkAsync(await provider.GetAsync($"/Portal/Threads?matterKind=Attestation&matterId={attestationId}", Ct)));
        Assert.Contains("<h1>Meddelanden: Egenintygande ", thread, StringComparison.Ordinal);
        Assert.True(thread.IndexOf("vilket datum är kursen", StringComparison.Ordinal) < thread.IndexOf("Kursen är den 14:e", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADocumentSentToAProviderGetsAReadReceiptWhenTheProviderOpensIt()
    {
        var providerId = await app.GetProviderIdAsync(Demo.TryggaHander);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        using var sent = await Forms.SubmitAsync(quality, "/Portal/Documents/New",
            [new("ProviderIds", providerId.ToString()), new("Title", "Beslut om uppföljning (fiktiv)"), new("Message", "Se bifogat beslut.")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = sent.Headers.Location!.OriginalString;
        Assert.StartsWith("/Portal/Documents/Details/", page, StringComparison.Ordinal);
        Assert.Contains(await OutboxToAsync(Demo.TryggaHanderUser), m => m.Subject.Contains("Beslut om uppföljning", StringComparison.Ordinal));

        Assert.Contains("Inte öppnat av anordnaren ännu", WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync(page, Ct))), StringComparison.Ordinal);

        using var omsorgshuset = await app.CreateClientAs(Demo.OmsorgshusetUser);
        Assert.Equal(HttpStatusCode.NotFound, (await omsorgshuset.GetAsync(page, Ct)).StatusCode);
        using var trygga = await app.CreateClientAs(Demo.TryggaHanderUser);
        await Expect.OkAsync(await trygga.GetAsync(page, Ct));

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync(page, Ct)));
        Assert.DoesNotContain("Inte öppnat", html, StringComparison.Ordinal);
        Assert.Contains("Tina Trygga (fiktiv)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAttestationRoundCollectsSignedAttestationsAndListsTheMissingAfterTheDeadline()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var year = Today.Year + 1;
        using var opened = await Forms.SubmitAsync(quality, "/Portal/Attestations", [new("Year", year.ToString(CultureInfo.InvariantCulture)), new("DueOn", Iso(Today.AddDays(30)))]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var roundPage = opened.Headers.Location!.OriginalString;
        var roundId = Guid.Parse(roundPage.Split('/')[^1]);
        Assert.Contains("Sista dagen har inte passerat ännu", WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync(roundPage, Ct))), StringComparison.Ordinal);

        using var trygga = await app.CreateClientAs(Demo.TryggaHanderUser);
        var request = (await trygga.GetFromJsonAsync<List<PortalRequest>>("/api/v1/portal/requests", Api.Json, TestContext.Current.CancellationToken))!
            .First(r => r.Url.StartsWith($"/Portal/Attestations/Attest/{roundId}/", StringComparison.Ordinal));
        var choiceSystemId = Guid.Parse(request.Url.Split('/')[^1]);
        var form = WebUtility.HtmlDecode(await Expect.OkAsync(await trygga.GetAsync(request.Url, Ct)));
        var conditionIds = ConditionIdIn().Matches(form).Select(m => Guid.Parse(m.Groups["id"].Value)).ToList();
        Assert.NotEmpty(conditionIds);

        var unexplained = conditionIds.Select((id, i) => new { conditionId = id, met = i != 0, explanation = (string?)null }).ToList();
        using (var refused = await trygga.PostAsJsonAsync("/api/v1/portal/attestations",
            new { roundId, choiceSystemId, answers = unexplained, name = "Tina Trygga (fiktiv)", role = "Verksamhetschef" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Förklara varför", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var explained = conditionIds.Select((id, i) => new { conditionId = id, met = i != 0, explanation = i == 0 ? "Åtgärdas under våren (fiktivt)." : null }).ToList();
        using (var signed = await trygga.PostAsJsonAsync("/api/v1/portal/attestations",
            new { roundId, choiceSystemId, answers = explained, name = "Tina Trygga (fiktiv)", role = "Verksamhetschef" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        }
        var mine = await trygga.GetFromJsonAsync<List<AttestationView>>("/api/v1/portal/attestations", Api.Json, TestContext.Current.CancellationToken);
        Assert.Contains(mine!, a => a.Year == year && a.SignedByRole == "Verksamhetschef" && a.Answers.Count(x => x.Met == false) == 1);

        // The demo round of this year is past its deadline: Trygga Händer is missing, Omsorgshuset has attested.
        var demoRound = await app.WithDbAsync(db => db.AttestationRounds.Where(r => r.Year == Today.Year).Select(r => r.Id).SingleAsync());
        var status = WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync($"/Portal/Attestations/Round/{demoRound}", Ct)));
        var missing = status[status.IndexOf("Saknas efter sista dagen", StringComparison.Ordinal)..status.IndexOf("Alla anordnare i omgången", StringComparison.Ordinal)];
        Assert.Contains(Demo.TryggaHander, missing, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.Omsorgshuset, missing, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/Portal/Invitation\?\S+)")]
    private static partial Regex LinkIn();

    [GeneratedRegex(@"name=""Answers\[\d+\]\.ConditionId"" value=""(?<id>[0-9a-f-]{36})""")]
    private static partial Regex ConditionIdIn();
}
