using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Cycle.Templates;

public sealed class EditModel(TemplatesHandler handler) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    public sealed class TemplateForm
    {
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "beskrivning"), DataType(DataType.MultilineText)] public string? Description { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, cancellationToken) is not { } template)
            {
                return NotFound();
            }
            Input = new TemplateForm { Name = template.Name, Description = template.Description, Version = template.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await handler.SaveAsync(id, new TemplateInput(Input.Name, Input.Description, Input.Version), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = $"Mallen {Input.Name?.Trim()} är sparad.";
            return RedirectToPage("Details", new { id = result.Id });
        }
        ModelState.AddFrom(result);
        return Page();
    }
}
