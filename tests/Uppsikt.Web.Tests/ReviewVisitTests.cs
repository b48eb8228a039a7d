using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// A review's preparation and visit over HTTP: the evidence per unit, the visit's details and participants, findings saved
/// one question at a time (by the page's own form, by the script's JSON answer and by the API), interview notes and meeting notes,
/// and who may do it when. The demo has no reviews yet, so each test plans its own through the domain.
/// </summary>
public sealed class ReviewVisitTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Planned(Guid ReviewId, Guid UnitId, Guid QuestionId, string QuestionCode, Guid ConditionId);

    /// <summary>
    /// Plans a quality review of the unit against this year's activated checklist of its home-care choice system, started and
    /// with its visit set, as a quality developer would; <paramref name="visitOn"/> is the visit's day (noon, Swedish time).
    /// </summary>
    private Task<Planned> PlanAsync(string unitName = Demo.OmsorgshusetSickla, DateOnly? visitOn = null) => app.WithDbAsync(async db =>
    {
        var unit = await db.Units.Include(u => u.ChoiceSystems).SingleAsync(u => u.Name == unitName, Cancel);
        var choiceSystem = unit.ChoiceSystems.Single(c => c.Name == Demo.HomeCare);
        var checklist = await db.QualityReportTemplates.Include(t => t.Questions)
            .SingleAsync(t => t.ChoiceSystemId == choiceSystem.Id && t.ReviewType == ReviewType.QualityReview && t.State == TemplateState.Active
                && t.Year == DateTime.UtcNow.Year, Cancel);
        var developer = await DeveloperAsync(db);
        var now = DateTimeOffset.UtcNow;
        var today = TimeProvider.System.SwedishToday();
        var (review, refusal) = Review.Plan(new Review.PlanInput(ReviewType.QualityReview, $"Kvalitetsgranskning av {unitName}", choiceSystem.Id, [unit],
            today, null, null, checklist.Id, null, VisitMode.OnSite), developer, now, today);
        Assert.Null(refusal);
        Assert.Null(review!.StartPreparation(developer, now, null));
        var day = visitOn ?? today.AddDays(-1);
        Assert.Null(review.ScheduleVisit(developer, VisitMode.OnSite, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), "Exempelvägen 1"));
        db.Reviews.Add(review);
        await db.SaveChangesAsync(Cancel);
        var question = checklist.Ordered.First(q => q.ConditionIds.Count > 0);
        return new Planned(review.Id, unit.Id, question.Id, question.Code, question.ConditionIds[0]);
    });

    private static async Task<WorkflowActor> DeveloperAsync(Uppsikt.Data.AppDbContext db) =>
        new(await db.Users.Where(u => u.Email == Demo.QualityDeveloper).Select(u => u.Id).SingleAsync(Cancel), Demo.QualityDeveloperName, [Roles.QualityDeveloper]);

    private static object Finding(Planned review, string? observation = "Rutiner finns och är kända.", object? assessment = null, int? version = null) =>
        new { unitId = review.UnitId, questionId = review.QuestionId, answer = "Ja, i stort.", observation, assessment = assessment ?? "SatisfactoryCanImprove", version };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await Expect.StatusAsync(response, status);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<List<ReviewFinding>> FindingsAsync(Guid reviewId) =>
        app.WithDbAsync(db => db.ReviewFindings.AsNoTracking().Where(f => f.ReviewId == reviewId).ToListAsync(Cancel));

    [Fact]
    public async Task AFindingIsSavedAndSavingItAgainUpdatesIt()
    {
        var review = await PlanAsync();
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);

        using var first = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings", Finding(review), Api.Json, Cancel);
        var saved = await JsonAsync(first);
        Assert.Equal("SatisfactoryCanImprove", saved.GetProperty("assessment").GetString());
        Assert.Equal(review.QuestionCode, saved.GetProperty("questionCode").GetString());
        var version = saved.GetProperty("version").GetInt32();

        using var second = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings",
            Finding(review, "Rutinerna för avvikelser följs inte alltid.", "MinorDeficiency", version), Api.Json, Cancel);
        var updated = await JsonAsync(second);
        Assert.Equal("MinorDeficiency", updated.GetProperty("assessment").GetString());
        Assert.True(updated.GetProperty("version").GetInt32() > version);

        // A save from the version read before the update would overwrite it: it is refused.
        using var stale = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings", Finding(review, version: version), Api.Json, Cancel);
        await Expect.StatusAsync(stale, HttpStatusCode.Conflict);

        var finding = Assert.Single(await FindingsAsync(review.ReviewId));
        Assert.Equal(Assessment.MinorDeficiency, finding.Assessment);
        Assert.Equal("Rutinerna för avvikelser följs inte alltid.", finding.Observation);
        Assert.Equal(Demo.QualityDeveloperName, finding.RecordedByName);

        using var checklist = await developer.GetAsync($"/api/v1/reviews/{review.ReviewId}/checklist", Cancel);
        var units = (await JsonAsync(checklist)).GetProperty("units");
        Assert.Equal(1, units[0].GetProperty("assessed").GetInt32());
    }

    [Fact]
    public async Task ABadAssessmentAndAPersonalIdentityNumberAreRefusedByTheirFieldsAndChangeNothing()
    {
        var review = await PlanAsync();
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);

        using var badAssessment = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings", Finding(review, assessment: 9), Api.Json, Cancel);
        var problem = await JsonAsync(badAssessment, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Assessment", out _), problem.ToString());

        using var withNumber = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings",
            Finding(review, "Brukaren 19121212-1212 saknar genomförandeplan."), Api.Json, Cancel);
        var refused = await JsonAsync(withNumber, HttpStatusCode.BadRequest);
        Assert.Contains("personnummer", refused.GetProperty("errors").GetProperty("Observation")[0].GetString(), StringComparison.Ordinal);

        // The page's form says the same by the question's field.
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var page = $"/Reviews/Visit/Findings?id={review.ReviewId}";
        using (var posted = await Forms.SubmitAsync(browser, page,
            [new("UnitId", review.UnitId.ToString()), new("QuestionId", review.QuestionId.ToString()), new("Observation", "Gäller 19121212-1212."), new("Assessment", "Satisfactory")],
            page + "&handler=Finding"))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(posted));
            Assert.Contains($"href=\"#observation-{review.QuestionId}\"", html, StringComparison.Ordinal);
            Assert.Contains("ser ut som ett personnummer", html, StringComparison.Ordinal);
            // What was written stays in the question's form, to be put right.
            Assert.Contains("Gäller 19121212-1212.</textarea>", html, StringComparison.Ordinal);
        }
        using (var posted = await Forms.SubmitAsync(browser, page,
            [new("UnitId", review.UnitId.ToString()), new("QuestionId", review.QuestionId.ToString()), new("Assessment", "Fantastisk")], page + "&handler=Finding"))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(posted));
            Assert.Contains($"href=\"#assessment-{review.QuestionId}\"", html, StringComparison.Ordinal);
            Assert.Contains("Välj en bedömning på skalan.", html, StringComparison.Ordinal);
        }

        Assert.Empty(await FindingsAsync(review.ReviewId));
    }

    [Fact]
    public async Task AProviderUserAndACaseWorkerAreRefused()
    {
        var review = await PlanAsync();
        foreach (var user in new[] { Demo.OmsorgshusetUser, Demo.CaseWorker })
        {
            using var api = await app.ApiClientAs(user);
            using (var finding = await api.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings", Finding(review), Api.Json, Cancel))
            {
                await Expect.StatusAsync(finding, HttpStatusCode.Forbidden);
            }
            using (var participant = await api.PostAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/participants", new { name = "Inkräktare (fiktiv)", side = "Provider" }, Api.Json, Cancel))
            {
                await Expect.StatusAsync(participant, HttpStatusCode.Forbidden);
            }
            using (var note = await api.PostAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/notes", new { group = "Staff", text = "Inkräktare" }, Api.Json, Cancel))
            {
                await Expect.StatusAsync(note, HttpStatusCode.Forbidden);
            }
        }

        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using (var page = await provider.GetAsync($"/Reviews/Visit/Findings?id={review.ReviewId}", Cancel))
        {
            await Expect.DeniedAsync(page);
        }
        using var apiPreparation = await (await app.ApiClientAs(Demo.OmsorgshusetUser)).GetAsync($"/api/v1/reviews/{review.ReviewId}/preparation", Cancel);
        await Expect.StatusAsync(apiPreparation, HttpStatusCode.Forbidden);

        // A case worker reads the checklist but gets no forms, and a post of one is refused.
        using var caseWorker = await app.CreateClientAs(Demo.CaseWorker);
        using (var page = await caseWorker.GetAsync($"/Reviews/Visit/Findings?id={review.ReviewId}", Cancel))
        {
            var html = await Expect.OkAsync(page);
            Assert.DoesNotContain("class=\"finding\"", html, StringComparison.Ordinal);
            Assert.Contains("Du kan läsa men inte ändra här.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(await caseWorker.GetAsync("/Account/Tokens", Cancel)));
        using (var post = await Forms.PostAsync(caseWorker, $"/Reviews/Visit/Findings?id={review.ReviewId}&handler=Finding", token,
            [new("UnitId", review.UnitId.ToString()), new("QuestionId", review.QuestionId.ToString()), new("Assessment", "Satisfactory")]))
        {
            await Expect.DeniedAsync(post);
        }
        Assert.Empty(await FindingsAsync(review.ReviewId));
    }

    [Fact]
    public async Task ADistrictsFollowUpOfficerWorksOnReviewsOfItsUnitsAndFindsNoOthers()
    {
        var ours = await PlanAsync();
        var theirs = await PlanAsync("Omsorgshuset Hemtjänst Älta (fiktiv)");
        using var district = await app.ApiClientAs(Demo.DistrictUser);

        using (var saved = await district.PutAsJsonAsync($"/api/v1/reviews/{ours.ReviewId}/findings", Finding(ours), Api.Json, Cancel))
        {
            Assert.Equal("Stig Stadsdel (fiktiv)", (await JsonAsync(saved)).GetProperty("recordedByName").GetString());
        }
        using (var preparation = await district.GetAsync($"/api/v1/reviews/{ours.ReviewId}/preparation", Cancel))
        {
            Assert.Equal(ours.UnitId, Assert.Single((await JsonAsync(preparation)).GetProperty("units").EnumerateArray()).GetProperty("unitId").GetGuid());
        }
        using (var hidden = await district.GetAsync($"/api/v1/reviews/{theirs.ReviewId}/checklist", Cancel))
        {
            await Expect.StatusAsync(hidden, HttpStatusCode.NotFound);
        }
        using (var refused = await district.PutAsJsonAsync($"/api/v1/reviews/{theirs.ReviewId}/findings", Finding(theirs), Api.Json, Cancel))
        {
            await Expect.StatusAsync(refused, HttpStatusCode.NotFound);
        }
        Assert.Empty(await FindingsAsync(theirs.ReviewId));
    }

    [Fact]
    public async Task OnceTheDraftIsWrittenFindingsCannotChangeAndThePageIsReadOnly()
    {
        var review = await PlanAsync();
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using (var saved = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings", Finding(review), Api.Json, Cancel))
        {
            await Expect.OkAsync(saved);
        }
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Reviews.Include(r => r.Findings).Include(r => r.Units).Include(r => r.Steps).SingleAsync(r => r.Id == review.ReviewId, Cancel);
            var actor = await DeveloperAsync(db);
            Assert.Null(stored.RecordVisitDone(actor, DateTimeOffset.UtcNow, null));
            Assert.Null(stored.WriteDraft(actor, DateTimeOffset.UtcNow, "Sammanfattning (test).", []));
            return await db.SaveChangesAsync(Cancel);
        });
        var finding = Assert.Single(await FindingsAsync(review.ReviewId));

        using var changed = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings",
            Finding(review, "Ändrat efter utkastet.", "SeriousDeficiency", finding.Version), Api.Json, Cancel);
        await Expect.StatusAsync(changed, HttpStatusCode.Conflict);
        using var visit = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/visit",
            new { visitMode = "Digital", visitPlace = "Videomöte", version = 0 }, Api.Json, Cancel);
        await Expect.StatusAsync(visit, HttpStatusCode.Conflict);
        Assert.Equal(finding.Observation, Assert.Single(await FindingsAsync(review.ReviewId)).Observation);

        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var page = await browser.GetAsync($"/Reviews/Visit/Findings?id={review.ReviewId}", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
        Assert.DoesNotContain("class=\"finding\"", html, StringComparison.Ordinal);
        Assert.Contains("Rutiner finns och är kända.", html, StringComparison.Ordinal);
        Assert.Contains("Tillfredsställande men kan utvecklas", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFindingNamesTheConditionVersionInForceOnTheVisitsDate()
    {
        // A new wording of the question's condition takes effect after the visit: the finding keeps the one in force at the visit.
        var probe = await PlanAsync();
        var (oldVersion, newTitle, visitOn) = await app.WithDbAsync(async db =>
        {
            var condition = await db.Conditions.Include(c => c.Versions).SingleAsync(c => c.Id == probe.ConditionId, Cancel);
            var latest = condition.Versions.MaxBy(v => v.ValidFrom)!;
            var title = latest.Title + " (ny lydelse, test)";
            Assert.Null(condition.AddVersion(new ConditionVersion { ValidFrom = latest.ValidFrom.AddDays(10), Title = title, Text = "Ny lydelse (test)." }));
            await db.SaveChangesAsync(Cancel);
            return (latest, title, latest.ValidFrom.AddDays(1));
        });
        var review = await PlanAsync(visitOn: visitOn);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);

        using var saved = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings", Finding(review), Api.Json, Cancel);
        var conditions = (await JsonAsync(saved)).GetProperty("conditions");
        var named = Assert.Single(conditions.EnumerateArray());
        Assert.Equal(oldVersion.Id, named.GetProperty("versionId").GetGuid());
        Assert.Equal(oldVersion.Title, named.GetProperty("title").GetString());
        Assert.Equal([oldVersion.Id], Assert.Single(await FindingsAsync(review.ReviewId)).ConditionVersionIds);

        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var page = await browser.GetAsync($"/Reviews/Visit/Findings?id={review.ReviewId}", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
        Assert.Contains(oldVersion.Title, html, StringComparison.Ordinal);
        Assert.DoesNotContain(newTitle, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreparationListsTheUnitsComplaintsAndNotAnotherUnits()
    {
        var review = await PlanAsync();
        var ours = "Klagomål om sena besök i Sickla (testdata)";
        var theirs = "Klagomål om maten i Älta (testdata)";
        var old = "Klagomål från länge sedan i Sickla (testdata)";
        await app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.SwedishToday();
            var alta = await db.Units.Where(u => u.Name == "Omsorgshuset Hemtjänst Älta (fiktiv)").Select(u => u.Id).SingleAsync(Cancel);
            db.Complaints.AddRange(
                new Complaint { UnitId = review.UnitId, ReceivedOn = today.AddDays(-3), Channel = ComplaintChannel.Phone, Category = ComplaintCategory.Timekeeping, Severity = Severity.Serious, Summary = ours },
                new Complaint { UnitId = review.UnitId, ReceivedOn = today.AddMonths(-30), Channel = ComplaintChannel.Phone, Category = ComplaintCategory.Care, Severity = Severity.Minor, Summary = old },
                new Complaint { UnitId = alta, ReceivedOn = today.AddDays(-2), Channel = ComplaintChannel.Email, Category = ComplaintCategory.Food, Severity = Severity.Moderate, Summary = theirs });
            return await db.SaveChangesAsync(Cancel);
        });

        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var page = await browser.GetAsync($"/Reviews/Visit/Prepare?id={review.ReviewId}", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
        Assert.Contains(ours, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, html, StringComparison.Ordinal);
        Assert.DoesNotContain(old, html, StringComparison.Ordinal);
        Assert.Contains("Kvalitetsrapport", html, StringComparison.Ordinal);
        Assert.Contains("Indikatorer mot målvärde", html, StringComparison.Ordinal);

        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var api = await developer.GetAsync($"/api/v1/reviews/{review.ReviewId}/preparation", Cancel);
        var unit = Assert.Single((await JsonAsync(api)).GetProperty("units").EnumerateArray());
        var complaints = unit.GetProperty("complaints");
        var summaries = complaints.GetProperty("latest").EnumerateArray().Select(c => c.GetProperty("summary").GetString()).ToList();
        Assert.Contains(ours, summaries);
        Assert.DoesNotContain(theirs, summaries);
        Assert.DoesNotContain(old, summaries);
        Assert.True(complaints.GetProperty("bySeverity").EnumerateArray().Single(s => s.GetProperty("severity").GetString() == "Serious").GetProperty("count").GetInt32() >= 1);
    }

    [Fact]
    public async Task ThePreparationShowsDeficienciesFromAnEarlierReviewOfTheUnit()
    {
        var earlier = await PlanAsync();
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Reviews.Include(r => r.Findings).Include(r => r.Units).Include(r => r.Steps).SingleAsync(r => r.Id == earlier.ReviewId, Cancel);
            var actor = await DeveloperAsync(db);
            var question = await db.TemplateQuestions.SingleAsync(q => q.Id == earlier.QuestionId, Cancel);
            Assert.Null(stored.RecordFinding(actor, earlier.UnitId, new FindingQuestion(question.Id, question.TemplateId, question.Code, question.Section),
                null, "Avvikelser följs inte upp (test).", Assessment.SeriousDeficiency, [], DateTimeOffset.UtcNow, "Följ upp avvikelserna (test).").Refusal);
            Assert.Null(stored.RecordVisitDone(actor, DateTimeOffset.UtcNow, null));
            Assert.Null(stored.WriteDraft(actor, DateTimeOffset.UtcNow, "Sammanfattning (test).", []));
            return await db.SaveChangesAsync(Cancel);
        });
        var review = await PlanAsync();

        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var page = await browser.GetAsync($"/Reviews/Visit/Prepare?id={review.ReviewId}", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
        Assert.Contains("Avvikelser följs inte upp (test).", html, StringComparison.Ordinal);
        Assert.Contains($"/Reviews/Details?id={earlier.ReviewId}", html, StringComparison.Ordinal);
        Assert.Contains("Allvarlig brist", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreparationAndTheChecklistRunAsManyQueriesHoweverManyRowsTheyShow()
    {
        var review = await PlanAsync();
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        async Task<int> QueriesAsync(string path)
        {
            var url = $"/api/v1/reviews/{review.ReviewId}/{path}";
            app.Queries.Watch(url);
            using var response = await developer.GetAsync(url, Cancel);
            await Expect.OkAsync(response);
            return app.Queries.Count;
        }
        using (var first = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings", Finding(review), Api.Json, Cancel))
        {
            await Expect.OkAsync(first);
        }
        var preparation = await QueriesAsync("preparation");
        var checklist = await QueriesAsync("checklist");
        Assert.True(preparation > 0, "The counter saw no queries.");

        // Many more complaints, incidents, observations and findings, of earlier reviews too.
        var questions = await app.WithDbAsync(db => db.TemplateQuestions.Where(q => db.Reviews.Any(r => r.Id == review.ReviewId && r.ChecklistId == q.TemplateId))
            .OrderBy(q => q.Position).Select(q => q.Id).ToListAsync(Cancel));
        foreach (var questionId in questions.Skip(1).Take(8))
        {
            using var saved = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/findings",
                new { unitId = review.UnitId, questionId, observation = "Brist (test).", assessment = "MinorDeficiency", requiredAction = "Åtgärda bristen (test)." }, Api.Json, Cancel);
            await Expect.OkAsync(saved);
        }
        await app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.SwedishToday();
            // A month back, so that the other tests' recent records at the same unit stay among its latest five.
            for (var i = 0; i < 12; i++)
            {
                db.Complaints.Add(new Complaint { UnitId = review.UnitId, ReceivedOn = today.AddDays(-30 - i), Channel = ComplaintChannel.Email, Category = ComplaintCategory.Care, Severity = Severity.Minor, Summary = $"Klagomål {i} (test)" });
                db.Incidents.Add(new Incident { UnitId = review.UnitId, Kind = IncidentKind.Deviation, Severity = Severity.Minor, OccurredOn = today.AddDays(-30 - i), ReportedOn = today.AddDays(-30), ReportedBy = IncidentReporter.Provider, Summary = $"Avvikelse {i} (test)" });
                db.CaseWorkerObservations.Add(new CaseWorkerObservation { UnitId = review.UnitId, ObservedOn = today.AddDays(-30 - i), Category = ComplaintCategory.Continuity, Severity = Severity.Moderate, Summary = $"Iakttagelse {i} (test)" });
            }
            return await db.SaveChangesAsync(Cancel);
        });
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Reviews.Include(r => r.Findings).Include(r => r.Units).Include(r => r.Steps).SingleAsync(r => r.Id == review.ReviewId, Cancel);
            var actor = await DeveloperAsync(db);
            Assert.Null(stored.RecordVisitDone(actor, DateTimeOffset.UtcNow, null));
            Assert.Null(stored.WriteDraft(actor, DateTimeOffset.UtcNow, "Sammanfattning (test).", []));
            return await db.SaveChangesAsync(Cancel);
        });
        var later = await PlanAsync();

        Assert.Equal(preparation, await QueriesAsync("preparation"));
        Assert.Equal(checklist, await QueriesAsync("checklist"));
        review = later;
        Assert.Equal(preparation, await QueriesAsync("preparation"));
    }

    [Fact]
    public async Task EachQuestionsFormSavesWithoutJavaScriptAndTheScriptGetsJson()
    {
        var review = await PlanAsync();
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var page = $"/Reviews/Visit/Findings?id={review.ReviewId}";
        using (var form = await browser.GetAsync(page, Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(form));
            Assert.Contains("0 av ", html, StringComparison.Ordinal);
            Assert.Contains("/js/review-findings.js", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"q-{review.QuestionId}\"", html, StringComparison.Ordinal);
        }

        using var saved = await Forms.SubmitAsync(browser, page,
            [new("UnitId", review.UnitId.ToString()), new("QuestionId", review.QuestionId.ToString()), new("Answer", "Ja."), new("Observation", "Sett på plats."), new("Assessment", "Satisfactory"), new("Version", "")],
            page + "&handler=Finding");
        await Expect.RedirectAsync(saved, "/Reviews/Visit/Findings");
        Assert.EndsWith($"#q-{review.QuestionId}", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using (var back = await browser.GetAsync(saved.Headers.Location, Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(back));
            Assert.Contains("Sparat ", html, StringComparison.Ordinal);
            Assert.Contains("1 av ", html, StringComparison.Ordinal);
        }
        var finding = Assert.Single(await FindingsAsync(review.ReviewId));

        // The script posts the same form asking for JSON, and reads the new version, the time saved and the progress.
        var token = Forms.AntiforgeryToken(await Expect.OkAsync(await browser.GetAsync(page, Cancel)));
        using var request = new HttpRequestMessage(HttpMethod.Post, page + "&handler=Finding")
        {
            Content = new FormUrlEncodedContent([new("UnitId", review.UnitId.ToString()), new("QuestionId", review.QuestionId.ToString()), new("Answer", "Ja."),
                new("Observation", "Sett på plats, och i dokumentationen."), new("Assessment", "SatisfactoryCanImprove"), new("Version", finding.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new(Forms.AntiforgeryField, token)]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var json = await browser.SendAsync(request, Cancel);
        var answer = await JsonAsync(json);
        Assert.Matches("^[0-2][0-9]:[0-5][0-9]$", answer.GetProperty("savedAt").GetString());
        Assert.True(answer.GetProperty("version").GetInt32() > finding.Version);
        Assert.StartsWith("1 av ", answer.GetProperty("progress").GetString(), StringComparison.Ordinal);

        // A stale version is a conflict in JSON, for the script to say.
        using var again = new HttpRequestMessage(HttpMethod.Post, page + "&handler=Finding")
        {
            Content = new FormUrlEncodedContent([new("UnitId", review.UnitId.ToString()), new("QuestionId", review.QuestionId.ToString()), new("Assessment", "MinorDeficiency"),
                new("Version", finding.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(Forms.AntiforgeryField, token)]),
        };
        again.Headers.Accept.ParseAdd("application/json");
        using var conflict = await browser.SendAsync(again, Cancel);
        Assert.False(string.IsNullOrEmpty((await JsonAsync(conflict, HttpStatusCode.Conflict)).GetProperty("title").GetString()));
        Assert.Equal(Assessment.SatisfactoryCanImprove, Assert.Single(await FindingsAsync(review.ReviewId)).Assessment);
    }

    [Fact]
    public async Task TheVisitParticipantsNotesAndMeetingNotesAreRecorded()
    {
        var review = await PlanAsync();
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var version = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review.ReviewId).Select(r => r.Version).SingleAsync(Cancel));

        using (var visit = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/visit",
            new { visitMode = "Digital", visitAt = DateTimeOffset.UtcNow.AddDays(3), visitPlace = "Videomöte", caseNumber = "soc-2026-00042", version }, Api.Json, Cancel))
        {
            var body = await JsonAsync(visit);
            Assert.Equal("Digital", body.GetProperty("visitMode").GetString());
            Assert.Equal("SOC-2026-00042", body.GetProperty("caseNumber").GetString());
            version = body.GetProperty("version").GetInt32();
        }
        using (var noVisit = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/visit", new { visitMode = "None", version }, Api.Json, Cancel))
        {
            Assert.True((await JsonAsync(noVisit, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("VisitMode", out _));
        }

        using (var added = await developer.PostAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/participants",
            new { name = "Vera Verksamhetschef (fiktiv)", title = "Verksamhetschef", side = "Provider" }, Api.Json, Cancel))
        {
            var participant = Assert.Single((await JsonAsync(added, HttpStatusCode.Created)).GetProperty("participants").EnumerateArray());
            using var removed = await developer.DeleteAsync($"/api/v1/reviews/{review.ReviewId}/participants/{participant.GetProperty("id").GetGuid()}", Cancel);
            await Expect.StatusAsync(removed, HttpStatusCode.NoContent);
        }

        using (var note = await developer.PostAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/notes", new { group = "Staff", text = "Personalen känner till rutinen." }, Api.Json, Cancel))
        {
            Assert.Single((await JsonAsync(note, HttpStatusCode.Created)).GetProperty("notes").EnumerateArray());
        }
        using (var named = await developer.PostAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/notes", new { group = "ServiceUsers", text = "Brukaren 19121212-1212 var nöjd." }, Api.Json, Cancel))
        {
            Assert.True((await JsonAsync(named, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Text", out _));
        }
        using (var meetingNotes = await developer.PutAsJsonAsync($"/api/v1/reviews/{review.ReviewId}/meeting-notes",
            new { method = "Intervjuer med personal och ledning.", meetingNotes = "Besöket började klockan tio.", version }, Api.Json, Cancel))
        {
            Assert.Equal("Besöket började klockan tio.", (await JsonAsync(meetingNotes)).GetProperty("meetingNotes").GetString());
        }

        // The pages show it, and the notes page lets the lead add another note without JavaScript.
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        using (var prepare = await browser.GetAsync($"/Reviews/Visit/Prepare?id={review.ReviewId}", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(prepare));
            Assert.Contains("Videomöte", html, StringComparison.Ordinal);
            Assert.Contains("SOC-2026-00042", html, StringComparison.Ordinal);
        }
        var notesPage = $"/Reviews/Visit/Notes?id={review.ReviewId}";
        using (var posted = await Forms.SubmitAsync(browser, notesPage, [new("Note.Group", "Management"), new("Note.Text", "Ledningen beskrev sitt kvalitetsarbete.")], notesPage + "&handler=Note"))
        {
            await Expect.RedirectAsync(posted, "/Reviews/Visit/Notes");
        }
        using var notes = await browser.GetAsync(notesPage, Cancel);
        var notesHtml = WebUtility.HtmlDecode(await Expect.OkAsync(notes));
        Assert.Contains("Personalen känner till rutinen.", notesHtml, StringComparison.Ordinal);
        Assert.Contains("Ledningen beskrev sitt kvalitetsarbete.", notesHtml, StringComparison.Ordinal);
        Assert.Contains("Besöket började klockan tio.", notesHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVisitFormTakesSwedishTimeAndParticipantsAreAddedAndRemovedWithoutJavaScript()
    {
        var review = await PlanAsync();
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var page = $"/Reviews/Visit/Prepare?id={review.ReviewId}";
        using var form = await browser.GetAsync(page, Cancel);
        var html = await Expect.OkAsync(form);
        var version = Forms.InputValue(html, "Visit.Version")!;

        using (var saved = await Forms.SubmitAsync(browser, page,
            [new("Visit.Mode", "OnSite"), new("Visit.Date", "2030-06-12"), new("Visit.Time", "09:30"), new("Visit.Place", "Sicklavägen 1"), new("Visit.Version", version)],
            page + "&handler=Visit"))
        {
            await Expect.RedirectAsync(saved, "/Reviews/Visit/Prepare");
        }
        var at = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == review.ReviewId).Select(r => r.VisitAt).SingleAsync(Cancel));
        // 09:30 in Swedish summer time is 07:30 UTC.
        Assert.Equal(new DateTimeOffset(2030, 6, 12, 7, 30, 0, TimeSpan.Zero), at);

        using (var halfTime = await Forms.SubmitAsync(browser, page, [new("Visit.Mode", "OnSite"), new("Visit.Date", "2030-06-12"), new("Visit.Version", version)], page + "&handler=Visit"))
        {
            Assert.Contains("Ange både datum och klockslag", WebUtility.HtmlDecode(await Expect.OkAsync(halfTime)), StringComparison.Ordinal);
        }

        using (var noName = await Forms.SubmitAsync(browser, page, [new("Participant.Side", "Municipality")], page + "&handler=AddParticipant"))
        {
            Assert.Contains("Ange deltagarens namn", WebUtility.HtmlDecode(await Expect.OkAsync(noName)), StringComparison.Ordinal);
        }
        using (var added = await Forms.SubmitAsync(browser, page,
            [new("Participant.Name", "Petra Provider (fiktiv)"), new("Participant.Title", "Enhetschef"), new("Participant.Side", "Provider")], page + "&handler=AddParticipant"))
        {
            await Expect.RedirectAsync(added, "/Reviews/Visit/Prepare");
        }
        var participantId = await app.WithDbAsync(db => db.ReviewParticipants.Where(p => p.ReviewId == review.ReviewId).Select(p => p.Id).SingleAsync(Cancel));
        using (var removed = await Forms.SubmitAsync(browser, page, [new("participantId", participantId.ToString())], page + "&handler=RemoveParticipant"))
        {
            await Expect.RedirectAsync(removed, "/Reviews/Visit/Prepare");
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.ReviewParticipants.CountAsync(p => p.ReviewId == review.ReviewId, Cancel)));
    }
}
