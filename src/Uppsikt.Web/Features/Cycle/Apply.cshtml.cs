using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Features.Cycle.Templates;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Cycle;

/// <summary>Applies a template to a committee and a year: first choose (a GET form), then confirm the owners (a POST).</summary>
public sealed class ApplyModel(CycleTasksHandler handler, TemplatesHandler templates, RegisterLookups lookups, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ApplyForm Input { get; set; } = new();

    public IReadOnlyList<PlannedTask>? Plan { get; private set; }

    public List<Person> People { get; private set; } = [];

    public List<SelectListItem> Committees { get; private set; } = [];

    public List<SelectListItem> Templates { get; private set; } = [];

    public sealed class ApplyForm
    {
        [Display(Name = "nämnd")] public Guid? CommitteeId { get; set; }
        [Display(Name = "mall")] public Guid? TemplateId { get; set; }
        [Display(Name = "år")] public int? Year { get; set; }
        [Display(Name = "ansvarig")] public Dictionary<Guid, string?> Owners { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Year ??= clock.SwedishToday().Year;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.ApplyAsync(new ApplyInput(Input.CommitteeId, Input.TemplateId, Input.Year, Input.Owners), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Årshjulet är tillämpat och uppgifterna är skapade.";
                return Redirect($"/Cycle?CommitteeId={Input.CommitteeId}&Year={Input.Year}");
            }
            ModelState.AddFrom(result);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Committees = await lookups.CommitteesAsync(cancellationToken);
        Templates = [.. (await templates.ListAsync(cancellationToken)).Select(t => new SelectListItem(t.Name, t.Id.ToString()))];
        People = await handler.PeopleAsync(cancellationToken);
        if (Input is { CommitteeId: { } committee, TemplateId: { } template, Year: { } year })
        {
            Plan = await handler.PlanAsync(committee, template, year, cancellationToken);
        }
    }
}
