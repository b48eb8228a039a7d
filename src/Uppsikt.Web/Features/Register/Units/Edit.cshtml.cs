using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.Units;

[Authorize(Policy = Policies.RegisterEditor)]
public sealed class EditModel(UnitsHandler handler, RegisterLookups lookups) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public UnitForm Input { get; set; } = new();

    public List<SelectListItem> Providers { get; private set; } = [];

    public List<SelectListItem> Administrations { get; private set; } = [];

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    /// <summary>The form as posted. Display names are what model binding's own messages call the fields.</summary>
    public sealed class UnitForm
    {
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "anordnare")] public Guid? ProviderId { get; set; }
        [Display(Name = "regiform")] public Ownership? Ownership { get; set; }
        [Display(Name = "gatuadress")] public string? StreetAddress { get; set; }
        [Display(Name = "postnummer")] public string? PostalCode { get; set; }
        [Display(Name = "ort")] public string? City { get; set; }
        [Display(Name = "kapacitet")] public int? Capacity { get; set; }
        [Display(Name = "Kolada-id")] public string? KoladaId { get; set; }
        [Display(Name = "uppföljande förvaltning")] public Guid? AdministrationId { get; set; }
        [Display(Name = "nedlagd den")] public DateOnly? ClosedOn { get; set; }
        [Display(Name = "kundval")] public List<Guid> ChoiceSystemIds { get; set; } = [];
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, cancellationToken) is not { } unit)
            {
                return NotFound();
            }
            Input = new UnitForm
            {
                Name = unit.Name, ProviderId = unit.ProviderId, Ownership = unit.Ownership, StreetAddress = unit.StreetAddress,
                PostalCode = unit.PostalCode, City = unit.City, Capacity = unit.Capacity, KoladaId = unit.KoladaId,
                AdministrationId = unit.AdministrationId, ClosedOn = unit.ClosedOn,
                ChoiceSystemIds = [.. unit.ChoiceSystems.Select(c => c.Id)], Version = unit.Version,
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
            var result = await handler.SaveAsync(id, new UnitInput(
                Input.Name, Input.ProviderId, Input.Ownership, Input.StreetAddress, Input.PostalCode, Input.City, Input.Capacity,
                Input.KoladaId, Input.AdministrationId, Input.ClosedOn, Input.ChoiceSystemIds, Input.Version), cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = $"Enheten {Input.Name?.Trim()} är sparad.";
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
        Administrations = await lookups.AdministrationsAsync(cancellationToken);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
    }
}
