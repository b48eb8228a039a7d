using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Units;

public sealed class EditModel(UnitsHandler handler, RegisterLookups lookups) : EditPageModel<EditModel.UnitForm>
{
    public List<SelectListItem> Providers { get; private set; } = [];

    public List<SelectListItem> Administrations { get; private set; } = [];

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public List<SelectListItem> ResponsiblePeople { get; private set; } = [];

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
        [Display(Name = "ansvarig kvalitetsutvecklare")] public string? ResponsibleUserId { get; set; }
        [Display(Name = "nedlagd den")] public DateOnly? ClosedOn { get; set; }
        [Display(Name = "kundval")] public List<Guid> ChoiceSystemIds { get; set; } = [];
        public int Version { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => FormAsync(id, cancellationToken);

    protected override async Task<UnitForm?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is not { } unit ? null : new UnitForm
        {
            Name = unit.Name,
            ProviderId = unit.ProviderId,
            Ownership = unit.Ownership,
            StreetAddress = unit.StreetAddress,
            PostalCode = unit.PostalCode,
            City = unit.City,
            Capacity = unit.Capacity,
            KoladaId = unit.KoladaId,
            AdministrationId = unit.AdministrationId,
            ClosedOn = unit.ClosedOn,
            ResponsibleUserId = unit.ResponsibleUserId,
            ChoiceSystemIds = [.. unit.ChoiceSystems.Select(c => c.Id)],
            Version = unit.Version,
        };

    protected override Task<SaveResult> SaveAsync(Guid? id, UnitForm form, CancellationToken cancellationToken) =>
        handler.SaveAsync(id, new UnitInput(
            form.Name, form.ProviderId, form.Ownership, form.StreetAddress, form.PostalCode, form.City, form.Capacity,
            form.KoladaId, form.AdministrationId, form.ClosedOn, form.ChoiceSystemIds, form.Version, form.ResponsibleUserId), cancellationToken);

    protected override string SavedMessage(UnitForm form) => $"Enheten {form.Name?.Trim()} är sparad.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Providers = await lookups.ProvidersAsync(cancellationToken);
        Administrations = await lookups.AdministrationsAsync(cancellationToken);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        ResponsiblePeople = await lookups.ResponsiblePeopleAsync(cancellationToken);
    }
}
