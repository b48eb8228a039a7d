using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Evidence.Complaints;

public sealed class EditModel(ComplaintsHandler handler, EvidenceLookups lookups, FileStore files, TimeProvider clock)
    : EditPageModel<EditModel.ComplaintForm>
{
    public List<SelectListItem> Units { get; private set; } = [];

    public sealed class ComplaintForm
    {
        [Display(Name = "inkom")] public DateOnly? ReceivedOn { get; set; }
        [Display(Name = "kanal")] public ComplaintChannel? Channel { get; set; }
        [Display(Name = "enhet")] public Guid? UnitId { get; set; }
        [Display(Name = "kategori")] public ComplaintCategory? Category { get; set; }
        [Display(Name = "allvarlighetsgrad")] public Severity? Severity { get; set; }
        [Display(Name = "sammanfattning"), DataType(DataType.MultilineText)] public string? Summary { get; set; }
        public int Version { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Input.ReceivedOn = clock.SwedishToday();
        return FormAsync(id, cancellationToken);
    }

    protected override async Task<ComplaintForm?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, files, cancellationToken) is not { } complaint ? null : new ComplaintForm
        {
            ReceivedOn = complaint.ReceivedOn,
            Channel = complaint.Channel,
            UnitId = complaint.UnitId,
            Category = complaint.Category,
            Severity = complaint.Severity,
            Summary = complaint.Summary,
            Version = complaint.Version,
        };

    protected override Task<SaveResult> SaveAsync(Guid? id, ComplaintForm form, CancellationToken cancellationToken) =>
        handler.SaveAsync(id, new ComplaintInput(form.ReceivedOn, form.Channel, form.UnitId, form.Category, form.Severity, form.Summary, form.Version),
            cancellationToken);

    protected override string SavedMessage(ComplaintForm form) => "Klagomålet är registrerat.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) => Units = await lookups.UnitsAsync(cancellationToken);
}
