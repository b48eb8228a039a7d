using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Risk;

/// <summary>A committee's weight for each signal, documented with what the signal counts; changes are audited like any write.</summary>
public sealed class WeightsModel(RiskSettingsHandler handler, RegisterLookups lookups, IAuthorizationService authorization)
    : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    /// <summary>The weights as typed: read here, so that "2,5" and "2.5" both work and a word is refused by its signal's name.</summary>
    [BindProperty]
    public Dictionary<RiskSignalKind, string?> Weights { get; set; } = [];

    public string CommitteeName { get; private set; } = "";

    public IReadOnlyList<WeightView> Current { get; private set; } = [];

    public List<SelectListItem> Committees { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return CommitteeId is null ? Page() : NotFound();
        }
        Weights = Current.ToDictionary(w => w.Kind, w => (string?)SwedishText.Decimal(w.Weight));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var weights = new Dictionary<RiskSignalKind, decimal?>();
        var unreadable = new List<Domain.Refusal>();
        foreach (var (kind, typed) in Weights.Where(w => Enum.IsDefined(w.Key)))
        {
            if (SwedishText.TryReadDecimal(typed, out var weight))
            {
                weights[kind] = weight;
            }
            else
            {
                unreadable.Add(Domain.Refusal.Invalid($"Ange vikten för {kind.Name().ToLower(SwedishText.Culture)} som ett tal, till exempel 8 eller 2,5.",
                    RiskSettingsHandler.WeightField(kind)));
            }
        }
        var result = unreadable.Count > 0 ? SaveResult.Refused(unreadable)
            : await handler.SaveWeightsAsync(CommitteeId!.Value, new WeightsInput(weights), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Vikterna för {CommitteeName} är sparade. Rangordningen räknas med dem från och med nu.";
            return RedirectToPage(new { CommitteeId });
        }
        return this.Refused(result, field => field) ?? Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Committees = await lookups.CommitteesAsync(cancellationToken);
        if (await lookups.CommitteeOrFirstAsync(CommitteeId, cancellationToken) is not { } committee)
        {
            return false;
        }
        (CommitteeId, CommitteeName) = committee;
        RegisterLookups.MarkSelected(Committees, committee.Id);
        Current = (await handler.WeightsAsync(committee.Id, cancellationToken))!;
        CanEdit = (await authorization.AuthorizeAsync(User, RiskModule.SettingsPolicy)).Succeeded;
        return true;
    }
}
