using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>Registers a deficiency from a serious complaint or incident, in an action plan of its own for the provider.</summary>
public sealed class NewModel(ActionPlansHandler handler, ICurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DeficiencyOrigin? Origin { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? MatterId { get; set; }

    [BindProperty]
    public DeficiencyForm Input { get; set; } = new();

    public MatterView Matter { get; private set; } = null!;

    public sealed class DeficiencyForm
    {
        public Assessment? Severity { get; set; } = Assessment.SeriousDeficiency;
        public string? Area { get; set; }
        [DataType(DataType.MultilineText)] public string? Description { get; set; }
        [DataType(DataType.MultilineText)] public string? RequiredAction { get; set; }
        public int? FixWithinMonths { get; set; } = Review.DefaultFixMonths;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var result = await handler.RegisterAsync(new NewDeficiencyInput(Origin, MatterId, Input.Severity, Input.Area, Input.Description, Input.RequiredAction,
            Input.FixWithinMonths, null), WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Bristen är registrerad. Anordnaren har fått besked om att lämna en åtgärdsplan.";
            return Redirect(ActionPlansHandler.PlanUrl(result.Id!.Value));
        }
        return this.Refused(result) ?? Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Origin is not (DeficiencyOrigin.Complaint or DeficiencyOrigin.Incident) || MatterId is not { } id
            || await handler.MatterViewAsync(Origin.Value, id, cancellationToken) is not { } matter)
        {
            return false;
        }
        Matter = matter;
        return true;
    }
}
