using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Cycle.Templates;

/// <summary>Adds a step to a template (last) or changes one.</summary>
public sealed class StepModel(TemplatesHandler handler) : PageModel
{
    public Guid TemplateId { get; private set; }

    public Guid? StepId { get; private set; }

    public string TemplateName { get; private set; } = "";

    [BindProperty]
    public StepForm Input { get; set; } = new();

    public List<SelectListItem> Roles { get; private set; } = [];

    public List<SelectListItem> Months { get; private set; } = [];

    public sealed class StepForm
    {
        [Display(Name = "rubrik")] public string? Title { get; set; }
        [Display(Name = "beskrivning"), DataType(DataType.MultilineText)] public string? Description { get; set; }
        [Display(Name = "ansvarig roll")] public string? OwnerRole { get; set; }
        [Display(Name = "månad")] public int? DueMonth { get; set; }
        [Display(Name = "dag")] public int? DueDay { get; set; }
        public int Version { get; set; }
        public int TemplateVersion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid templateId, Guid? stepId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(templateId, stepId, cancellationToken, fillForm: true))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid templateId, Guid? stepId, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.SaveStepAsync(templateId, stepId, new StepInput(
                Input.Title, Input.Description, Input.OwnerRole, Input.DueMonth, Input.DueDay, Input.Version, Input.TemplateVersion), cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = $"Steget {Input.Title?.Trim()} är sparat.";
                return RedirectToPage("Details", new { id = templateId });
            }
            ModelState.AddFrom(result);
        }
        return await LoadAsync(templateId, stepId, cancellationToken, fillForm: false) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid templateId, Guid? stepId, CancellationToken cancellationToken, bool fillForm)
    {
        var template = await handler.GetAsync(templateId, cancellationToken);
        var step = stepId is null ? null : template?.Steps.FirstOrDefault(s => s.Id == stepId);
        if (template is null || (stepId is not null && step is null))
        {
            return false;
        }
        TemplateId = templateId;
        StepId = stepId;
        TemplateName = template.Name;
        if (fillForm)
        {
            Input = step is null
                ? new StepForm { OwnerRole = Uppsikt.Domain.Identity.Roles.QualityDeveloper, TemplateVersion = template.Version }
                : new StepForm
                {
                    Title = step.Title,
                    Description = step.Description,
                    OwnerRole = step.OwnerRole,
                    DueMonth = step.DueMonth,
                    DueDay = step.DueDay,
                    Version = step.Version,
                    TemplateVersion = template.Version,
                };
        }
        Roles = [.. TemplatesHandler.OwnerRoles.Select(r => new SelectListItem(Uppsikt.Domain.Identity.Roles.SwedishName(r), r, r == Input.OwnerRole))];
        Months = [.. Enumerable.Range(1, 12).Select(m => new SelectListItem(
            SwedishText.Culture.DateTimeFormat.GetMonthName(m), m.ToString(CultureInfo.InvariantCulture), m == Input.DueMonth))];
        return true;
    }
}
