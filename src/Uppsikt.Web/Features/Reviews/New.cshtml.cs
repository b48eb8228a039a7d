using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>
/// Plans a review. The choice system is chosen first (a form of its own, so the page works without script), then the type,
/// the unit or units among those serving it, the day and what the decision must say.
/// </summary>
public sealed class NewModel(ReviewsHandler handler, RegisterLookups lookups, TimeProvider clock, ICurrentActor actor) : PageModel
{
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public List<SelectListItem> Units { get; private set; } = [];

    public List<SelectListItem> EarlierReviews { get; private set; } = [];

    public WorkflowActor Actor { get; private set; } = null!;

    public string? ChoiceSystemName { get; private set; }

    public sealed class PlanForm
    {
        [Display(Name = "typ")] public ReviewType? Type { get; set; }
        [Display(Name = "rubrik")] public string? Title { get; set; }
        [Display(Name = "kundval")] public Guid? ChoiceSystemId { get; set; }
        [Display(Name = "enheter")] public List<Guid> UnitIds { get; set; } = [];
        [Display(Name = "planerad dag")] public DateOnly? PlannedFor { get; set; }
        [Display(Name = "skäl"), DataType(DataType.MultilineText)] public string? Reason { get; set; }
        [Display(Name = "diarienummer")] public string? CaseNumber { get; set; }
        [Display(Name = "besök")] public VisitMode? VisitMode { get; set; } = Domain.Reviews.VisitMode.OnSite;
        [Display(Name = "granskningen som följs upp")] public Guid? FollowsUpReviewId { get; set; }
    }

    /// <summary>A type as the form offers it: whether the actor may decide it, and in a sentence what it takes.</summary>
    public sealed record TypeChoice(ReviewType Type, bool Allowed, string Explanation);

    public IReadOnlyList<TypeChoice> Types => [.. Enum.GetValues<ReviewType>().Select(t => new TypeChoice(t, Actor.IsIn([.. ReviewTypes.DecidedBy(t)]), Explain(t)))];

    public async Task<IActionResult> OnGetAsync(Guid? choiceSystemId, ReviewType? type, Guid? unitId, CancellationToken cancellationToken)
    {
        if (!WorkflowActors.From(actor).IsIn(ReviewsHandler.ReviewRoles))
        {
            return Forbid();
        }
        Input = new PlanForm
        {
            ChoiceSystemId = choiceSystemId,
            Type = type,
            UnitIds = unitId is { } unit ? [unit] : [],
            PlannedFor = clock.SwedishToday().AddMonths(1),
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.PlanAsync(
                new PlanReviewInput(Input.Type, Input.Title, Input.ChoiceSystemId, Input.UnitIds, Input.PlannedFor, Input.Reason, Input.CaseNumber,
                    Input.VisitMode, Input.FollowsUpReviewId),
                WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Granskningen är planerad.";
                return RedirectToPage("Details", new { id = result.Id });
            }
            if (this.Refused(result) is { } refused)
            {
                return refused;
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Actor = WorkflowActors.From(actor);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        ChoiceSystems.ForEach(c => c.Selected = c.Value == Input.ChoiceSystemId?.ToString());
        ChoiceSystemName = ChoiceSystems.FirstOrDefault(c => c.Selected)?.Text;
        if (ChoiceSystemName is null)
        {
            Input.ChoiceSystemId = null;
            return;
        }
        Units = await handler.UnitOptionsAsync(Input.ChoiceSystemId, Input.UnitIds, cancellationToken);
        EarlierReviews = await handler.EarlierReviewOptionsAsync(Input.FollowsUpReviewId, cancellationToken);
    }

    private static string Explain(ReviewType type)
    {
        var deciders = ReviewTypes.DecidedBy(type).Where(r => r != R.Administrator).Select(r => R.SwedishName(r).ToLowerInvariant()).ToList();
        var parts = new List<string> { "Beslutas av " + (deciders.Count == 1 ? deciders[0] : string.Join(", ", deciders[..^1]) + " eller " + deciders[^1]) };
        if (ReviewTypes.LedBy(type).SequenceEqual(ReviewTypes.Reviewers) && !ReviewTypes.DecidedBy(type).SequenceEqual(ReviewTypes.Reviewers))
        {
            parts.Add("leds av en kvalitetsutvecklare eller uppföljare");
        }
        if (ReviewTypes.RequiresVisit(type))
        {
            parts.Add("görs alltid med besök");
        }
        if (ReviewTypes.AllowsSeveralUnits(type))
        {
            parts.Add("kan omfatta flera enheter hos samma anordnare");
        }
        if (ReviewTypes.RequiresReason(type))
        {
            parts.Add("skälet ska anges");
        }
        if (ReviewTypes.RequiresEarlierReview(type))
        {
            parts.Add("anger granskningen som följs upp");
        }
        if (type switch
        {
            ReviewType.PreschoolSupervision => "bara för fristående förskolor",
            ReviewType.PreschoolInsight => "bara för kommunens egna förskolor",
            ReviewType.ContractFollowUp => "inte för verksamhet i egen regi",
            _ => null,
        } is { } scope)
        {
            parts.Add(scope);
        }
        return string.Join("; ", parts) + ".";
    }
}
