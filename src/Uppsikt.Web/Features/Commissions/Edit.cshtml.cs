using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Commissions;

/// <summary>The council board's staff register a commission the council board gave, or correct one not yet reported.</summary>
public sealed class EditModel(CommissionsHandler handler, RegisterLookups lookups, ICurrentActor actor) : EditPageModel<EditModel.Form>
{
    public sealed class Form
    {
        public string? Title { get; set; }
        [DataType(DataType.MultilineText)] public string? Description { get; set; }
        public Guid? CommitteeId { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public string? Paragraph { get; set; }
        public string? CaseNumber { get; set; }
        public DateOnly? DueOn { get; set; }
        public int Version { get; set; }
    }

    public List<SelectListItem> Committees { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => FormAsync(id, cancellationToken);

    protected override async Task<Form?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } c
            ? new Form
            {
                Title = c.Title,
                Description = c.Description,
                CommitteeId = c.CommitteeId,
                DecidedOn = c.Decision.DecidedOn,
                Paragraph = c.Decision.Paragraph,
                CaseNumber = c.Decision.CaseNumber,
                DueOn = c.DueOn,
                Version = c.Version,
            }
            : null;

    protected override Task<SaveResult> SaveAsync(Guid? id, Form form, CancellationToken cancellationToken)
    {
        var input = new CommissionForm(form.Title, form.Description, form.CommitteeId, form.DecidedOn, form.Paragraph, form.CaseNumber, form.DueOn, form.Version);
        return id is { } existing
            ? handler.EditAsync(existing, input, WorkflowActors.From(actor), cancellationToken)
            : handler.GiveAsync(input, WorkflowActors.From(actor), cancellationToken);
    }

    protected override string SavedMessage(Form form) => Id is null ? "Uppdraget är registrerat." : "Uppdraget är ändrat.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Committees = await lookups.CommitteesAsync(cancellationToken);
}
