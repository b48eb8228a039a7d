using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>An administrator corrects a unit's capacity and checks that the change is in the tamper-evident audit trail.</summary>
public sealed class UnitJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Admin = "admin@uppsikt.example";
    private const string Password = "Uppsikt-demo-2026";
    private const string Unit = "Omsorgshuset Hemtjänst Sickla (fiktiv)";

    [Fact]
    public async Task Administrator_changes_a_units_capacity_and_finds_the_change_in_the_audit_trail()
    {
        var page = await NewPageAsync();

        var login = new LoginPage(page);
        await login.OpenAsync();
        await AssertAccessibleAsync(page);
        await login.SignInAsync(Admin, Password);

        var units = new UnitListPage(page);
        await units.OpenFromMenuAsync();
        await AssertAccessibleAsync(page);
        await units.SearchAsync("Sickla");
        await Expect(units.Rows.GetByRole(AriaRole.Link, new() { Name = Unit, Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await units.OpenUnitAsync(Unit);

        var details = new UnitDetailsPage(page);
        await Expect(details.Fact("Kapacitet")).ToHaveTextAsync("120");
        await AssertAccessibleAsync(page);
        await details.EditAsync();

        var edit = new UnitEditPage(page);
        await Expect(edit.Capacity).ToHaveValueAsync("120");
        await AssertAccessibleAsync(page);
        await edit.SetCapacityAsync(125);
        await edit.SaveAsync();

        await Expect(details.Notice).ToHaveTextAsync($"Enheten {Unit} är sparad.");
        await Expect(details.Fact("Kapacitet")).ToHaveTextAsync("125");
        await AssertAccessibleAsync(page);
        await details.OpenHistoryAsync();

        var audit = new AuditPage(page);
        var changes = await audit.NewestCellAsync("Ändringar");
        await Expect(changes).ToContainTextAsync("Kapacitet");
        await Expect(changes.Locator(".before")).ToContainTextAsync("120");
        await Expect(changes.Locator(".after")).ToContainTextAsync("125");
        await Expect(changes).Not.ToContainTextAsync("Capacity");
        await AssertAccessibleAsync(page);
        await audit.VerifyChainAsync();
        await Expect(audit.Verdict).ToContainTextAsync("Kedjan är obruten");
        await AssertAccessibleAsync(page);
    }
}
