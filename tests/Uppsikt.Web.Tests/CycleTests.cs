using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Cycle;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The annual cycle over HTTP: applying a template, refusing it twice, Mina uppgifter and marking a task done.</summary>
public sealed class CycleTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string GroupManager = "gruppchef@uppsikt.example";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed record TaskPage(List<TaskItem> Items, int Total, int Page, int PageSize);

    public sealed record TaskItem(Guid Id, string Title, string? CommitteeName, int? Year, string OwnerUserId, string? OwnerName, DateOnly DueOn,
        string Status, bool Overdue, string? CompletionNote, int Version);

    [Fact]
    public async Task ApplyingATemplateCreatesOneTaskPerStepWithDueDatesAndDefaultOwners()
    {
        var (committee, template) = await IdsAsync("Socialnämnden", CycleTemplates.SocialServicesName);
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);

        using var response = await ApplyAsync(client, committee, template, 2030);

        Assert.Equal($"/Cycle?CommitteeId={committee}&Year=2030", response.Headers.Location?.OriginalString);
        var groupManager = await app.GetUserIdAsync(GroupManager);
        var qualityDeveloper = await app.GetUserIdAsync(Demo.QualityDeveloper);
        var tasks = await app.WithDbAsync(db => db.CycleTasks.Where(t => t.Cycle!.CommitteeId == committee && t.Cycle.Year == 2030)
            .OrderBy(t => t.Position).ToListAsync());
        Assert.Equal([1, 2, 3, 4, 5], tasks.Select(t => t.Position));
        Assert.Equal(new DateOnly(2030, 1, 31), tasks[0].DueOn);
        Assert.Equal(new DateOnly(2030, 12, 31), tasks[4].DueOn);
        Assert.Equal([groupManager, qualityDeveloper, qualityDeveloper, qualityDeveloper, groupManager], tasks.Select(t => t.OwnerUserId));
        Assert.All(tasks, t => Assert.Equal(CycleTaskStatus.Open, t.Status));
        // The risk analysis step leads to the committee's risk analyses of the year; the other steps lead nowhere in particular.
        Assert.Equal([$"/Risk/Analyses?CommitteeId={committee}&Year=2030", null, null, null, null], tasks.Select(t => t.Link));

        using var list = await client.GetAsync($"/Cycle?CommitteeId={committee}&Year=2030&Sort=due", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(list));
        Assert.Contains("5 uppgifter", html, StringComparison.Ordinal);
        Assert.Contains("Analysera nuläget (riskanalys)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChosenOwnerWinsOverTheDefault()
    {
        var (committee, template) = await IdsAsync("Utbildningsnämnden", CycleTemplates.SocialServicesName);
        var firstStep = await app.WithDbAsync(db => db.AnnualCycleSteps.Where(s => s.TemplateId == template && s.Position == 1).Select(s => s.Id).SingleAsync());
        var caseWorker = await app.GetUserIdAsync("handlaggare@uppsikt.example");
        using var client = await app.CreateClientAs(Demo.Admin);

        using var response = await ApplyAsync(client, committee, template, 2031, new KeyValuePair<string, string>($"Input.Owners[{firstStep}]", caseWorker));

        await Expect.RedirectAsync(response, "/Cycle");
        Assert.Equal(caseWorker, await app.WithDbAsync(db => db.CycleTasks.Where(t => t.StepId == firstStep && t.Cycle!.CommitteeId == committee)
            .Select(t => t.OwnerUserId).SingleAsync()));
    }

    [Fact]
    public async Task ApplyingTheSameTemplateToTheSameCommitteeAndYearTwiceIsRefusedWithAMessage()
    {
        var (committee, template) = await IdsAsync("Kulturnämnden", CycleTemplates.LabourMarketName);
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);
        using (var first = await ApplyAsync(client, committee, template, 2029))
        {
            await Expect.RedirectAsync(first, "/Cycle");
        }

        using var second = await ApplyAsync(client, committee, template, 2029);

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(second));
        Assert.Contains($"Årshjulet ”{CycleTemplates.LabourMarketName}” är redan tillämpat för Kulturnämnden år 2029.", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AnnualCycles.CountAsync(c => c.CommitteeId == committee && c.Year == 2029)));
        Assert.Equal(8, await app.WithDbAsync(db => db.CycleTasks.CountAsync(t => t.Cycle!.CommitteeId == committee && t.Cycle.Year == 2029)));
    }

    [Fact]
    public async Task ApplyingWithoutChoicesGivesSwedishFieldErrors()
    {
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);

        using var response = await Forms.SubmitAsync(client, "/Cycle/Apply", [new("Input.Year", "1850")]);

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(response));
        Assert.Contains("Välj nämnd.", html, StringComparison.Ordinal);
        Assert.Contains("Välj mall för årshjulet.", html, StringComparison.Ordinal);
        Assert.Contains("Ange ett år mellan 2000 och 2100.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinaUppgifterShowsOnlyTheSignedInUsersOpenTasksAndMarksTheOverdue()
    {
        var mine = await app.GetUserIdAsync(Demo.QualityDeveloper);
        var othersTask = "Gruppchefens egen uppgift (fiktiv)";
        var myTitles = await app.WithDbAsync(async db =>
        {
            var cycle = await db.AnnualCycles.OrderBy(c => c.Year).FirstAsync();
            db.CycleTasks.Add(new CycleTask { CycleId = cycle.Id, Position = 99, Title = othersTask, OwnerUserId = await db.Users.Where(u => u.Email == GroupManager).Select(u => u.Id).SingleAsync(), DueOn = new DateOnly(2000, 1, 1) });
            await db.SaveChangesAsync();
            return await db.CycleTasks.Where(t => t.Status == CycleTaskStatus.Open && t.OwnerUserId == mine).Select(t => t.Title).ToListAsync();
        });
        Assert.NotEmpty(myTitles);
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);

        using var response = await client.GetAsync("/Cycle/MyTasks", Cancel);

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(response));
        Assert.All(myTitles, title => Assert.Contains(title, html, StringComparison.Ordinal));
        Assert.DoesNotContain(othersTask, html, StringComparison.Ordinal);
        Assert.Contains("Försenad", html, StringComparison.Ordinal);

        using var api = await app.ApiClientAs(Demo.QualityDeveloper);
        using var listed = await api.GetAsync("/api/v1/tasks?mine=true&status=Open&pageSize=200", Cancel);
        var page = await Api.ReadAsync<TaskPage>(listed);
        Assert.Equal(myTitles.Order(StringComparer.Ordinal), page.Items.Select(t => t.Title).Order(StringComparer.Ordinal));
        Assert.All(page.Items, t => Assert.Equal(mine, t.OwnerUserId));
        Assert.Contains(page.Items, t => t.Overdue);
    }

    [Fact]
    public async Task TheOwnerMarksATaskDoneWithANoteAndItLeavesMinaUppgifter()
    {
        var owner = await app.GetUserIdAsync(GroupManager);
        var task = await app.WithDbAsync(db => db.CycleTasks.Where(t => t.OwnerUserId == owner && t.Status == CycleTaskStatus.Open).OrderBy(t => t.DueOn).FirstAsync());
        using var client = await app.CreateClientAs(GroupManager);

        using var response = await Forms.SubmitAsync(client, "/Cycle/MyTasks",
            [new("Note", "Riskanalysen är klar (fiktiv)."), new("Version", task.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            action: $"/Cycle/MyTasks?id={task.Id}&handler=Complete");

        await Expect.RedirectAsync(response, "/Cycle/MyTasks");
        var saved = await app.WithDbAsync(db => db.CycleTasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(CycleTaskStatus.Done, saved.Status);
        Assert.Equal("Riskanalysen är klar (fiktiv).", saved.CompletionNote);
        using var after = await client.GetAsync("/Cycle/MyTasks", Cancel);
        Assert.DoesNotContain($"id={task.Id}&amp;handler=Complete", await Expect.OkAsync(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneElseCannotMarkAnothersTaskDoneThroughTheApi()
    {
        var owner = await app.GetUserIdAsync(Demo.QualityDeveloper);
        var task = await app.WithDbAsync(db => db.CycleTasks.Where(t => t.OwnerUserId == owner && t.Status == CycleTaskStatus.Open).FirstAsync());
        using var client = await app.ApiClientAs(GroupManager);

        using var response = await client.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/complete", new { note = "Inte min (fiktiv)", version = task.Version }, Api.Json, Cancel);

        var body = await Expect.StatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Bara den ansvariga", Expect.ReadableText(response, body), StringComparison.Ordinal);
        Assert.Equal(CycleTaskStatus.Open, await app.WithDbAsync(db => db.CycleTasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("/Cycle")]
    [InlineData("/Cycle/MyTasks")]
    [InlineData("/Cycle/Apply")]
    [InlineData("/Cycle/Templates")]
    [InlineData("/api/v1/tasks?mine=true")]
    public async Task AProviderUserCannotReachTheCycle(string path)
    {
        using var client = await app.CreateClientAs(Demo.OmsorgshusetUser);

        using var response = await client.GetAsync(path, Cancel);

        await Expect.DeniedAsync(response);
    }

    [Fact]
    public async Task EditingATemplateWithAStaleVersionIsAConflict()
    {
        // The labour-market template: the tests that apply a template use the social-services one and rely on its step order.
        var template = await app.WithDbAsync(db => db.AnnualCycleTemplates.Include(t => t.Steps).SingleAsync(t => t.Name == CycleTemplates.LabourMarketName));
        var last = template.Steps.OrderBy(s => s.Position).Last();
        using var client = await app.CreateClientAs(Demo.QualityDeveloper);
        var page = $"/Cycle/Templates/Details/{template.Id}";
        using (var moved = await Forms.SubmitAsync(client, page, [new("Version", template.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            action: $"{page}?stepId={last.Id}&offset=-1&handler=Move"))
        {
            await Expect.RedirectAsync(moved, page);
        }

        using var stale = await Forms.SubmitAsync(client, page, [new("Version", template.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            action: $"{page}?stepId={last.Id}&handler=Remove");

        Assert.Contains("Någon annan har ändrat", WebUtility.HtmlDecode(await Expect.OkAsync(stale)), StringComparison.Ordinal);
        var positions = await app.WithDbAsync(db => db.AnnualCycleSteps.Where(s => s.TemplateId == template.Id).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync());
        Assert.Equal(template.Steps.Count, positions.Count);
        Assert.Equal(last.Id, positions[^2]);
    }

    [Fact]
    public async Task AStepNeedsATitleARoleAndADayThatExists()
    {
        var template = await app.WithDbAsync(db => db.AnnualCycleTemplates.Where(t => t.Name == CycleTemplates.LabourMarketName).Select(t => t.Id).SingleAsync());
        using var client = await app.CreateClientAs(Demo.Admin);

        using var response = await Forms.SubmitAsync(client, $"/Cycle/Templates/Step/{template}",
            [new("Input.Title", ""), new("Input.OwnerRole", ""), new("Input.DueMonth", "4"), new("Input.DueDay", "31")]);

        var html = WebUtility.HtmlDecode(await Expect.OkAsync(response));
        Assert.Contains("Ange stegets rubrik.", html, StringComparison.Ordinal);
        Assert.Contains("Välj ansvarig roll.", html, StringComparison.Ordinal);
        Assert.Contains("Ange en dag mellan 1 och 30 för klart senast.", html, StringComparison.Ordinal);
    }

    private Task<(Guid Committee, Guid Template)> IdsAsync(string committee, string template) =>
        app.WithDbAsync(async db => (
            await db.Committees.Where(c => c.Name == committee).Select(c => c.Id).SingleAsync(),
            await db.AnnualCycleTemplates.Where(t => t.Name == template).Select(t => t.Id).SingleAsync()));

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, Guid committee, Guid template, int year, params KeyValuePair<string, string>[] owners) =>
        Forms.SubmitAsync(client, $"/Cycle/Apply?Input.CommitteeId={committee}&Input.TemplateId={template}&Input.Year={year}",
            [new("Input.CommitteeId", committee.ToString()), new("Input.TemplateId", template.ToString()),
             new("Input.Year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. owners],
            action: "/Cycle/Apply");
}
