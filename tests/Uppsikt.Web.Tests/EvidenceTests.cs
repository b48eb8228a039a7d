using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Data;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Complaints, incidents and their files through the pages and the API, each step by the role that may take it.</summary>
public sealed class EvidenceTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> RegisterComplaintAsync(HttpClient quality, string unitName, string summary)
    {
        var unitId = await app.GetUnitIdAsync(unitName);
        using var response = await Forms.SubmitAsync(quality, "/Evidence/Complaints/Edit",
        [
            new("Input.ReceivedOn", Today), new("Input.Channel", "Phone"), new("Input.UnitId", unitId.ToString()),
            new("Input.Category", "Timekeeping"), new("Input.Severity", "Moderate"), new("Input.Summary", summary),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string handler, params KeyValuePair<string, string>[] fields)
    {
        var page = $"/Evidence/Complaints/Details/{id}";
        using var form = await client.GetAsync(page);
        var html = await Expect.OkAsync(form);
        var version = Forms.InputValue(html, "Version") ?? "0";
        return await Forms.PostAsync(client, $"{page}?handler={handler}", Forms.AntiforgeryToken(html), [.. fields, new("Version", version)]);
    }

    [Fact]
    public async Task AComplaintIsForwardedAnsweredByItsProviderAndClosed()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        using var omsorgshuset = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var trygga = await app.CreateClientAs(Demo.TryggaHanderUser);
        var id = await RegisterComplaintAsync(quality, Demo.OmsorgshusetSickla, "Besöken kommer sent (testfall).");

        // Not yet handed over: the provider does not see it, and may not forward it itself.
        using (var hidden = await omsorgshuset.GetAsync($"/Evidence/Complaints/Details/{id}", TestContext.Current.CancellationToken))
        {
            await Expect.StatusAsync(hidden, HttpStatusCode.NotFound);
        }
        using (var ownForward = await Forms.SubmitAsync(omsorgshuset, "/Evidence/Complaints", [new("ResponseDueOn", "2099-01-01"), new("Version", "0")],
            $"/Evidence/Complaints/Details/{id}?handler=Forward"))
        {
            await Expect.DeniedAsync(ownForward);
        }

        using (var forwarded = await StepAsync(quality, id, "Forward", new KeyValuePair<string, string>("ResponseDueOn", DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
        {
            await Expect.RedirectAsync(forwarded, $"/Evidence/Complaints/Details/{id}");
        }
        using (var other = await trygga.GetAsync($"/Evidence/Complaints/Details/{id}", TestContext.Current.CancellationToken))
        {
            await Expect.StatusAsync(other, HttpStatusCode.NotFound);
        }
        using (var municipalAnswer = await Forms.SubmitAsync(quality, $"/Evidence/Complaints/Details/{id}", [new KeyValuePair<string, string>("Response", "Svar"), new("Version", "1")],
            $"/Evidence/Complaints/Details/{id}?handler=Answer"))
        {
            await Expect.DeniedAsync(municipalAnswer);
        }
        using (var withNumber = await StepAsync(omsorgshuset, id, "Answer", new KeyValuePair<string, string>("Response", "Vi har ringt 19121212-1212.")))
        {
            Assert.Contains("ser ut som ett personnummer", WebUtility.HtmlDecode(await Expect.OkAsync(withNumber)), StringComparison.Ordinal);
        }
        using (var answered = await StepAsync(omsorgshuset, id, "Answer", new KeyValuePair<string, string>("Response", "Vi har bytt planeringsrutin (testfall).")))
        {
            await Expect.RedirectAsync(answered, $"/Evidence/Complaints/Details/{id}");
        }
        using (var closeWithoutNote = await StepAsync(quality, id, "Close", new KeyValuePair<string, string>("Note", " ")))
        {
            Assert.Contains("Ange en avslutande kommentar.", await Expect.OkAsync(closeWithoutNote), StringComparison.Ordinal);
        }
        using (var closed = await StepAsync(quality, id, "Close", new KeyValuePair<string, string>("Note", "Åtgärderna räcker (testfall).")))
        {
            await Expect.RedirectAsync(closed, $"/Evidence/Complaints/Details/{id}");
        }

        using var page = await omsorgshuset.GetAsync($"/Evidence/Complaints/Details/{id}", TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
        Assert.Contains("Avslutat", html, StringComparison.Ordinal);
        Assert.Contains("Vi har bytt planeringsrutin (testfall).", html, StringComparison.Ordinal);
        Assert.Contains("Synpunkter och klagomål", html, StringComparison.Ordinal); // the evidence source
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Complaint" && a.EntityId == id.ToString()));
        Assert.Equal(4, audited);
    }

    [Fact]
    public async Task TheApiRefusesAPersonalIdentityNumberAndLetsOnlyTheProviderAnswer()
    {
        using var quality = await app.ApiClientAs(Demo.QualityDeveloper);
        using var trygga = await app.ApiClientAs(Demo.TryggaHanderUser);
        using var omsorgshuset = await app.ApiClientAs(Demo.OmsorgshusetUser);
        var unitId = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);
        object Complaint(string summary) => new { receivedOn = Today, channel = "Email", unitId, category = "Care", severity = "Serious", summary };

        using (var refused = await quality.PostAsJsonAsync("/api/v1/complaints", Complaint("Gäller brukare 121212-1212."), Api.Json, TestContext.Current.CancellationToken))
        {
            var body = await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
            Assert.Contains("personnummer", Expect.ReadableText(refused, body), StringComparison.Ordinal);
        }
        using var created = await quality.PostAsJsonAsync("/api/v1/complaints", Complaint("Omvårdnaden brister (testfall)."), Api.Json, TestContext.Current.CancellationToken);
        var id = JsonDocument.Parse(await Expect.StatusAsync(created, HttpStatusCode.Created)).RootElement.GetProperty("id").GetGuid();
        using (var forward = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/forward", new { responseDueOn = "2099-12-31", version = 0 }, Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.OkAsync(forward);
        }
        // A step the complaint's state forbids is a conflict, not bad input.
        using (var again = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/forward", new { responseDueOn = "2099-12-31", version = 1 }, Api.Json, TestContext.Current.CancellationToken))
        {
            Assert.Contains("redan överlämnat", Expect.ReadableText(again, await Expect.StatusAsync(again, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }
        using (var stranger = await omsorgshuset.PostAsJsonAsync($"/api/v1/complaints/{id}/answer", new { response = "Inkräktare", version = 1 }, Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.StatusAsync(stranger, HttpStatusCode.NotFound);
        }
        using (var strangerRead = await omsorgshuset.GetAsync($"/api/v1/complaints/{id}", TestContext.Current.CancellationToken))
        {
            await Expect.StatusAsync(strangerRead, HttpStatusCode.NotFound);
        }
        using (var answer = await trygga.PostAsJsonAsync($"/api/v1/complaints/{id}/answer", new { response = "Åtgärdat (testfall).", version = 1 }, Api.Json, TestContext.Current.CancellationToken))
        {
            var details = JsonDocument.Parse(await Expect.OkAsync(answer)).RootElement;
            Assert.Equal("Answered", details.GetProperty("status").GetString());
            Assert.Equal("Complaint", details.GetProperty("source").GetString());
            Assert.True(details.GetProperty("answeredOnTime").GetBoolean());
        }
        using (var providerCloses = await trygga.PostAsJsonAsync($"/api/v1/complaints/{id}/close", new { note = "Klart", version = 2 }, Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.DeniedAsync(providerCloses);
        }
        // A serious complaint closes only with the municipality's stances on IVO and the police (rule 4).
        using (var early = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/close", new { note = "Klart", version = 2 }, Api.Json, TestContext.Current.CancellationToken))
        {
            Assert.Contains("Ett allvarligt klagomål kan inte avslutas förrän ställning har tagits till anmälan till IVO och polisen",
                Expect.ReadableText(early, await Expect.StatusAsync(early, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }
        object Stance(string authority, string? motivation, int version, string decidedOn = "2026-01-01") =>
            new { authority, decision = "NotReferred", motivation, decidedOn, version };
        using (var refused = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/referrals", new { authority = "Ivo", decision = "Maybe", decidedOn = "2999-01-01", motivation = "Gäller 121212-1212.", version = 2 },
            Api.Json, TestContext.Current.CancellationToken))
        {
            // An unknown decision is refused by the binding before the handler sees anything.
            await Expect.StatusAsync(refused, HttpStatusCode.BadRequest);
        }
        using (var refused = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/referrals", Stance("Ivo", "Gäller 121212-1212.", 2, "2999-01-01"), Api.Json, TestContext.Current.CancellationToken))
        {
            var errors = JsonDocument.Parse(await Expect.StatusAsync(refused, HttpStatusCode.BadRequest)).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("Motivation", out _));
            Assert.True(errors.TryGetProperty("DecidedOn", out _));
        }
        using (var providerStance = await trygga.PostAsJsonAsync($"/api/v1/complaints/{id}/referrals", Stance("Ivo", "Anordnaren tycker till.", 2), Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.DeniedAsync(providerStance);
        }
        using (var ivo = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/referrals", Stance("Ivo", "Inget allvarligt missförhållande (testfall).", 2), Api.Json, TestContext.Current.CancellationToken))
        {
            var details = JsonDocument.Parse(await Expect.OkAsync(ivo)).RootElement;
            Assert.Equal(["Police"], details.GetProperty("missingStances").EnumerateArray().Select(a => a.GetString()));
        }
        using (var tax = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/referrals", new { authority = "TaxAgency", decision = "Referred", motivation = "Misstänkta svartlöner (testfall).", decidedOn = "2026-01-01", version = 3 },
            Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.OkAsync(tax);
        }
        using (var police = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/referrals", Stance("Police", "Inget brott (testfall).", 4), Api.Json, TestContext.Current.CancellationToken))
        {
            var details = JsonDocument.Parse(await Expect.OkAsync(police)).RootElement;
            Assert.Equal(3, details.GetProperty("referrals").GetArrayLength());
            Assert.Equal(0, details.GetProperty("missingStances").GetArrayLength());
        }
        // The provider reads its complaint without the municipality's stances.
        using (var providerRead = await trygga.GetAsync($"/api/v1/complaints/{id}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(await Expect.OkAsync(providerRead)).RootElement.GetProperty("referrals").ValueKind);
        }
        using (var close = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/close", new { note = "Åtgärderna räcker (testfall).", version = 5 }, Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.OkAsync(close);
        }
        using (var lateAnswer = await trygga.PostAsJsonAsync($"/api/v1/complaints/{id}/answer", new { response = "Sent svar (testfall).", version = 6 }, Api.Json, TestContext.Current.CancellationToken))
        {
            Assert.Contains("avslutat och kan inte besvaras", Expect.ReadableText(lateAnswer, await Expect.StatusAsync(lateAnswer, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }
        using (var closeAgain = await quality.PostAsJsonAsync($"/api/v1/complaints/{id}/close", new { note = "Igen", version = 6 }, Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.StatusAsync(closeAgain, HttpStatusCode.Conflict);
        }
        using var summary = await quality.GetAsync($"/api/v1/complaints/summary?year={DateTime.UtcNow.Year}", TestContext.Current.CancellationToken);
        var totals = JsonDocument.Parse(await Expect.OkAsync(summary)).RootElement;
        Assert.True(totals.GetProperty("total").GetInt32() >= 1);
        Assert.Contains(totals.GetProperty("byUnit").EnumerateArray(), row => row.GetProperty("name").GetString() == Demo.TryggaSaltsjobaden);
    }

    [Fact]
    public async Task TheMunicipalityChoosesWhereAnIncidentItRegistersCameFromWhileAProvidersOwnReportIsItsOwnData()
    {
        using var quality = await app.ApiClientAs(Demo.QualityDeveloper);
        var unitId = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        object Report(string? source) => new { kind = "Deviation", severity = "Minor", occurredOn = Today, unitId, summary = "Fel i läkemedelslistan (testfall).", source };

        using (var unchosen = await quality.PostAsJsonAsync("/api/v1/incidents", Report(null), Api.Json, TestContext.Current.CancellationToken))
        {
            using var problem = JsonDocument.Parse(await Expect.StatusAsync(unchosen, HttpStatusCode.BadRequest));
            Assert.StartsWith("Välj underlagskälla", problem.RootElement.GetProperty("errors").GetProperty("Source")[0].GetString(), StringComparison.Ordinal);
        }
        using var chosen = await quality.PostAsJsonAsync("/api/v1/incidents", Report("CaseWorkerObservation"), Api.Json, TestContext.Current.CancellationToken);
        Assert.Equal("CaseWorkerObservation", JsonDocument.Parse(await Expect.StatusAsync(chosen, HttpStatusCode.Created)).RootElement.GetProperty("source").GetString());

        using var page = await app.CreateClientAs(Demo.QualityDeveloper);
        using var form = await page.GetAsync("/Evidence/Incidents/Edit", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("selected=\"selected\" value=\"ProviderReported\"", await Expect.OkAsync(form), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeriousIncidentClosesOnlyWithAStanceOnIvoAndThePolice()
    {
        using var quality = await app.ApiClientAs(Demo.QualityDeveloper);
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        var ownUnit = await app.GetUnitIdAsync(Demo.OmsorgshusetSickla);
        var otherUnit = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);
        object Report(Guid unitId) => new { kind = "LexSarah", severity = "Moderate", occurredOn = Today, unitId, summary = "Larmet besvarades inte (testfall)." };

        using (var foreign = await provider.PostAsJsonAsync("/api/v1/incidents", Report(otherUnit), Api.Json, TestContext.Current.CancellationToken))
        {
            Assert.Contains("Enheten finns inte.", await Expect.StatusAsync(foreign, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }
        using var reported = await provider.PostAsJsonAsync("/api/v1/incidents", Report(ownUnit), Api.Json, TestContext.Current.CancellationToken);
        var incident = JsonDocument.Parse(await Expect.StatusAsync(reported, HttpStatusCode.Created)).RootElement;
        var id = incident.GetProperty("id").GetGuid();
        Assert.Equal("ProviderReported", incident.GetProperty("source").GetString());
        Assert.True(incident.GetProperty("isSerious").GetBoolean());

        using (var early = await quality.PostAsJsonAsync($"/api/v1/incidents/{id}/close", new { note = "Klart", version = 0 }, Api.Json, TestContext.Current.CancellationToken))
        {
            var body = await Expect.StatusAsync(early, HttpStatusCode.BadRequest);
            Assert.Contains("ställning har tagits till anmälan till IVO och polisen", Expect.ReadableText(early, body), StringComparison.Ordinal);
        }
        using (var noMotivation = await quality.PostAsJsonAsync($"/api/v1/incidents/{id}/referrals", new { authority = "Police", decision = "NotReferred", decidedOn = Today, version = 0 }, Api.Json, TestContext.Current.CancellationToken))
        {
            var body = await Expect.StatusAsync(noMotivation, HttpStatusCode.BadRequest);
            Assert.Contains("Ange en motivering", Expect.ReadableText(noMotivation, body), StringComparison.Ordinal);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("Motivation", out _));
        }
        using (var providerStance = await provider.PostAsJsonAsync($"/api/v1/incidents/{id}/referrals", new { authority = "Ivo", decision = "Referred", decidedOn = Today, version = 0 }, Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.DeniedAsync(providerStance);
        }
        using (var ivo = await quality.PostAsJsonAsync($"/api/v1/incidents/{id}/referrals",
            new { authority = "Ivo", decision = "Referred", motivation = "Larmet besvarades inte (testfall).", decidedOn = Today, version = 0 }, Api.Json, TestContext.Current.CancellationToken))
        {
            var stances = JsonDocument.Parse(await Expect.OkAsync(ivo)).RootElement;
            Assert.Equal("Larmet besvarades inte (testfall).", Assert.Single(stances.GetProperty("referrals").EnumerateArray()).GetProperty("motivation").GetString());
            Assert.Equal(["Police"], stances.GetProperty("missingStances").EnumerateArray().Select(a => a.GetString()));
        }
        // The provider reads its own incident, never the municipality's stances on it.
        using (var providerRead = await provider.GetAsync($"/api/v1/incidents/{id}", TestContext.Current.CancellationToken))
        {
            var read = JsonDocument.Parse(await Expect.OkAsync(providerRead)).RootElement;
            Assert.Equal(JsonValueKind.Null, read.GetProperty("referrals").ValueKind);
            Assert.Equal(JsonValueKind.Null, read.GetProperty("missingStances").ValueKind);
        }
        // An older client's "reason" is still read as the motivation.
        using (var police = await quality.PostAsJsonAsync($"/api/v1/incidents/{id}/referrals",
            new { authority = "Police", decision = "NotReferred", reason = "Inget brott misstänks.", decidedOn = Today, version = 1 }, Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.OkAsync(police);
        }
        using var closed = await quality.PostAsJsonAsync($"/api/v1/incidents/{id}/close", new { note = "Utredd (testfall).", version = 2 }, Api.Json, TestContext.Current.CancellationToken);
        Assert.Equal("Closed", JsonDocument.Parse(await Expect.OkAsync(closed)).RootElement.GetProperty("status").GetString());
        // Once closed, the incident's state forbids both steps: a conflict, not bad input.
        using (var closeAgain = await quality.PostAsJsonAsync($"/api/v1/incidents/{id}/close", new { note = "Igen", version = 3 }, Api.Json, TestContext.Current.CancellationToken))
        {
            Assert.Contains("redan avslutad", Expect.ReadableText(closeAgain, await Expect.StatusAsync(closeAgain, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }
        using (var lateStance = await quality.PostAsJsonAsync($"/api/v1/incidents/{id}/referrals",
            new { authority = "Ivo", decision = "Referred", motivation = "Sent (testfall).", decidedOn = Today, version = 3 }, Api.Json, TestContext.Current.CancellationToken))
        {
            await Expect.StatusAsync(lateStance, HttpStatusCode.Conflict);
        }

        using var csv = await (await app.CreateClientAs(Demo.QualityDeveloper)).GetAsync("/Evidence/Incidents/Summary?handler=Csv", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{Demo.OmsorgshusetSickla}\"", await Expect.OkAsync(csv), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, Guid ComplaintId)> ForwardedComplaintAsync()
    {
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var id = await RegisterComplaintAsync(quality, Demo.OmsorgshusetSickla, "Underlag med bilaga (testfall).");
        using (var forwarded = await StepAsync(quality, id, "Forward", new KeyValuePair<string, string>("ResponseDueOn", "2099-01-01")))
        {
            await Expect.RedirectAsync(forwarded, $"/Evidence/Complaints/Details/{id}");
        }
        return (await app.CreateClientAs(Demo.OmsorgshusetUser), id);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid complaintId, string fileName, byte[] content)
    {
        var page = $"/Evidence/Complaints/Details/{complaintId}";
        using var form = await client.GetAsync(page);
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(form));
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), Forms.AntiforgeryField);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        body.Add(file, "upload", fileName);
        return await client.PostAsync($"{page}?handler=Upload", body);
    }

    [Fact]
    public async Task TheProviderAttachesAFileThatOnlyItAndTheMunicipalityCanDownload()
    {
        var (provider, id) = await ForwardedComplaintAsync();
        using var _ = provider;
        var pdf = DemoEvidence.Pdf("Bilaga (testfall)");
        using (var uploaded = await UploadAsync(provider, id, "../../Åtgärder: del 1?.pdf", pdf))
        {
            await Expect.RedirectAsync(uploaded, $"/Evidence/Complaints/Details/{id}");
        }
        var stored = await app.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.OwnerId == id));
        Assert.Equal("Åtgärder_ del 1_.pdf", stored.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), stored.Sha256);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "StoredFile" && a.EntityId == stored.Id.ToString() && a.Action == "Added")));
        Assert.False(File.Exists(Path.Combine(app.Database.DataFolder, "Åtgärder_ del 1_.pdf")));

        using (var download = await provider.GetAsync($"/files/{stored.Id}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }
        using var municipal = await app.CreateClientAs(Demo.QualityDeveloper);
        using (var download = await municipal.GetAsync($"/files/{stored.Id}", TestContext.Current.CancellationToken))
        {
            await Expect.OkAsync(download);
        }
        foreach (var stranger in new[] { await app.CreateClientAs(Demo.TryggaHanderUser), await app.ApiClientAs(Demo.TryggaHanderUser), app.CreateAnonymousClient() })
        {
            using (stranger)
            using (var refused = await stranger.GetAsync($"/files/{stored.Id}", TestContext.Current.CancellationToken))
            {
                Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
                Assert.DoesNotContain("Bilaga (testfall)", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }
        }

        using (var deleted = await Forms.SubmitAsync(provider, $"/Evidence/Complaints/Details/{id}", [new("fileId", stored.Id.ToString())],
            $"/Evidence/Complaints/Details/{id}?handler=DeleteFile"))
        {
            await Expect.RedirectAsync(deleted, $"/Evidence/Complaints/Details/{id}");
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "StoredFile" && a.EntityId == stored.Id.ToString() && a.Action == "Deleted")));
        using var gone = await provider.GetAsync($"/files/{stored.Id}", TestContext.Current.CancellationToken);
        await Expect.StatusAsync(gone, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("rapport.pdf", "MZ\u0090\u0000\u0003 program", "Innehållet är inte en PDF")]
    [InlineData("rapport.pdf", "<!DOCTYPE html><script>alert(1)</script>", "Innehållet är inte en PDF")]
    [InlineData("anteckning.txt", "<html><body>inte text</body></html>", "Innehållet är inte en textfil")]
    [InlineData("tabell.xlsx", "PK\u0003\u0004 ingen riktig zip", "Innehållet är inte en Excel-arbetsbok")]
    [InlineData("program.exe", "MZ", "Filtypen .exe tas inte emot")]
    public async Task AFileWhoseContentIsNotWhatItsNameSaysIsRefused(string fileName, string content, string message)
    {
        var (provider, id) = await ForwardedComplaintAsync();
        using var _ = provider;

        using var refused = await UploadAsync(provider, id, fileName, Encoding.Latin1.GetBytes(content));

        Assert.Contains(message, WebUtility.HtmlDecode(await Expect.OkAsync(refused)), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == id)));
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedAndNothingIsKept()
    {
        var (provider, id) = await ForwardedComplaintAsync();
        using var _ = provider;
        var content = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(content);

        using var refused = await UploadAsync(provider, id, "stor.pdf", content);

        Assert.Contains("Filen är för stor. Den får vara högst 20 MB.", WebUtility.HtmlDecode(await Expect.OkAsync(refused)), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == id)));
        var files = Path.Combine(app.Database.DataFolder, "files");
        Assert.Empty(Directory.Exists(files) ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length > 1024 * 1024) : []);
    }

    [Fact]
    public async Task ADistrictUserSeesOnlyItsAdministrationsUnitsAndThePublicNothing()
    {
        using var district = await app.CreateClientAs(Demo.DistrictUser);
        using var list = await district.GetAsync("/api/v1/incidents?pageSize=200", TestContext.Current.CancellationToken);
        var units = JsonDocument.Parse(await Expect.OkAsync(list)).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unitName").GetString()).ToList();
        Assert.Contains(Demo.OmsorgshusetSickla, units);
        Assert.DoesNotContain(Demo.TryggaSaltsjobaden, units); // Söder, not Norr

        using var anonymous = app.CreateAnonymousClient();
        using var page = await anonymous.GetAsync("/Evidence/Complaints", TestContext.Current.CancellationToken);
        await Expect.RedirectAsync(page, "/Account/Login");
    }
}
