using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Indicators;

/// <summary>
/// Lika villkor (decision 0041): an indicator's whole-year results of one year, the in-house units pooled against the private
/// ones and each unit against the municipality's pooled result, with n, the 95 % interval and a verdict. The rows are computed,
/// so they are sorted and paged in memory.
/// </summary>
public sealed class EqualTermsModel(ResultComparison comparison, IndicatorsHandler indicators, RegisterLookups lookups) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? IndicatorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ChoiceSystemId { get; set; }

    /// <summary>Only in-house units (true), only the others (false) or both.</summary>
    [BindProperty(SupportsGet = true)]
    public bool? InHouse { get; set; }

    public EqualTermsComparison? Comparison { get; private set; }

    public List<SelectListItem> Indicators { get; private set; } = [];

    public List<SelectListItem> Years { get; private set; } = [];

    public List<SelectListItem> Committees { get; private set; } = [];

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Indicators = [.. (await indicators.ListAsync(cancellationToken)).Select(i => new SelectListItem($"{i.Code} – {i.Name}", i.Id.ToString()))];
        Committees = await lookups.CommitteesAsync(cancellationToken);
        RegisterLookups.MarkSelected(Committees, CommitteeId);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        RegisterLookups.MarkSelected(ChoiceSystems, ChoiceSystemId);
        var (compared, refused) = await comparison.CompareAsync(new EqualTermsFilter(IndicatorId, Year, CommitteeId, ChoiceSystemId, InHouse), Query, cancellationToken);
        if (refused is not null)
        {
            ViewData["ErrorHeading"] = "Jämförelsen kunde inte visas";
            return this.Refused(refused, field => char.ToUpperInvariant(field[0]) + field[1..]) ?? Page();
        }
        Comparison = compared;
        if (compared is not null)
        {
            RegisterLookups.MarkSelected(Indicators, compared.IndicatorId);
            Years = [.. compared.Years.Append(compared.Year).Distinct().OrderDescending()
                .Select(y => new SelectListItem(y.ToString(SwedishText.Culture), y.ToString(SwedishText.Culture), y == compared.Year))];
        }
        return Page();
    }
}
