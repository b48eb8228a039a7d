using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Committees;

public sealed class EditModel(CommitteesHandler handler, RegisterLookups lookups) : EditPageModel<EditModel.CommitteeForm>
{
    public List<SelectListItem> Administrations { get; private set; } = [];

    /// <summary>The form as posted. Display names are what model binding's own messages call the fields.</summary>
    public sealed class CommitteeForm
    {
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "beskrivning"), DataType(DataType.MultilineText)] public string? Description { get; set; }
        [Display(Name = "förvaltning")] public Guid? AdministrationId { get; set; }
        public int Version { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => FormAsync(id, cancellationToken);

    protected override async Task<CommitteeForm?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is not { } committee ? null : new CommitteeForm
        {
            Name = committee.Name,
            Description = committee.Description,
            AdministrationId = committee.AdministrationId,
            Version = committee.Version,
        };

    protected override Task<SaveResult> SaveAsync(Guid? id, CommitteeForm form, CancellationToken cancellationToken) =>
        handler.SaveAsync(id, new CommitteeInput(form.Name, form.Description, form.AdministrationId, form.Version), cancellationToken);

    protected override string SavedMessage(CommitteeForm form) => $"Nämnden {form.Name?.Trim()} är sparad.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Administrations = await lookups.AdministrationsAsync(cancellationToken);
}
