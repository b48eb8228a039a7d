using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>A provider user signs in to its portal, sees what the municipality waits for, attests the conditions and writes to the municipality in the attestation's thread.</summary>
public sealed class PortalJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Uppsikt-demo-2026";

    [Fact]
    public async Task A_provider_user_attests_the_conditions_and_sends_a_message_from_its_portal()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).OpenAsync();
        await new LoginPage(page).SignInAsync("anordnare.tryggahander@uppsikt.example", Password);
        var portal = new PortalPages(page);
        await Expect(portal.Heading).ToHaveTextAsync("Vår portal – Trygga Händer Exempel AB (fiktiv)");
        await Expect(portal.Requests.Filter(new() { HasText = "Egenintygande att lämna" }).First).ToContainTextAsync("Försenad");
        await Expect(portal.Requests.Filter(new() { HasText = "Klagomål att besvara" })).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        await portal.OpenFirstAttestationAsync();
        await AssertAccessibleAsync(page);
        await portal.SignAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Svara om villkoret är uppfyllt");
        await AssertAccessibleAsync(page);
        await portal.AttestAsync("Två medarbetare går utbildningen i vår (fiktivt).", "Tina Trygga (fiktiv)", "Verksamhetschef");
        await Expect(portal.Notice).ToHaveTextAsync("Egenintygandet är undertecknat och lämnat till kommunen.");
        await Expect(page.Locator("main table")).ToContainTextAsync("Två medarbetare går utbildningen i vår (fiktivt).");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv meddelande om detta ärende" }).ClickAsync();
        await Expect(portal.Heading).ToContainTextAsync("Meddelanden: Egenintygande");
        await portal.WriteAsync("");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Ange ett meddelande");
        await AssertAccessibleAsync(page);
        await portal.WriteAsync("Vi har lämnat egenintygandet och har en fråga om villkoret vi inte uppfyller (fiktivt).");
        await Expect(portal.Notice).ToHaveTextAsync("Meddelandet är skickat.");
        await Expect(portal.Messages.Last).ToContainTextAsync("en fråga om villkoret vi inte uppfyller");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Vår portal" }).ClickAsync();
        await Expect(page.Locator("section[aria-labelledby=attestations-heading]")).ToContainTextAsync("Tina Trygga (fiktiv)");
        await Expect(portal.Threads.Nth(1)).ToContainTextAsync("Egenintygande");
        await Expect(portal.Threads.Nth(1)).ToContainTextAsync("Tina Trygga");
        await AssertAccessibleAsync(page);
    }
}
