using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.ChoiceSystems;

[Authorize(Policy = Policies.RegisterEditor)]
public sealed class EditModel(ChoiceSystemsHandler handler, RegisterLookups lookups) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public ChoiceSystemForm Input { get; set; } = new();

    public List<SelectListItem> Committees { get; private set; } = [];

    /// <summary>The form as posted. Display names are what model binding's own messages call the fields.</summary>
    public sealed class ChoiceSystemForm
    {
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "nämnd")] public Guid? CommitteeId { get; set; }
        [Display(Name = "lagstöd")] public LegalBasis? LegalBasis { get; set; }
        [Display(Name = "driftform")] public OperatingForm? OperatingForm { get; set; }
        [Display(Name = "beskrivning")] public string? Description { get; set; }
        [Display(Name = "avvecklat den")] public DateOnly? PhasedOutOn { get; set; }
        [Display(Name = "Kolada-enhetstyper")] public string? KoladaUnitTypes { get; set; }
        public int Version { get; set; }
    }

    /// <summary>Shows the form; a new choice system may come with its committee chosen (from the committee's page).</summary>
    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? committeeId, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, cancellationToken) is not { } choice)
            {
                return NotFound();
            }
            Input = new ChoiceSystemForm
            {
                Name = choice.Name,
                CommitteeId = choice.CommitteeId,
                LegalBasis = choice.LegalBasis,
                OperatingForm = choice.OperatingForm,
                Description = choice.Description,
                PhasedOutOn = choice.PhasedOutOn,
                KoladaUnitTypes = string.Join(", ", choice.KoladaUnitTypes),
                Version = choice.Version,
            };
        }
        else
        {
            Input.CommitteeId = committeeId;
        }
        Committees = await lookups.CommitteesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, new ChoiceSystemInput(
                Input.Name, Input.CommitteeId, Input.LegalBasis, Input.OperatingForm, Input.Description, Input.PhasedOutOn,
                Input.KoladaUnitTypes, Input.Version), cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = $"Kundvalet {Input.Name?.Trim()} är sparat.";
                return RedirectToPage("Details", new { id = result.Id });
            }
            ModelState.AddFrom(result);
        }
        Committees = await lookups.CommitteesAsync(cancellationToken);
        return Page();
    }
}
