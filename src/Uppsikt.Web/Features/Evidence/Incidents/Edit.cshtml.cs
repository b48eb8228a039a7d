using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Evidence.Incidents;

public sealed class EditModel(IncidentsHandler handler, EvidenceLookups lookups, FileStore files, TimeProvider clock)
    : EditPageModel<EditModel.IncidentForm>
{
    public List<SelectListItem> Units { get; private set; } = [];

    public bool IsProvider => User.IsProviderUser();

    public sealed class IncidentForm
    {
        [Display(Name = "typ")] public IncidentKind? Kind { get; set; }
        [Display(Name = "allvarlighetsgrad")] public Severity? Severity { get; set; }
        [Display(Name = "inträffade")] public DateOnly? OccurredOn { get; set; }
        [Display(Name = "enhet")] public Guid? UnitId { get; set; }
        [Display(Name = "beskrivning"), DataType(DataType.MultilineText)] public string? Summary { get; set; }
        [Display(Name = "åtgärder"), DataType(DataType.MultilineText)] public string? Actions { get; set; }
        [Display(Name = "underlagskälla")] public EvidenceSource? Source { get; set; }
        public int Version { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Input.OccurredOn = clock.SwedishToday();
        return FormAsync(id, cancellationToken);
    }

    protected override async Task<IncidentForm?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, files, cancellationToken) is not { } incident ? null : new IncidentForm
        {
            Kind = incident.Kind,
            Severity = incident.Severity,
            OccurredOn = incident.OccurredOn,
            UnitId = incident.UnitId,
            Summary = incident.Summary,
            Actions = incident.Actions,
            Source = incident.Source,
            Version = incident.Version,
        };

    protected override Task<SaveResult> SaveAsync(Guid? id, IncidentForm form, CancellationToken cancellationToken) =>
        handler.SaveAsync(id, new IncidentInput(form.Kind, form.Severity, form.OccurredOn, form.UnitId, form.Summary, form.Actions, form.Source,
            form.Version), cancellationToken);

    protected override string SavedMessage(IncidentForm form) => "Händelsen är sparad.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) => Units = await lookups.UnitsAsync(cancellationToken);
}
