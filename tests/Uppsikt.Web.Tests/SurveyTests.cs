using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Surveys, their questions and per-unit results with n (decision 0049): the demo's, the API's rules and the pages.</summary>
public sealed class SurveyTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int LastYear => TimeProvider.System.SwedishToday().Year - 1;

    public sealed record Pool(double? Value, int Answers, int Units);

    public sealed record Answer(Guid UnitId, double Value, int? Answers, bool Suppressed);

    public sealed record Results(bool HasIntervals, Pool Municipality, Pool InHouse, Pool Private, string InHouseAgainstPrivate, List<Answer> Units);

    public sealed record Question(Guid Id, int Number, string Text, string IndicatorCode, Results? Results);

    public sealed record UnitAnswers(Guid UnitId, string UnitName, List<Answer?> Answers);

    public sealed record Survey(Guid Id, string Name, int Year, int MinimumAnswers, List<Question> Questions, List<UnitAnswers> Units, int Version);

    public sealed record Row(Guid Id, string Name, int Year, int Questions);

    public sealed record Rows(List<Row> Items, int Total);

    private async Task<Guid> DemoSurveyIdAsync() =>
        await app.WithDbAsync(db => db.Surveys.Where(s => s.Name == $"Brukarundersökning hemtjänst {LastYear}").Select(s => s.Id).SingleAsync(Cancel));

    [Fact]
    public async Task TheDemosHomeCareSurveyShowsEachQuestionsPooledResultsAndEachUnitsAnswersWithTheirNumber()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var list = await Api.ReadAsync<Rows>(await client.GetAsync($"/api/v1/surveys?year={LastYear}&search=hemtjänst", Cancel));
        var row = Assert.Single(list.Items);
        Assert.Equal(3, row.Questions);

        var survey = await Api.ReadAsync<Survey>(await client.GetAsync($"/api/v1/surveys/{row.Id}", Cancel));
        Assert.Equal(["HT-NOJD", "HT-TRYGG", "HT-RESP"], survey.Questions.Select(q => q.IndicatorCode));
        Assert.Equal([1, 2, 3], survey.Questions.Select(q => q.Number));
        var outcomes = await app.WithDbAsync(db => db.Outcomes.Where(o => o.Indicator!.Code == "HT-NOJD" && o.Year == LastYear && o.PeriodKind == PeriodKind.Year)
            .Select(o => new { o.UnitId, o.Answers }).ToListAsync(Cancel));
        var satisfaction = survey.Questions[0].Results!;
        Assert.True(satisfaction.HasIntervals);
        // The pool leaves out the unit with fewer answers than the minimum, and only it.
        var counted = outcomes.Where(o => o.Answers >= survey.MinimumAnswers).ToList();
        Assert.Equal((counted.Count, counted.Sum(o => o.Answers!.Value)), (satisfaction.Municipality.Units, satisfaction.Municipality.Answers));
        Assert.Equal(satisfaction.Municipality.Units, satisfaction.InHouse.Units + satisfaction.Private.Units);
        var few = Assert.Single(satisfaction.Units, u => u.Suppressed);
        Assert.True(few.Answers < survey.MinimumAnswers);

        // One row per unit with results, each answer in the questions' order.
        Assert.Equal(outcomes.Count, survey.Units.Count);
        Assert.All(survey.Units, u => Assert.Equal(3, u.Answers.Count));
        Assert.All(survey.Units, u => Assert.Equal(outcomes.Single(o => o.UnitId == u.UnitId).Answers, u.Answers[0]!.Answers));

        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await browser.GetAsync($"/Evidence/Surveys/Details/{row.Id}", Cancel)));
        Assert.Contains("Hur nöjd eller missnöjd är du sammantaget med din hemtjänst?", html, StringComparison.Ordinal);
        Assert.Contains($"Färre än {survey.MinimumAnswers} svar", html, StringComparison.Ordinal);
        Assert.Contains($"{SwedishText.Number(satisfaction.Municipality.Answers)} svar", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASurveyIsValidatedItsQuestionsMustBeUserSurveyIndicatorsAndRemovingOneNumbersTheRestAgain()
    {
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var (committeeId, otherChoiceSystemId) = await app.WithDbAsync(async db =>
        {
            var committee = await db.Committees.Where(c => c.Name == "Äldrenämnden").Select(c => c.Id).SingleAsync(Cancel);
            return (committee, await db.ChoiceSystems.Where(c => c.CommitteeId != committee).Select(c => c.Id).FirstAsync(Cancel));
        });
        var before = await app.WithDbAsync(db => db.Surveys.CountAsync(Cancel));

        using (var bad = await client.PostAsJsonAsync("/api/v1/surveys",
            new { name = " ", year = 1800, committeeId, choiceSystemId = otherChoiceSystemId, conductor = "Kvalitetsenheten (testdata)", opensOn = "2030-05-01", closesOn = "2030-04-01" },
            Api.Json, Cancel))
        {
            var body = await Expect.StatusAsync(bad, HttpStatusCode.BadRequest);
            foreach (var field in new[] { "Name", "Year", "ChoiceSystemId", "ClosesOn" })
            {
                Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
            }
            Assert.Contains("Året ska vara mellan 1990 och 2100.", body, StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Surveys.CountAsync(Cancel)));

        using var created = await client.PostAsJsonAsync("/api/v1/surveys",
            new { name = "Brukarundersökning (testdata)", year = 2031, committeeId, conductor = "Kvalitetsenheten (testdata)" }, Api.Json, Cancel);
        var survey = await Api.ReadCreatedAsync<Survey>(created);
        var indicators = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code == "HT-NOJD" || i.Code == "HT-KONT" || i.Code == "HT-TRYGG")
            .ToDictionaryAsync(i => i.Code, i => i.Id, Cancel));
        var questions = $"/api/v1/surveys/{survey.Id}/questions";

        using (var notASurvey = await client.PostAsJsonAsync(questions, new { indicatorId = indicators["HT-KONT"], text = "Hur många?", version = survey.Version }, Api.Json, Cancel))
        {
            Assert.Contains("har inte underlaget brukarundersökningar", await Expect.StatusAsync(notASurvey, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }
        using (var noText = await client.PostAsJsonAsync(questions, new { indicatorId = indicators["HT-NOJD"], text = "  ", version = survey.Version }, Api.Json, Cancel))
        {
            Assert.Contains("\"Text\"", await Expect.StatusAsync(noText, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }
        survey = await Api.ReadAsync<Survey>(await client.PostAsJsonAsync(questions, new { indicatorId = indicators["HT-NOJD"], text = "Nöjd?", version = survey.Version }, Api.Json, Cancel));
        using (var twice = await client.PostAsJsonAsync(questions, new { indicatorId = indicators["HT-NOJD"], text = "Nöjd igen?", version = survey.Version }, Api.Json, Cancel))
        {
            Assert.Contains("redan en fråga", await Expect.StatusAsync(twice, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }
        using (var stale = await client.PostAsJsonAsync(questions, new { indicatorId = indicators["HT-TRYGG"], text = "Trygg?", version = survey.Version - 1 }, Api.Json, Cancel))
        {
            await Expect.StatusAsync(stale, HttpStatusCode.Conflict);
        }
        survey = await Api.ReadAsync<Survey>(await client.PostAsJsonAsync(questions, new { indicatorId = indicators["HT-TRYGG"], text = "Trygg?", version = survey.Version }, Api.Json, Cancel));
        Assert.Equal([(1, "Nöjd?"), (2, "Trygg?")], survey.Questions.Select(q => (q.Number, q.Text)));
        // A year without results: the questions are there, their results are not.
        Assert.All(survey.Questions, q => Assert.Null(q.Results));
        Assert.Empty(survey.Units);

        using (var removed = await client.DeleteAsync($"{questions}/{survey.Questions[0].Id}?version={survey.Version}", Cancel))
        {
            await Expect.StatusAsync(removed, HttpStatusCode.NoContent);
        }
        survey = await Api.ReadAsync<Survey>(await client.GetAsync($"/api/v1/surveys/{survey.Id}", Cancel));
        Assert.Equal([(1, "Trygg?")], survey.Questions.Select(q => (q.Number, q.Text)));

        using (var deleted = await client.DeleteAsync($"/api/v1/surveys/{survey.Id}?version={survey.Version}", Cancel))
        {
            await Expect.StatusAsync(deleted, HttpStatusCode.NoContent);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Surveys.CountAsync(Cancel)));
        // The indicators and their results stay; every change is in the audit trail.
        Assert.True(await app.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Id == indicators["HT-NOJD"], Cancel)));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Survey" && a.EntityId == survey.Id.ToString()).CountAsync(Cancel));
        Assert.True(audited >= 4, $"Expected the survey's changes in the audit trail, found {audited}.");
    }

    [Fact]
    public async Task AGroupManagerReadsButDoesNotChangeAndAProviderNeitherReadsNorChanges()
    {
        var id = await DemoSurveyIdAsync();
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        await Expect.OkAsync(await manager.GetAsync($"/api/v1/surveys/{id}", Cancel));
        using (var refused = await manager.DeleteAsync($"/api/v1/surveys/{id}", Cancel))
        {
            await Expect.StatusAsync(refused, HttpStatusCode.Forbidden);
        }
        using var managerPages = await app.CreateClientAs(Demo.GroupManager);
        var html = await Expect.OkAsync(await managerPages.GetAsync($"/Evidence/Surveys/Details/{id}", Cancel));
        Assert.DoesNotContain("Lägg till frågan", html, StringComparison.Ordinal);
        using (var post = await Forms.PostAsync(managerPages, $"/Evidence/Surveys/Details/{id}?handler=Delete", Forms.AntiforgeryToken(html),
            [new("confirmed", "true")]))
        {
            Assert.True(Expect.IsDenied(post), $"Expected a refusal, got {(int)post.StatusCode}.");
        }

        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using (var read = await provider.GetAsync($"/api/v1/surveys/{id}", Cancel))
        {
            await Expect.StatusAsync(read, HttpStatusCode.Forbidden);
        }
        using var providerPages = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using (var page = await providerPages.GetAsync($"/Evidence/Surveys/Details/{id}", Cancel))
        {
            Assert.True(Expect.IsDenied(page), $"Expected a refusal, got {(int)page.StatusCode}.");
        }
        Assert.True(await app.WithDbAsync(db => db.Surveys.AnyAsync(s => s.Id == id, Cancel)));
    }

    [Fact]
    public async Task ThePagesAddAQuestionRefuseBadInputInSwedishAndAskBeforeRemoving()
    {
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var form = await Expect.OkAsync(await browser.GetAsync("/Evidence/Surveys/Edit", Cancel));
        Assert.Contains($"value=\"{LastYear}\"", form, StringComparison.Ordinal);
        using (var empty = await Forms.PostAsync(browser, "/Evidence/Surveys/Edit", Forms.AntiforgeryToken(form), [new("Input.Year", "2031")]))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(empty));
            Assert.Contains("Ange undersökningens namn", html, StringComparison.Ordinal);
            Assert.Contains("Välj den nämnd vars verksamhet undersökningen gäller.", html, StringComparison.Ordinal);
        }
        var committeeId = await app.WithDbAsync(db => db.Committees.Where(c => c.Name == "Äldrenämnden").Select(c => c.Id).SingleAsync(Cancel));
        using var saved = await Forms.PostAsync(browser, "/Evidence/Surveys/Edit", Forms.AntiforgeryToken(form),
            [new("Input.Name", "Sidans undersökning (testdata)"), new("Input.Year", "2031"), new("Input.CommitteeId", committeeId.ToString()), new("Input.Conductor", "Testenheten")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = Expect.PathOf(saved.Headers.Location)!;
        var details = await Expect.OkAsync(await browser.GetAsync(page, Cancel));
        var indicatorId = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code == "HT-RESP").Select(i => i.Id).SingleAsync(Cancel));

        using (var noText = await Forms.PostAsync(browser, $"{page}?handler=Question", Forms.AntiforgeryToken(details),
            [new("indicatorId", indicatorId.ToString()), new("text", ""), new("version", Forms.InputValue(details, "version")!)]))
        {
            Assert.Contains("Skriv frågan som den ställdes i undersökningen.", WebUtility.HtmlDecode(await Expect.OkAsync(noText)), StringComparison.Ordinal);
        }
        using (var added = await Forms.PostAsync(browser, $"{page}?handler=Question", Forms.AntiforgeryToken(details),
            [new("indicatorId", indicatorId.ToString()), new("text", "Bemöts du väl?"), new("version", Forms.InputValue(details, "version")!)]))
        {
            await Expect.RedirectAsync(added, page);
        }
        details = await Expect.OkAsync(await browser.GetAsync(page, Cancel));
        var surveyId = Guid.Parse(page.Split('/')[^1]);
        var questionId = await app.WithDbAsync(db => db.SurveyQuestions.Where(q => q.SurveyId == surveyId).Select(q => q.Id).SingleAsync(Cancel));
        using (var asked = await Forms.PostAsync(browser, $"{page}?handler=RemoveQuestion", Forms.AntiforgeryToken(details),
            [new("questionId", questionId.ToString()), new("version", Forms.InputValue(details, "version")!)]))
        {
            Assert.Contains("Bekräfta och ta bort frågan", await Expect.OkAsync(asked), StringComparison.Ordinal);
        }
        Assert.True(await app.WithDbAsync(db => db.SurveyQuestions.AnyAsync(q => q.Id == questionId, Cancel)));
        using (var confirmed = await Forms.PostAsync(browser, $"{page}?handler=RemoveQuestion", Forms.AntiforgeryToken(details),
            [new("questionId", questionId.ToString()), new("version", Forms.InputValue(details, "version")!), new("confirmed", "true")]))
        {
            await Expect.RedirectAsync(confirmed, page);
        }
        Assert.False(await app.WithDbAsync(db => db.SurveyQuestions.AnyAsync(q => q.Id == questionId, Cancel)));
    }

    [Fact]
    public async Task TheSurveysPageSendsAsManyQueriesWhateverTheNumberOfQuestions()
    {
        var id = await DemoSurveyIdAsync();
        using var browser = await app.CreateClientAs(Demo.QualityDeveloper);
        var url = $"/Evidence/Surveys/Details/{id}";
        async Task<int> QueriesAsync()
        {
            app.Queries.Watch(url);
            await Expect.OkAsync(await browser.GetAsync(url, Cancel));
            return app.Queries.Count;
        }
        await QueriesAsync();
        var three = await QueriesAsync();

        // A copy of the survey with one question fewer sends as many queries.
        var fewer = await app.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.Include(s => s.Questions).SingleAsync(s => s.Id == id, Cancel);
            var copy = new Domain.Evidence.Survey { Name = "Kopia (testdata)", Year = survey.Year, CommitteeId = survey.CommitteeId, ChoiceSystemId = survey.ChoiceSystemId, Conductor = survey.Conductor };
            foreach (var question in survey.Questions.OrderBy(q => q.Number).Take(1))
            {
                copy.AddQuestion(await db.Indicators.SingleAsync(i => i.Id == question.IndicatorId, Cancel), question.Text);
            }
            db.Surveys.Add(copy);
            await db.SaveChangesAsync(Cancel);
            return copy.Id;
        });
        url = $"/Evidence/Surveys/Details/{fewer}";
        Assert.Equal(three, await QueriesAsync());
    }
}
