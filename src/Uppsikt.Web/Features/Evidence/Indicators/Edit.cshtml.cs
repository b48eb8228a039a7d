using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Indicators;

/// <summary>
/// An indicator's definition and targets, and for an existing one the release of its results for publication per year (decision
/// 0044): releasing or withdrawing asks for a confirmation first, and only the confirmed post changes anything.
/// </summary>
public sealed class EditModel(IndicatorsHandler handler, RegisterLookups lookups, ResultReleases releases, ICurrentActor actor,
    ResultSettings settings)
    : EditPageModel<EditModel.IndicatorForm>
{
    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    /// <summary>The years the indicator has whole-year results for, with their release; empty for a new indicator.</summary>
    public IReadOnlyList<ReleaseYear> Releases { get; private set; } = [];

    /// <summary>Set when a release (or, with <see cref="ConfirmWithdraw"/>, a withdrawal) was asked for and waits for its confirmation.</summary>
    public int? ConfirmYear { get; private set; }

    public bool ConfirmWithdraw { get; private set; }

    /// <summary>Results from fewer answers are never published (decision 0041).</summary>
    public int MinimumAnswers => settings.MinimumAnswers;

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

    /// <summary>The first post shows what releasing means; only the confirmed post releases.</summary>
    public Task<IActionResult> OnPostReleaseAsync(Guid id, int year, bool confirmed, CancellationToken cancellationToken) =>
        ReleaseStepAsync(id, year, confirmed, withdraw: false, cancellationToken);

    /// <summary>The first post shows what withdrawing means; only the confirmed post withdraws.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, int year, bool confirmed, CancellationToken cancellationToken) =>
        ReleaseStepAsync(id, year, confirmed, withdraw: true, cancellationToken);

    private async Task<IActionResult> ReleaseStepAsync(Guid id, int year, bool confirmed, bool withdraw, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (confirmed)
        {
            var workflow = WorkflowActors.From(actor);
            var result = withdraw ? await releases.WithdrawAsync(id, year, workflow, cancellationToken)
                : await releases.ReleaseAsync(id, year, workflow, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = withdraw ? $"Resultaten för {year} är inte längre publicerade." : $"Resultaten för {year} är frisläppta för publicering.";
                return RedirectToPage(new { id });
            }
            if (this.Refused(result, prefix: "") is { } refused)
            {
                return refused;
            }
        }
        else
        {
            (ConfirmYear, ConfirmWithdraw) = (year, withdraw);
        }
        return await FormAsync(id, cancellationToken);
    }

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

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        if (Id is { } id)
        {
            Releases = await releases.YearsAsync(id, cancellationToken);
        }
    }
}
