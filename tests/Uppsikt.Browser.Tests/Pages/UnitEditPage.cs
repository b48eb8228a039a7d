using System.Globalization;
using System.Text.RegularExpressions;

namespace Uppsikt.Browser.Tests.Pages;

/// <summary>/Register/Units/Edit/{id}: the unit form.</summary>
public sealed class UnitEditPage(IPage page)
{
    public ILocator Capacity => page.GetByLabel("Kapacitet (platser eller kunder)");

    public Task SetCapacityAsync(int capacity) => Capacity.FillAsync(capacity.ToString(CultureInfo.InvariantCulture));

    /// <summary>Saves; on success the app returns to the unit's details page.</summary>
    public async Task SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Register/Units/Details/"));
    }
}
