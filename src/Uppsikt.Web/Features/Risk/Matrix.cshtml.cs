using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Risk;

/// <summary>
/// A committee's risk matrix: the steps of likelihood and consequence with their labels and the bands of the score, shown as a
/// table with each cell's score and band in words. The form has room for five steps and six bands; empty rows are not used.
/// </summary>
public sealed class MatrixModel(RiskSettingsHandler handler, RegisterLookups lookups, IAuthorizationService authorization)
    : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public const int BandRows = 6;

    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty]
    public List<string?> LikelihoodLabels { get; set; } = [];

    [BindProperty]
    public List<string?> ConsequenceLabels { get; set; } = [];

    [BindProperty]
    public List<BandInput> Bands { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public MatrixView? Matrix { get; private set; }

    public List<SelectListItem> Committees { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return CommitteeId is null ? Page() : NotFound();
        }
        LikelihoodLabels = [.. Matrix!.LikelihoodLabels];
        ConsequenceLabels = [.. Matrix.ConsequenceLabels];
        Bands = [.. Matrix.Bands.Select(b => new BandInput(b.FromScore, b.Name, b.Colour))];
        Version = Matrix.Version;
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
        var result = await handler.SaveMatrixAsync(CommitteeId!.Value, new MatrixInput(LikelihoodLabels, ConsequenceLabels, Bands, Version), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Riskmatrisen för {Matrix!.CommitteeName} är sparad.";
            return RedirectToPage(new { CommitteeId });
        }
        return this.Refused(result, field => field) ?? Page();
    }

    /// <summary>The label entered for a step, or empty for a row not in use.</summary>
    public static string At(List<string?> labels, int index) => index < labels.Count ? labels[index] ?? "" : "";

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Committees = await lookups.CommitteesAsync(cancellationToken);
        if (await lookups.CommitteeOrFirstAsync(CommitteeId, cancellationToken) is not { } committee)
        {
            return false;
        }
        CommitteeId = committee.Id;
        RegisterLookups.MarkSelected(Committees, committee.Id);
        Matrix = await handler.MatrixAsync(committee.Id, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, RiskModule.SettingsPolicy)).Succeeded;
        return true;
    }
}
