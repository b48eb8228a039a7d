using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Sanctions;

/// <summary>Proposes a sanction for deficiencies in an action plan, among the sanctions their conditions allow.</summary>
public sealed class NewModel(SanctionsHandler handler, ICurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ActionPlanId { get; set; }

    [BindProperty]
    public List<Guid> DeficiencyIds { get; set; } = [];

    [BindProperty]
    public SanctionType? Type { get; set; }

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Motivation { get; set; }

    public ProposalForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        // A persisting or serious open deficiency is the likely reason; start with those chosen.
        DeficiencyIds = [.. Form.Deficiencies.Where(d => !d.UnderOpenProposal && d.Allowed.Count > 0
            && (d.PersistCount > 0 || d.Severity == Domain.Reviews.Assessment.SeriousDeficiency)).Select(d => d.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var result = await handler.ProposeAsync(new ProposeInput(ActionPlanId, DeficiencyIds, Type, Motivation), WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Förslaget är registrerat. Gruppchefen har fått det för bedömning.";
            return Redirect(SanctionsHandler.Url(result.Id!.Value));
        }
        return this.Refused(result) ?? Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (ActionPlanId is not { } id || await handler.ProposalFormAsync(id, cancellationToken) is not { } form)
        {
            return false;
        }
        Form = form;
        return true;
    }
}
