using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.ChoiceSystems;

public sealed class EditModel(ChoiceSystemsHandler handler, RegisterLookups lookups) : EditPageModel<EditModel.ChoiceSystemForm>
{
    public List<SelectListItem> Committees { get; private set; } = [];

    /// <summary>The form as posted. Display names are what model binding's own messages call the fields.</summary>
    public sealed class ChoiceSystemForm
    {
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "nämnd")] public Guid? CommitteeId { get; set; }
        [Display(Name = "lagstöd")] public LegalBasis? LegalBasis { get; set; }
        [Display(Name = "driftform")] public OperatingForm? OperatingForm { get; set; }
        [Display(Name = "beskrivning"), DataType(DataType.MultilineText)] public string? Description { get; set; }
        [Display(Name = "avvecklat den")] public DateOnly? PhasedOutOn { get; set; }
        [Display(Name = "Kolada-enhetstyper")] public string? KoladaUnitTypes { get; set; }
        [Display(Name = "granskningsintervall")] public int? ReviewIntervalMonths { get; set; } = ReviewInterval.DefaultMonthsWithoutDeficiencies;
        public int Version { get; set; }
    }

    /// <summary>Shows the form; a new choice system may come with its committee chosen (from the committee's page).</summary>
    public Task<IActionResult> OnGetAsync(Guid? id, Guid? committeeId, CancellationToken cancellationToken)
    {
        Input.CommitteeId = committeeId;
        return FormAsync(id, cancellationToken);
    }

    protected override async Task<ChoiceSystemForm?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is not { } choice ? null : new ChoiceSystemForm
        {
            Name = choice.Name,
            CommitteeId = choice.CommitteeId,
            LegalBasis = choice.LegalBasis,
            OperatingForm = choice.OperatingForm,
            Description = choice.Description,
            PhasedOutOn = choice.PhasedOutOn,
            KoladaUnitTypes = string.Join(", ", choice.KoladaUnitTypes),
            ReviewIntervalMonths = choice.ReviewIntervalMonths,
            Version = choice.Version,
        };

    protected override Task<SaveResult> SaveAsync(Guid? id, ChoiceSystemForm form, CancellationToken cancellationToken) =>
        handler.SaveAsync(id, new ChoiceSystemInput(
            form.Name, form.CommitteeId, form.LegalBasis, form.OperatingForm, form.Description, form.PhasedOutOn,
            form.KoladaUnitTypes, form.Version, form.ReviewIntervalMonths ?? 0), cancellationToken);

    protected override string SavedMessage(ChoiceSystemForm form) => $"Kundvalet {form.Name?.Trim()} är sparat.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Committees = await lookups.CommitteesAsync(cancellationToken);
}
