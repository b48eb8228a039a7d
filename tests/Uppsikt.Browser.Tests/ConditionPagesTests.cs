using System.Text.RegularExpressions;
using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>A quality developer reads the labour-market committee's A–D conditions and opens a condition's history and its new-version form.</summary>
public sealed class ConditionPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Quality_developer_reads_a_condition_set_a_conditions_history_and_the_new_version_form()
    {
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync("kvalitet@uppsikt.example", "Uppsikt-demo-2026");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Villkor", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Villkor", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Villkorssamling").SelectOptionAsync(new SelectOptionValue { Label = "Kundval arbetsmarknadsinsatser, AMI" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Visa kundvalets hela villkorssamling med uppföljningstillfällen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Del A. Tillsyn av anordnare" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Resultat och måluppfyllelse per nivå" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Historik" })).ToBeVisibleAsync();
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(2);
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Ny version av villkoret" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Conditions/Edit/"));
        await AssertAccessibleAsync(page);
    }
}
