using System.Globalization;
using System.Text.RegularExpressions;

namespace Uppsikt.Browser.Tests.Pages;

/// <summary>
/// A review on the municipality's side: /Reviews, /Reviews/New, /Reviews/Details with its next steps, and the visit's pages
/// /Reviews/Visit/Prepare and /Reviews/Visit/Findings.
/// </summary>
public sealed partial class ReviewPages(IPage page)
{
    public ILocator Notice => page.Locator("main .notice[role=status]");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ErrorSummary => page.Locator("#error-summary");

    /// <summary>The value beside a term in the page's facts, such as "Läge".</summary>
    public ILocator Fact(string term) => page.Locator("main dl.facts").Locator($"dt:text-is(\"{term}\") + dd").First;

    /// <summary>What "Sparat 14:05" says once a question's answer is saved.</summary>
    [GeneratedRegex(@"^Sparat \d\d:\d\d$")]
    public static partial Regex Saved();

    public async Task OpenListFromMenuAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = "Granskningar", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Granskningar", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task OpenPlanFormAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Planera granskning", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planera granskning", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Chooses the choice system, the form's first step, so that its units and the rest of the form show.</summary>
    public async Task ChooseChoiceSystemAsync(string choiceSystem)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Kundval" }).SelectOptionAsync(new SelectOptionValue { Label = choiceSystem });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa kundvalets enheter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Enhet" })).ToBeVisibleAsync();
    }

    /// <summary>Plans a review of the unit ("unit – provider" as the form lists it) on the day the form suggests.</summary>
    public async Task PlanAsync(string type, string title, string unitOption)
    {
        await page.GetByLabel(type, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Rubrik").FillAsync(title);
        await page.GetByLabel(unitOption, new() { Exact = true }).CheckAsync();
        await Expect(page.GetByLabel("Besök på plats")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Planera granskningen" }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync("Granskningen är planerad.");
    }

    /// <summary>Takes a step of the details page's "Nästa steg" by its button and waits for the page to say it is done.</summary>
    public async Task TakeStepAsync(string button, string done)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync(done);
    }

    /// <summary>Opens one of the review's parts from its details page: "Förberedelse och underlag", "Iakttagelser per fråga" …</summary>
    public async Task OpenPartAsync(string part, string heading)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Granskningens delar" }).GetByRole(AriaRole.Link, new() { Name = part }).ClickAsync();
        await Expect(Heading).ToContainTextAsync(heading);
    }

    public async Task BackToReviewAsync(string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "← Granskningen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Saves the visit's mode (as planned), day, time, place and case number on the preparation page.</summary>
    public async Task SaveVisitAsync(DateOnly day, string time, string place, string caseNumber)
    {
        await page.GetByLabel("Datum").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Klockslag").FillAsync(time);
        await page.GetByLabel("Plats", new() { Exact = true }).FillAsync(place);
        await page.GetByLabel("Diarienummer", new() { Exact = true }).FillAsync(caseNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara besöket" }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync("Besöket är sparat.");
    }

    /// <summary>Adds a participant on the preparation page; <paramref name="side"/> is "Kommunen" or "Anordnaren".</summary>
    public async Task AddParticipantAsync(string name, string title, string side)
    {
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Lägg till deltagare" }) });
        await form.GetByLabel("Namn").FillAsync(name);
        await form.GetByLabel("Befattning").FillAsync(title);
        await form.GetByLabel(side, new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Lägg till deltagaren" }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync($"{name} är tillagd som deltagare.");
    }

    /// <summary>The checklist's questions on the findings page, each its own form.</summary>
    public ILocator Questions => page.Locator("article.finding-question");

    /// <summary>
    /// Answers a question as on a tablet: the answer and the observation typed, the assessment chosen; the page's script saves
    /// the form as each is given. Waits until the last save is done and the question says "Sparat hh:mm".
    /// </summary>
    public async Task RecordFindingAsync(ILocator question, string answer, string observation, string assessment, string? requiredAction = null)
    {
        await question.GetByLabel("Svar").FillAsync(answer);
        await question.GetByLabel("Iakttagelse").FillAsync(observation);
        if (requiredAction is not null)
        {
            await question.GetByLabel("Krav på åtgärd vid brist").FillAsync(requiredAction);
        }
        await question.GetByLabel(assessment, new() { Exact = true }).CheckAsync();
        await Expect(question.Locator("form.finding[data-saving=false][data-dirty=false]")).ToHaveCountAsync(1);
        await Expect(question.Locator(".save-status")).ToHaveTextAsync(Saved());
    }
}
