using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Templates;

/// <summary>The templates, and a new one for a choice system and year, starting from the common areas' questions.</summary>
public sealed class IndexModel(TemplatesHandler handler, RegisterLookups lookups, TimeProvider clock) : ListPageModel
{
    public PagedList<TemplateRow> Templates { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    protected override (string? Sort, bool Descending) DefaultOrder => ("year", true);

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    [BindProperty]
    public NewTemplateInput Input { get; set; } = new(null, null, null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var year = clock.SwedishToday().Year;
        Input = new NewTemplateInput(null, year, $"Kvalitetsrapport {year}");
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.CreateTemplateAsync(Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Mallen är skapad med de gemensamma områdenas frågor. Ändra frågorna här eller i Excel.";
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
        Templates = await handler.TemplatesAsync(Query, new TemplateFilter(TemplateKind.Report), cancellationToken);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
    }
}
