namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Cycle/MyTasks: the signed-in user's open tasks, each a list item with a heading and a form to mark it done.</summary>
public sealed class MyTasksPage(IPage page)
{
    public ILocator Notice => page.Locator(".notice");

    public ILocator Tasks => page.Locator("main li.task");

    public async Task OpenFromMenuAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Mina uppgifter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina uppgifter", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The first task whose heading says "Försenad".</summary>
    public ILocator FirstOverdue => Tasks.Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Försenad" }) }).First;

    public async Task MarkDoneAsync(ILocator task, string note)
    {
        await task.GetByLabel("Anteckning när uppgiften är klar").FillAsync(note);
        await task.GetByRole(AriaRole.Button, new() { Name = "Markera som klar" }).ClickAsync();
    }
}
