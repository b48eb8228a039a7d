namespace Uppsikt.Browser.Tests;

/// <summary>
/// A deficiency from the final report to verified closure through the pages only: the provider writes its action plan and
/// cannot hand it in incomplete; the quality developer approves it; the provider reports the action done with a file as
/// evidence; the quality developer verifies the minor deficiency by a phone call, and cannot check the serious one by phone.
/// </summary>
public sealed class DeficiencyJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // The demo's final quality review of Trygga Händer, whose plan waits for the provider (src/Uppsikt.Web/Data/DemoReviews.cs);
    // no other test changes it.
    private const string Review = "Kvalitetsgranskning Trygga Händer Hemtjänst Saltsjöbaden";

    private static ILocator Deficiency(IPage page, string severity) =>
        page.Locator("section.card").Filter(new() { HasText = severity });

    [Fact]
    public async Task A_deficiency_goes_from_the_provider_s_plan_through_approval_and_reported_action_to_verified_closure()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];

        // The provider finds the plan from the menu and cannot hand it in before every deficiency has an action.
        var provider = await SignedInAsync("anordnare.tryggahander@uppsikt.example");
        await provider.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Våra brister och åtgärdsplaner" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Våra brister och åtgärdsplaner", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(provider);
        await provider.GotoAsync("/Deficiencies?Search=" + Uri.EscapeDataString(Review));
        await provider.Locator("main table tbody a").First.ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Åtgärdsplan: {Review}");
        await AssertAccessibleAsync(provider);
        await provider.GetByRole(AriaRole.Button, new() { Name = "Lämna in planen" }).ClickAsync();
        await Expect(provider.Locator("#error-summary")).ToContainTextAsync("Saknar åtgärd");

        var due = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var severity in new[] { "Mindre brist", "Allvarlig brist" })
        {
            var card = Deficiency(provider, severity);
            await card.GetByLabel("Åtgärd", new() { Exact = false }).First.FillAsync($"Åtgärd mot {severity.ToLowerInvariant()} {marker} (fiktiv)");
            await card.GetByLabel("Ansvarig person").FillAsync("Tina Trygga (fiktiv)");
            await card.GetByLabel("Genomförd senast").FillAsync(due);
            await card.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärd" }).ClickAsync();
            await Expect(provider.Locator(".notice").First).ToContainTextAsync("Åtgärden är tillagd.");
        }
        await provider.GetByRole(AriaRole.Button, new() { Name = "Lämna in planen" }).ClickAsync();
        await Expect(provider.GetByText("Åtgärdsplanen är inlämnad.", new() { Exact = false })).ToBeVisibleAsync();
        var planUrl = provider.Url;
        await AssertAccessibleAsync(provider);

        // The quality developer approves it.
        var developer = await SignedInAsync("kvalitet@uppsikt.example");
        await developer.GotoAsync(planUrl);
        await AssertAccessibleAsync(developer);
        await developer.GetByRole(AriaRole.Button, new() { Name = "Godkänn planen" }).ClickAsync();
        await Expect(developer.GetByText("Åtgärdsplanen är godkänd.")).ToBeVisibleAsync();

        // The provider reports the minor deficiency's action done, with a file as evidence.
        await provider.GotoAsync(planUrl);
        var minor = Deficiency(provider, "Mindre brist");
        await minor.GetByLabel("Vad har gjorts?").FillAsync($"Rutinen är uppdaterad och genomgången med personalen {marker} (fiktivt).");
        await minor.GetByLabel("Underlag som visar att åtgärden är genomförd (fil)").SetInputFilesAsync(new FilePayload
        {
            Name = "Genomgång av rutinen (fiktiv).txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"Närvarolista {marker} (fiktiv)"),
        });
        await AssertAccessibleAsync(provider);
        await minor.GetByRole(AriaRole.Button, new() { Name = "Rapportera som genomförd" }).ClickAsync();
        await Expect(provider.GetByText("Åtgärden är rapporterad som genomförd.")).ToBeVisibleAsync();
        await Expect(Deficiency(provider, "Mindre brist")).ToContainTextAsync("Genomgång av rutinen (fiktiv).txt");

        // Verified by a phone call: closed. The serious one is not fixed: it persists and the plan goes back.
        await developer.GotoAsync(planUrl);
        var check = Deficiency(developer, "Mindre brist");
        await check.GetByLabel("Hur följdes bristen upp?").SelectOptionAsync(new SelectOptionValue { Label = "Telefonsamtal med verksamhetsansvarig" });
        await check.GetByLabel("Vad kontrollerades?").FillAsync($"Samtal med verksamhetschefen och stickprov i dokumentationen {marker} (fiktivt).");
        await check.GetByLabel("Ja, bristen är åtgärdad").CheckAsync();
        await AssertAccessibleAsync(developer);
        await check.GetByRole(AriaRole.Button, new() { Name = "Registrera uppföljningen" }).ClickAsync();
        await Expect(developer.GetByText("Bristen är verifierad som åtgärdad.")).ToBeVisibleAsync();
        await Expect(Deficiency(developer, "Mindre brist")).ToContainTextAsync("Åtgärdad och verifierad");

        // A serious deficiency is checked at a visit, never by phone.
        var serious = Deficiency(developer, "Allvarlig brist");
        await serious.GetByLabel("Hur följdes bristen upp?").SelectOptionAsync(new SelectOptionValue { Label = "Telefonsamtal med verksamhetsansvarig" });
        await serious.GetByLabel("Vad kontrollerades?").FillAsync($"Samtal om rutinen för hot och våld {marker} (fiktivt).");
        await serious.GetByLabel("Nej, bristen kvarstår").CheckAsync();
        await serious.GetByRole(AriaRole.Button, new() { Name = "Registrera uppföljningen" }).ClickAsync();
        await Expect(developer.Locator("#error-summary")).ToContainTextAsync("En allvarlig brist följs upp med besök i verksamheten.");
        await Expect(Deficiency(developer, "Allvarlig brist")).ToContainTextAsync("Öppen");
        await AssertAccessibleAsync(developer);
    }
}
