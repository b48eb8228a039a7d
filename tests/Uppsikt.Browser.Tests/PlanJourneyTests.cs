using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>
/// A follow-up plan's way from draft to publication: the quality developer starts this year's plan from last year's, the
/// group manager approves it, the committee secretary records the committee's decision, the council board's review
/// shows it, and anyone can read it.
/// </summary>
public sealed class PlanJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Äldrenämnden's choice system that has last year's plan but none this year in the demo data.
    private const string ChoiceSystem = "Dagverksamhet för äldre";

    [Fact]
    public async Task Quality_developer_drafts_from_last_year_group_manager_approves_secretary_adopts_and_the_public_reads_it()
    {
        var caseNumber = "KFKS-" + DateTime.UtcNow.Year + "-00424";

        var developer = await SignedInAsync("kvalitet@uppsikt.example");
        var drafting = new PlanPages(developer);
        await drafting.OpenListFromMenuAsync();
        await AssertAccessibleAsync(developer);
        await drafting.OpenNewPlanAsync();
        await AssertAccessibleAsync(developer);
        var planPath = await drafting.StartFromLastYearAsync(ChoiceSystem);
        await Expect(drafting.Notice).ToContainTextAsync("fjolårets plan");
        await Expect(drafting.Fact("Läge")).ToContainTextAsync("Utkast");
        await Expect(developer.Locator("table tbody tr")).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync(developer);

        var manager = await SignedInAsync("gruppchef@uppsikt.example");
        var approving = new PlanPages(manager);
        await approving.OpenAsync(planPath, ChoiceSystem);
        await AssertAccessibleAsync(manager);
        await approving.ApproveAsync("Godkänd efter samråd (fiktiv).");
        await Expect(approving.Fact("Läge")).ToContainTextAsync("Godkänd av gruppchef");
        await AssertAccessibleAsync(manager);

        var secretary = await SignedInAsync("sekreterare@uppsikt.example");
        var adopting = new PlanPages(secretary);
        await adopting.OpenAsync(planPath, ChoiceSystem);
        await adopting.OpenAdoptionAsync();
        await AssertAccessibleAsync(secretary);
        await adopting.AdoptAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), "§ 42", caseNumber);
        await Expect(adopting.Fact("Läge")).ToContainTextAsync("Antagen av nämnden");
        await Expect(adopting.Fact("Nämndens beslut")).ToContainTextAsync(caseNumber);
        await Expect(secretary.Locator("ol.timeline li")).ToHaveCountAsync(3);
        await AssertAccessibleAsync(secretary);

        var council = await SignedInAsync("ks@uppsikt.example");
        await council.GetByRole(AriaRole.Link, new() { Name = "Samlad uppföljning", Exact = true }).ClickAsync();
        await Expect(council.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("samlade uppföljning");
        await Expect(council.Locator("tr", new() { Has = council.GetByRole(AriaRole.Rowheader, new() { Name = ChoiceSystem, Exact = true }) }))
            .ToContainTextAsync(caseNumber);
        await Expect(council.Locator("section.standing-out")).ToContainTextAsync("Kulturnämnden");
        await Expect(council.Locator("section.standing-out")).Not.ToContainTextAsync(ChoiceSystem);
        await AssertAccessibleAsync(council);

        var citizen = await NewPageAsync();
        await citizen.GotoAsync("/Public");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Uppföljningsplaner", Exact = true }).First.ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Uppföljningsplaner");
        await AssertAccessibleAsync(citizen);
        await citizen.GetByRole(AriaRole.Link, new() { Name = ChoiceSystem, Exact = true }).ClickAsync();
        await Expect(citizen.Locator("dl.facts")).ToContainTextAsync(caseNumber);
        await AssertAccessibleAsync(citizen);
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Villkoren för kundvalet" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "När villkoren följs upp" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(citizen);
    }
}
