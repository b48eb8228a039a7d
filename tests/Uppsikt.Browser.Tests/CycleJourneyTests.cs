using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>A quality developer opens Mina uppgifter, finds the overdue task marked in words, and marks it done with a note.</summary>
public sealed class CycleJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string QualityDeveloper = "kvalitet@uppsikt.example";
    private const string Password = "Uppsikt-demo-2026";

    [Fact]
    public async Task Quality_developer_marks_an_overdue_task_done_from_Mina_uppgifter()
    {
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(QualityDeveloper, Password);

        var tasks = new MyTasksPage(page);
        await tasks.OpenFromMenuAsync();
        var overdue = tasks.FirstOverdue;
        await Expect(overdue).ToBeVisibleAsync();
        await Expect(overdue.GetByText("Försenad", new() { Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        var title = (await overdue.GetByRole(AriaRole.Heading).InnerTextAsync()).Replace("Försenad", "", StringComparison.Ordinal).Trim();
        var before = await tasks.Tasks.CountAsync();

        await tasks.MarkDoneAsync(overdue, "Rapporten är redovisad för nämnden (fiktiv anteckning).");

        await Expect(tasks.Notice).ToHaveTextAsync("Uppgiften är markerad som klar.");
        await Expect(tasks.Tasks).ToHaveCountAsync(before - 1);
        await Expect(tasks.Tasks.GetByRole(AriaRole.Heading, new() { Name = title })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Cycle?Status=Done&Sort=due&Descending=true");
        await Expect(page.GetByText("Rapporten är redovisad för nämnden (fiktiv anteckning).")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
