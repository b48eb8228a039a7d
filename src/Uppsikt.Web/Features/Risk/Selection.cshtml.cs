using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Risk;

/// <summary>
/// The year's risk-based selection: the capacity in hours (central, per district, per review type), the share for the highest
/// risks and the seed give a proposal (a GET, so the same figures give the same page); the group manager accepts it, which keeps
/// it with its method and seed and plans the reviews. Once accepted, the page shows the accepted selection.
/// </summary>
public sealed class SelectionModel(SelectionHandler handler, RegisterLookups lookups, ICurrentActor actor, TimeProvider clock) : PageModel
{
    /// <summary>The hours a review of each type takes unless the form says otherwise: preparation, visit, report.</summary>
    public static decimal DefaultHours(ReviewType type) => type switch
    {
        ReviewType.FollowUpReview => 8m,
        ReviewType.ContractFollowUp => 16m,
        _ => 24m,
    };

    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The central unit's hours, read by <see cref="ReadHours"/> like the others: "7,5" is seven and a half in the address too.</summary>
    public decimal? CentralHours { get; private set; }

    /// <summary>Each district's hours, read from <c>DistrictHours[id]</c> by <see cref="ReadHours"/> (a bound dictionary would take every other field as a key when none is given).</summary>
    public Dictionary<Guid, decimal?> DistrictHours { get; } = [];

    /// <summary>Each review type's hours, from <c>HoursPerType[Type]</c>.</summary>
    public Dictionary<ReviewType, decimal?> HoursPerType { get; } = [];

    [BindProperty(SupportsGet = true)]
    public int? RiskSharePercent { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Seed { get; set; }

    /// <summary>Set by the form's button: show the proposal for the figures.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Propose { get; set; }

    public SelectionForm? Form { get; private set; }

    public SelectionView? Proposal { get; private set; }

    public SelectionView? Accepted { get; private set; }

    public List<SelectListItem> Committees { get; private set; } = [];

    public bool CanAccept => actor.Roles.Any(SelectionHandler.Accepters.Contains);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return CommitteeId is null ? Page() : NotFound();
        }
        if (Accepted is null && Propose && ModelState.IsValid)
        {
            var (view, refused) = await handler.ProposeAsync(Input(), cancellationToken);
            Proposal = view;
            if (refused is not null)
            {
                return this.Refused(refused, field => field) ?? Page();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var result = await handler.AcceptAsync(Input(), WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Urvalet för {Year} är antaget och granskningarna är planerade.";
            return RedirectToPage(new { CommitteeId, Year });
        }
        var refusal = this.Refused(result, field => field);
        Proposal = (await handler.ProposeAsync(Input(), cancellationToken)).View;
        return refusal ?? Page();
    }

    private SelectionInput Input() => new(CommitteeId, Year, CentralHours, DistrictHours, HoursPerType, RiskSharePercent, Seed);

    /// <summary>Reads the hours (central, per district, per review type) from the form or the address; a figure that is no number is refused by its field.</summary>
    private void ReadHours()
    {
        var fields = Request.HasFormContentType ? Request.Form.Select(f => (f.Key, Value: f.Value.ToString()))
            : Request.Query.Select(q => (q.Key, Value: q.Value.ToString()));
        foreach (var (key, value) in fields)
        {
            if (key == nameof(CentralHours))
            {
                CentralHours = Hours(key, value);
                continue;
            }
            var district = key.StartsWith("DistrictHours[", StringComparison.Ordinal) && key.EndsWith(']') && Guid.TryParse(key[14..^1], out var id) ? id : (Guid?)null;
            var type = key.StartsWith("HoursPerType[", StringComparison.Ordinal) && key.EndsWith(']') && Enum.TryParse<ReviewType>(key[13..^1], out var t) && Enum.IsDefined(t)
                ? t : (ReviewType?)null;
            if (district is null && type is null)
            {
                continue;
            }
            var hours = Hours(key, value);
            if (district is { } d)
            {
                DistrictHours[d] = hours;
            }
            else
            {
                HoursPerType[type!.Value] = hours;
            }
        }
    }

    private decimal? Hours(string key, string value)
    {
        if (SwedishText.TryReadDecimal(value, out var hours))
        {
            return hours;
        }
        ModelState.AddModelError(key, $"Ange timmarna som ett tal, till exempel 24 eller 7,5 (”{value}”).");
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        ReadHours();
        Committees = await lookups.CommitteesAsync(cancellationToken);
        Form = await handler.FormAsync(CommitteeId, cancellationToken);
        if (Form is null)
        {
            return false;
        }
        CommitteeId = Form.CommitteeId;
        RegisterLookups.MarkSelected(Committees, Form.CommitteeId);
        // The selection is made in the autumn for the coming year, from a random seed written down with it.
        Year ??= clock.SwedishToday().Year + 1;
        CentralHours ??= 400m;
        RiskSharePercent ??= 70;
        Seed ??= Year * 100 + 1;
        foreach (var district in Form.Districts)
        {
            DistrictHours.TryAdd(district.Id, 100m);
        }
        foreach (var type in Form.Types)
        {
            HoursPerType.TryAdd(type, DefaultHours(type));
        }
        Accepted = Year is { } year && FollowUpYear.IsValid(year)
            ? await handler.AcceptedAsync(Form.CommitteeId, year, cancellationToken)
            : null;
        return true;
    }
}
