using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Surveys;

/// <summary>A quality developer records a survey: what it is called, the year its results are for, whose units and who carries it out.</summary>
public sealed class EditModel(SurveysHandler handler, RegisterLookups lookups, TimeProvider clock) : EditPageModel<EditModel.Form>
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public int? Year { get; set; }
        public Guid? CommitteeId { get; set; }
        public Guid? ChoiceSystemId { get; set; }
        public string? Conductor { get; set; }
        [DataType(DataType.MultilineText)] public string? Method { get; set; }
        public DateOnly? OpensOn { get; set; }
        public DateOnly? ClosesOn { get; set; }
        public int Version { get; set; }
    }

    public List<SelectListItem> Committees { get; private set; } = [];

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        // A new survey is most often last year's, whose results come in early in the year after.
        Input.Year = clock.SwedishToday().Year - 1;
        return FormAsync(id, cancellationToken);
    }

    protected override async Task<Form?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } s
            ? new Form
            {
                Name = s.Name,
                Year = s.Year,
                CommitteeId = s.CommitteeId,
                ChoiceSystemId = s.ChoiceSystemId,
                Conductor = s.Conductor,
                Method = s.Method,
                OpensOn = s.OpensOn,
                ClosesOn = s.ClosesOn,
                Version = s.Version,
            }
            : null;

    protected override Task<SaveResult> SaveAsync(Guid? id, Form form, CancellationToken cancellationToken) =>
        handler.SaveAsync(id, new SurveyForm(form.Name, form.Year, form.CommitteeId, form.ChoiceSystemId, form.Conductor, form.Method,
            form.OpensOn, form.ClosesOn, form.Version), cancellationToken);

    protected override string SavedMessage(Form form) => Id is null ? "Undersökningen är registrerad. Lägg nu till dess frågor." : "Undersökningen är ändrad.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Committees = await lookups.CommitteesAsync(cancellationToken);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
    }
}
