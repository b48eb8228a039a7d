namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Admin/Audit: the audit trail (newest first) and the check of its hash chain.</summary>
public sealed class AuditPage(IPage page)
{
    private ILocator Table => page.Locator("table.audit");

    public ILocator Verdict => page.Locator("main [role=status]");

    /// <summary>The cell of the newest row under the given column header, such as "Vem" or "Ändringar".</summary>
    public async Task<ILocator> NewestCellAsync(string column)
    {
        var headers = await Table.Locator("thead th").AllInnerTextsAsync();
        var index = headers.Select(h => h.Trim()).ToList().IndexOf(column);
        Assert.True(index >= 0, $"The audit table has no column \"{column}\"; it has {string.Join(", ", headers)}.");
        return Table.Locator("tbody tr").First.Locator("td").Nth(index);
    }

    public async Task VerifyChainAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera loggens kedja" }).ClickAsync();
        await Expect(Verdict).ToBeVisibleAsync();
    }
}
