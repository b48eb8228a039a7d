using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.QualityReports.Templates;

/// <summary>
/// Adds a question to a draft template (<c>?templateId=</c>) or changes one (its id in the path), with the same rules as an
/// imported spreadsheet. The folder's editor policy keeps everyone else out; an activated template is refused with 409.
/// </summary>
public sealed class QuestionModel(TemplatesHandler reports, TemplateEditor editor) : EditPageModel<QuestionModel.QuestionForm>
{
    public TemplateDetails? Template { get; private set; }

    public List<SelectListItem> Kinds { get; private set; } = [];

    public List<SelectListItem> ShownWhenChoices { get; private set; } = [];

    public CheckboxList Conditions { get; private set; } = new("Input.ConditionIds", "Villkor som frågan följer upp", []);

    /// <summary>The form as posted. Display names are what model binding's own messages call the fields.</summary>
    public sealed class QuestionForm
    {
        public Guid TemplateId { get; set; }
        [Display(Name = "avsnitt")] public string? Section { get; set; }
        [Display(Name = "kod")] public string? Code { get; set; }
        [Display(Name = "fråga"), DataType(DataType.MultilineText)] public string? Text { get; set; }
        [Display(Name = "hjälptext"), DataType(DataType.MultilineText)] public string? HelpText { get; set; }
        [Display(Name = "frågetyp")] public string? Kind { get; set; }
        [Display(Name = "alternativ"), DataType(DataType.MultilineText)] public string? Choices { get; set; }
        [Display(Name = "kolumner"), DataType(DataType.MultilineText)] public string? Columns { get; set; }
        public bool Required { get; set; }
        [Display(Name = "villkor")] public List<Guid> ConditionIds { get; set; } = [];
        [Display(Name = "visas bara när")] public string? ShownWhen { get; set; }
        public int TemplateVersion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? templateId, string? section, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            if (templateId is not { } tid || await reports.TemplateAsync(tid, cancellationToken) is not { } template)
            {
                return NotFound();
            }
            Input = new QuestionForm { TemplateId = tid, Section = section ?? template.Questions.LastOrDefault()?.Section, Kind = nameof(QuestionKind.Text), TemplateVersion = template.Version };
        }
        return await FormAsync(id, cancellationToken);
    }

    protected override async Task<QuestionForm?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reports.TemplateOfQuestionAsync(id, cancellationToken) is not { } template)
        {
            return null;
        }
        var q = template.Questions.Single(q => q.Id == id);
        return new QuestionForm
        {
            TemplateId = template.Id,
            Section = q.Section,
            Code = q.Code,
            Text = q.Text,
            HelpText = q.HelpText,
            Kind = q.Kind.ToString(),
            Choices = q.Kind == QuestionKind.Table ? null : string.Join('\n', q.Choices),
            Columns = q.Kind == QuestionKind.Table ? string.Join('\n', q.Choices) : null,
            Required = q.Required,
            ConditionIds = [.. q.ConditionIds],
            ShownWhen = q.ShownWhenCode is null ? null : $"{q.ShownWhenCode} = {q.ShownWhenAnswer}",
            TemplateVersion = template.Version,
        };
    }

    protected override async Task<SaveResult> SaveAsync(Guid? id, QuestionForm form, CancellationToken cancellationToken)
    {
        var result = await editor.SaveQuestionAsync(form.TemplateId, id, new TemplateQuestionInput(
            form.Section, form.Code, form.Text, form.HelpText, form.Kind, form.Choices, form.Columns, form.Required, form.ConditionIds,
            form.ShownWhen, form.TemplateVersion), cancellationToken);
        if (result.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return result;
    }

    protected override string SavedMessage(QuestionForm form) => $"Fråga {form.Code?.Trim()} är sparad.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Template = await reports.TemplateAsync(Input.TemplateId, cancellationToken);
        if (Template is null)
        {
            return;
        }
        Enum.TryParse<QuestionKind>(Input.Kind, ignoreCase: true, out var kind);
        Kinds = SwedishText.Options<QuestionKind>(kind);
        var inForce = await editor.ConditionsAsync(Template.ChoiceSystemId, Template.Year, cancellationToken);
        Conditions = new CheckboxList("Input.ConditionIds", "Villkor som frågan följer upp",
            [.. inForce.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new SelectListItem($"{c.Code} {c.Title}", c.Id.ToString(), Input.ConditionIds.Contains(c.Id)))],
            $"Villkoren som gäller för {Template.ChoiceSystemName} under {Template.Year}.");
        var chosen = Input.ShownWhen?.Split('=', 2, StringSplitOptions.TrimEntries) is [var code, var answer] ? $"{code} = {answer}" : null;
        ShownWhenChoices = [.. Template.Questions
            .Where(q => q.Id != Id && TemplateRules.CanControl(q.Kind))
            .SelectMany(q => (q.Kind == QuestionKind.YesNo ? [QuestionVisibility.Yes, QuestionVisibility.No] : q.Choices)
                .Select(a => new SelectListItem($"Fråga {q.Code} besvaras ”{a}”", $"{q.Code} = {a}", $"{q.Code} = {a}" == chosen)))];
    }
}
