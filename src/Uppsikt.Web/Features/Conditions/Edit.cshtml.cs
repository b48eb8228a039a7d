using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Conditions;

/// <summary>A new condition, or a new version of one: an adopted condition is never changed in place.</summary>
public sealed class EditModel(ConditionsHandler handler, ConditionsInForce inForce, RegisterLookups lookups, TimeProvider clock) : PageModel
{
    public Guid? Id { get; private set; }

    public ConditionDetails? Existing { get; private set; }

    [BindProperty]
    public ConditionForm Input { get; set; } = new();

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public List<QualityAreaRef> QualityAreas { get; private set; } = [];

    public sealed class ConditionForm
    {
        [Display(Name = "typ av villkor")] public ConditionScope? Scope { get; set; }
        [Display(Name = "kundval")] public Guid? ChoiceSystemId { get; set; }
        [Display(Name = "kod")] public string? Code { get; set; }
        [Display(Name = "del")] public string? Part { get; set; }
        [Display(Name = "gäller från")] public DateOnly? ValidFrom { get; set; }
        [Display(Name = "beslut")] public string? DecisionReference { get; set; }
        [Display(Name = "rubrik")] public string? Title { get; set; }
        [Display(Name = "villkorets text"), DataType(DataType.MultilineText)] public string? Text { get; set; }
        [Display(Name = "kontrollpunkter"), DataType(DataType.MultilineText)] public string? ControlPoints { get; set; }
        [Display(Name = "uppföljningstillfällen")] public List<FollowUpOccasion> FollowUpOccasions { get; set; } = [];
        [Display(Name = "sanktioner")] public List<SanctionType> Sanctions { get; set; } = [];
        [Display(Name = "kvalitetsområden")] public List<Guid> QualityAreaIds { get; set; } = [];
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        Id = id;
        Input.ValidFrom = clock.SwedishToday();
        Input.ChoiceSystemId = choiceSystemId;
        Input.Scope = choiceSystemId is null ? null : ConditionScope.Specific;
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, clock.SwedishToday(), cancellationToken) is not { } condition)
            {
                return NotFound();
            }
            var latest = condition.Latest;
            Input = new ConditionForm
            {
                Part = condition.Part,
                ValidFrom = latest.ValidFrom < clock.SwedishToday() ? clock.SwedishToday() : latest.ValidFrom.AddDays(1),
                Title = latest.Title,
                Text = latest.Text,
                ControlPoints = string.Join('\n', latest.ControlPoints),
                FollowUpOccasions = [.. latest.FollowUpOccasions],
                Sanctions = [.. latest.Sanctions],
                QualityAreaIds = [.. latest.QualityAreas.Select(a => a.Id)],
                Version = condition.Version,
            };
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, new ConditionInput(
                Input.Scope, Input.ChoiceSystemId, Input.Code, Input.Part, Input.ValidFrom, Input.DecisionReference, Input.Title, Input.Text,
                (Input.ControlPoints ?? "").Split('\n'), Input.FollowUpOccasions, Input.Sanctions, Input.QualityAreaIds, Input.Version), cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = id is null ? "Villkoret är sparat." : "Den nya versionen av villkoret är sparad.";
                return RedirectToPage("Details", new { id = result.Id });
            }
            ModelState.AddFrom(result);
        }
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await handler.GetAsync(id, clock.SwedishToday(), cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
        }
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        QualityAreas = await inForce.QualityAreasAsync(cancellationToken);
        return Page();
    }
}
