using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Risk.Analyses;

/// <summary>Adds a risk to a draft analysis, or changes one (<see cref="ItemId"/>): the condition or requirement, the assessment and the mitigation.</summary>
public sealed class ItemModel(RiskAnalysesHandler handler, ICurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ItemId { get; set; }

    [BindProperty]
    public ItemForm Input { get; set; } = new();

    public AnalysisDetails Analysis { get; private set; } = null!;

    public IReadOnlyList<ConditionInForce> Conditions { get; private set; } = [];

    public sealed class ItemForm
    {
        public Guid? ConditionId { get; set; }
        public string? Requirement { get; set; }
        [DataType(DataType.MultilineText)] public string? Description { get; set; }
        public int? Likelihood { get; set; }
        public int? Consequence { get; set; }
        public RiskPriority? Priority { get; set; }
        [DataType(DataType.MultilineText)] public string? Mitigation { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input.Version = Analysis.Version;
        if (ItemId is { } itemId)
        {
            if (Analysis.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return NotFound();
            }
            Input = new ItemForm
            {
                ConditionId = item.ConditionId,
                Requirement = item.Requirement,
                Description = item.Description,
                Likelihood = item.Likelihood,
                Consequence = item.Consequence,
                Priority = item.Priority,
                Mitigation = item.Mitigation,
                Version = Analysis.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var input = new ItemInput(Input.ConditionId, Input.Requirement, Input.Description, Input.Likelihood, Input.Consequence, Input.Priority, Input.Mitigation, Input.Version);
        var result = ItemId is { } itemId
            ? await handler.UpdateItemAsync(id, itemId, input, WorkflowActors.From(actor), cancellationToken)
            : await handler.AddItemAsync(id, input, WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = ItemId is null ? "Risken är tillagd." : "Risken är ändrad.";
            return Redirect($"/Risk/Analyses/Details/{id}");
        }
        return this.Refused(result) ?? Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } analysis)
        {
            return false;
        }
        Analysis = analysis;
        Conditions = await handler.ConditionsAsync(analysis.ChoiceSystemId, analysis.Year, cancellationToken);
        return true;
    }
}
