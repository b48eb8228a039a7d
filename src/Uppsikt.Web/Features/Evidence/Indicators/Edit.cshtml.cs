using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Features.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Web.Features.Evidence.Indicators;

[Authorize(Policy = Policies.RegisterEditor)]
public sealed class EditModel(IndicatorsHandler handler, RegisterLookups lookups) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public sealed class IndicatorForm
    {
        [Display(Name = "kod")] public string? Code { get; set; }
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "enhet för värdet")] public string? UnitOfMeasure { get; set; }
        [Display(Name = "riktning")] public Direction? Direction { get; set; }
        [Display(Name = "underlag")] public EvidenceSource? Source { get; set; }
        [Display(Name = "Kolada-KPI")] public string? KoladaKpiId { get; set; }
        [Display(Name = "beskrivning")] public string? Description { get; set; }
        /// <summary>Target per choice system as typed (87,5 or 87.5); empty for none.</summary>
        public Dictionary<Guid, string?> Targets { get; set; } = [];
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, cancellationToken) is not { } indicator)
            {
                return NotFound();
            }
            Input = new IndicatorForm
            {
                Code = indicator.Code, Name = indicator.Name, UnitOfMeasure = indicator.UnitOfMeasure, Direction = indicator.Direction,
                Source = indicator.Source, KoladaKpiId = indicator.KoladaKpiId, Description = indicator.Description, Version = indicator.Version,
                Targets = indicator.Targets.ToDictionary(t => t.ChoiceSystemId, t => (string?)IndicatorChart.Format(t.Value)),
            };
        }
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var targets = new Dictionary<Guid, double?>();
        foreach (var (choiceSystemId, text) in Input.Targets)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (TableColumns.TryParseNumber(text, out var value))
            {
                targets[choiceSystemId] = value;
            }
            else
            {
                ModelState.AddModelError($"Input.Targets[{choiceSystemId}]", $"Målvärdet ”{text}” är inte ett tal (till exempel 87,5).");
            }
        }
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, new IndicatorInput(Input.Code, Input.Name, Input.UnitOfMeasure, Input.Direction, Input.Source,
                Input.KoladaKpiId, Input.Description, targets, Input.Version), cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = $"Indikatorn {Input.Code?.Trim().ToUpperInvariant()} är sparad.";
                return RedirectToPage("Index");
            }
            ModelState.AddFrom(result);
        }
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        return Page();
    }
}
