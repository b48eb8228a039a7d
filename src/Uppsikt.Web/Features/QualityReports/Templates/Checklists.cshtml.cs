using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Templates;

/// <summary>
/// The review checklists (decision 0020), filtered by choice system and review type, and a new one: from the starter that
/// suits, empty, or as a new version of the latest (<c>?newVersionOf=</c> fills the form in from a checklist).
/// </summary>
public sealed class ChecklistsModel(TemplatesHandler handler, RegisterLookups lookups, TimeProvider clock) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ChoiceSystemId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReviewType? ReviewType { get; set; }

    public PagedList<TemplateRow> Checklists { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    protected override (string? Sort, bool Descending) DefaultOrder => ("year", true);

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    [BindProperty]
    public NewChecklistInput Input { get; set; } = new(null, null, null, null, null);

    public async Task OnGetAsync(Guid? newVersionOf, CancellationToken cancellationToken)
    {
        var year = clock.SwedishToday().Year;
        Input = new NewChecklistInput(null, null, year, null, ChecklistStart.Starter);
        if (newVersionOf is { } id && await handler.TemplateAsync(id, cancellationToken) is { IsChecklist: true } earlier)
        {
            var next = Math.Max(year, earlier.Year + 1);
            var title = earlier.Title.Contains(earlier.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                ? earlier.Title.Replace(earlier.Year.ToString(CultureInfo.InvariantCulture), next.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                : null;
            Input = new NewChecklistInput(earlier.ChoiceSystemId, earlier.ReviewType, next, title, ChecklistStart.LatestVersion);
        }
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.CreateChecklistAsync(Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = Input.Start == ChecklistStart.Empty
                ? "Checklistan är skapad utan frågor. Lägg till frågorna här eller läs in dem från Excel."
                : "Checklistan är skapad. Ändra frågorna här eller i Excel och aktivera den när den är klar.";
            return RedirectToPage("Details", new { id = result.Id });
        }
        if (this.Refused(result) is { } refused)
        {
            return refused;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Checklists = await handler.TemplatesAsync(Query, new TemplateFilter(TemplateKind.Checklist, ChoiceSystemId, ReviewType), cancellationToken);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
    }
}
