using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Indicators;

public sealed class EditModel(IndicatorsHandler handler, RegisterLookups lookups) : EditPageModel<EditModel.IndicatorForm>
{
    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public sealed class IndicatorForm
    {
        [Display(Name = "kod")] public string? Code { get; set; }
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "enhet för värdet")] public string? UnitOfMeasure { get; set; }
        [Display(Name = "slag av värde")] public IndicatorValueKind? ValueKind { get; set; }
        [Display(Name = "riktning")] public Direction? Direction { get; set; }
        [Display(Name = "underlag")] public EvidenceSource? Source { get; set; }
        [Display(Name = "Kolada-KPI")] public string? KoladaKpiId { get; set; }
        [Display(Name = "beskrivning"), DataType(DataType.MultilineText)] public string? Description { get; set; }
        /// <summary>Target per choice system as typed (87,5 or 87.5); empty for none.</summary>
        public Dictionary<Guid, string?> Targets { get; set; } = [];
        public int Version { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => FormAsync(id, cancellationToken);

    /// <summary>The indicator list shows every indicator with its targets; there is no details page.</summary>
    protected override IActionResult Saved(Guid id) => RedirectToPage("Index");

    protected override async Task<IndicatorForm?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } indicator
            ? new IndicatorForm
            {
                Code = indicator.Code,
                Name = indicator.Name,
                UnitOfMeasure = indicator.UnitOfMeasure,
                ValueKind = indicator.ValueKind,
                Direction = indicator.Direction,
                Source = indicator.Source,
                KoladaKpiId = indicator.KoladaKpiId,
                Description = indicator.Description,
                Version = indicator.Version,
                Targets = indicator.Targets.ToDictionary(t => t.ChoiceSystemId, t => (string?)SwedishText.Decimal(t.Value)),
            }
            : null;

    protected override async Task<SaveResult> SaveAsync(Guid? id, IndicatorForm form, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<Guid, double?>();
        var unreadable = new Dictionary<string, string[]>();
        foreach (var (choiceSystemId, text) in form.Targets.Where(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            if (TableColumns.TryParseNumber(text, out var value))
            {
                targets[choiceSystemId] = value;
            }
            else
            {
                unreadable[$"{nameof(IndicatorForm.Targets)}[{choiceSystemId}]"] = [$"Målvärdet ”{text}” är inte ett tal (till exempel 87,5)."];
            }
        }
        return unreadable.Count > 0 ? SaveResult.Invalid(unreadable)
            : await handler.SaveAsync(id, new IndicatorInput(form.Code, form.Name, form.UnitOfMeasure, form.Direction, form.Source,
                form.KoladaKpiId, form.Description, targets, form.Version, form.ValueKind), cancellationToken);
    }

    protected override string SavedMessage(IndicatorForm form) => $"Indikatorn {form.Code?.Trim().ToUpperInvariant()} är sparad.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
}
