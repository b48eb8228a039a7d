using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.Authorisations;

[Authorize(Policy = Policies.RegisterEditor)]
public sealed class EditModel(AuthorisationsHandler handler, RegisterLookups lookups) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public AuthorisationForm Input { get; set; } = new();

    public List<SelectListItem> Providers { get; private set; } = [];

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    /// <summary>The form as posted. Display names are what model binding's own messages call the fields.</summary>
    public sealed class AuthorisationForm
    {
        [Display(Name = "anordnare")] public Guid? ProviderId { get; set; }
        [Display(Name = "kundval")] public Guid? ChoiceSystemId { get; set; }
        [Display(Name = "typ")] public AgreementKind? Kind { get; set; }
        [Display(Name = "status")] public AuthorisationStatus? Status { get; set; }
        [Display(Name = "diarienummer")] public string? CaseNumber { get; set; }
        [Display(Name = "beslutsdatum")] public DateOnly? DecidedOn { get; set; }
        [Display(Name = "giltig från")] public DateOnly? ValidFrom { get; set; }
        [Display(Name = "giltig till")] public DateOnly? ValidTo { get; set; }
        [Display(Name = "anteckningar")] public string? Notes { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, cancellationToken) is not { } authorisation)
            {
                return NotFound();
            }
            Input = new AuthorisationForm
            {
                ProviderId = authorisation.ProviderId,
                ChoiceSystemId = authorisation.ChoiceSystemId,
                Kind = authorisation.Kind,
                Status = authorisation.Status,
                CaseNumber = authorisation.CaseNumber,
                DecidedOn = authorisation.DecidedOn,
                ValidFrom = authorisation.ValidFrom,
                ValidTo = authorisation.ValidTo,
                Notes = authorisation.Notes,
                Version = authorisation.Version,
            };
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, new AuthorisationInput(
                Input.ProviderId, Input.ChoiceSystemId, Input.Kind, Input.Status, Input.CaseNumber, Input.DecidedOn, Input.ValidFrom,
                Input.ValidTo, Input.Notes, Input.Version), cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = Input.Kind == AgreementKind.Contract ? "Avtalet är sparat." : "Auktorisationen är sparad.";
                return RedirectToPage("Details", new { id = result.Id });
            }
            ModelState.AddFrom(result);
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Providers = await lookups.ProvidersAsync(cancellationToken);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
    }
}
