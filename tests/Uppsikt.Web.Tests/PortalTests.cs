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
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The provider portal: invitations, the provider's own start page, messages both ways, documents with read receipts and attestations.</summary>
public sealed partial class PortalTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

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
            .Single(r => r.Url.StartsWith("/QualityReports/Fill/", StringComparison.Ordinal));
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

        using (var sent = await Forms.SubmitAsync(trygga, "/Portal", [new("Text", "Fråga från Trygga Händer om besöket (fiktiv)")], "/Portal?handler=Message"))
        {
            await Expect.RedirectAsync(sent, "/Portal");
        }
        Assert.Contains(await OutboxToAsync(Demo.QualityDeveloper), m => m.Subject.Contains(Demo.TryggaHander, StringComparison.Ordinal));

        var details = $"/Portal/Providers/Details/{providerId}";
        using (var answer = await Forms.SubmitAsync(quality, details, [new("Text", "Svar från kommunen om besöket (fiktiv)")], details + "?handler=Message"))
        {
            await Expect.RedirectAsync(answer, details);
        }
        Assert.Contains(await OutboxToAsync(Demo.TryggaHanderUser), m => m.Subject.StartsWith("Nytt meddelande", StringComparison.Ordinal));
        var overview = WebUtility.HtmlDecode(await Expect.OkAsync(await quality.GetAsync("/Portal/Providers", Ct)));
        Assert.Contains(Demo.TryggaHander, overview, StringComparison.Ordinal);

        var thread = await trygga.GetFromJsonAsync<List<MessageView>>("/api/v1/portal/messages", Api.Json, TestContext.Current.CancellationToken);
        Assert.Contains(thread!, m => m.FromProvider && m.Text.Contains("Fråga från Trygga", StringComparison.Ordinal));
        Assert.Contains(thread!, m => !m.FromProvider && m.Text.Contains("Svar från kommunen", StringComparison.Ordinal));

        using var refused = await trygga.PostAsJsonAsync("/api/v1/portal/messages", new { text = "Gäller brukaren 19121212-1212" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("personnummer", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
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
