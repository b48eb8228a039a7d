using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Authorisations;

public sealed class EditModel(AuthorisationsHandler handler, RegisterLookups lookups) : EditPageModel<EditModel.AuthorisationForm>
{
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
        [Display(Name = "anteckningar"), DataType(DataType.MultilineText)] public string? Notes { get; set; }
        public int Version { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => FormAsync(id, cancellationToken);

    protected override async Task<AuthorisationForm?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is not { } authorisation ? null : new AuthorisationForm
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

    protected override Task<SaveResult> SaveAsync(Guid? id, AuthorisationForm form, CancellationToken cancellationToken) =>
        handler.SaveAsync(id, new AuthorisationInput(
            form.ProviderId, form.ChoiceSystemId, form.Kind, form.Status, form.CaseNumber, form.DecidedOn, form.ValidFrom,
            form.ValidTo, form.Notes, form.Version), cancellationToken);

    protected override string SavedMessage(AuthorisationForm form) =>
        form.Kind == AgreementKind.Contract ? "Avtalet är sparat." : "Auktorisationen är sparad.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Providers = await lookups.ProvidersAsync(cancellationToken);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
    }
}
