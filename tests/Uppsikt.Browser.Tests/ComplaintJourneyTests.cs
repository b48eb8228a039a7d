using Uppsikt.Browser.Tests.Pages;

namespace Uppsikt.Browser.Tests;

/// <summary>A quality developer registers a complaint and forwards it; the provider answers it; the quality developer closes it.</summary>
public sealed class ComplaintJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Uppsikt-demo-2026";
    private const string Unit = "Trygga Händer Ledsagning (fiktiv)";

    [Fact]
    public async Task Quality_developer_forwards_a_complaint_the_provider_answers_and_it_is_closed()
    {
        var summary = $"Ledsagaren kom inte till avtalad tid (fiktiv, {Guid.NewGuid():N}).";
        var municipalPage = await NewPageAsync();
        await new LoginPage(municipalPage).OpenAsync();
        await new LoginPage(municipalPage).SignInAsync("kvalitet@uppsikt.example", Password);
        var municipal = new ComplaintPages(municipalPage);
        await municipal.OpenFromMenuAsync("Klagomål");
        await AssertAccessibleAsync(municipalPage);
        await municipal.RegisterAsync(Unit, summary + " Personnummer 19121212-1212.");
        await Expect(municipalPage.Locator(".error-summary")).ToContainTextAsync("ser ut som ett personnummer");
        await AssertAccessibleAsync(municipalPage);
        await municipalPage.GetByLabel("Sammanfattning").FillAsync(summary);
        await municipalPage.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(municipal.Notice).ToHaveTextAsync("Klagomålet är registrerat.");
        await Expect(municipal.Fact("Underlagskälla")).ToHaveTextAsync("Synpunkter och klagomål");
        await AssertAccessibleAsync(municipalPage);
        await municipal.ForwardAsync();
        await Expect(municipal.Notice).ToHaveTextAsync("Klagomålet är överlämnat till anordnaren.");
        var address = municipalPage.Url;

        var providerPage = await NewPageAsync();
        await new LoginPage(providerPage).OpenAsync();
        await new LoginPage(providerPage).SignInAsync("anordnare.tryggahander@uppsikt.example", Password);
        var provider = new ComplaintPages(providerPage);
        await provider.OpenFromMenuAsync("Klagomål till oss");
        await AssertAccessibleAsync(providerPage);
        await providerPage.GotoAsync(address);
        await Expect(provider.Fact("Sammanfattning")).ToHaveTextAsync(summary);
        await AssertAccessibleAsync(providerPage);
        await provider.AnswerAsync("Vi har bett om ursäkt och ändrat schemat (fiktivt).");
        await Expect(provider.Notice).ToHaveTextAsync("Ert svar är skickat till kommunen.");
        await AssertAccessibleAsync(providerPage);

        await municipalPage.ReloadAsync();
        await Expect(municipal.Fact("Status")).ToHaveTextAsync("Besvarat av anordnaren");
        await municipal.CloseAsync("Svaret räcker (fiktivt).");
        await Expect(municipal.Notice).ToHaveTextAsync("Klagomålet är avslutat.");
        await Expect(municipal.Fact("Status")).ToHaveTextAsync("Avslutat");
        await AssertAccessibleAsync(municipalPage);
        await municipalPage.GotoAsync("/Evidence/Complaints/Summary");
        await AssertAccessibleAsync(municipalPage);
        await municipalPage.GotoAsync("/Evidence/Incidents");
        await AssertAccessibleAsync(municipalPage);
        await municipalPage.GetByRole(AriaRole.Link, new() { Name = "MAS/MAR-sammanställning" }).ClickAsync();
        await AssertAccessibleAsync(municipalPage);
    }
}
