using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;

namespace Uppsikt.Web.Features.QualityReports.Templates;

/// <summary>A question as the browser's form posts it: choices and table columns one per line, "shown only when" as "2.1 = Nej".</summary>
public sealed record TemplateQuestionInput(
    string? Section, string? Code, [DataType(DataType.MultilineText)] string? Text, [DataType(DataType.MultilineText)] string? HelpText, string? Kind, [DataType(DataType.MultilineText)] string? Choices, [DataType(DataType.MultilineText)] string? Columns, bool Required,
    IReadOnlyList<Guid>? ConditionIds, string? ShownWhen, int TemplateVersion);

/// <summary>
/// Edits a draft template's questions in the browser: add, change, remove, move within a section and rename a section. The
/// rules are the template's own (<see cref="TemplateRules"/>), the same as for an imported spreadsheet; every change is
/// guarded by the template's version, and an activated template is refused.
/// </summary>
public sealed class TemplateEditor(AppDbContext db, ConditionsInForce conditions)
{
    /// <summary>The form fields a rule's problem belongs to.</summary>
    private static readonly Dictionary<QuestionField, string> FieldOf = new()
    {
        [QuestionField.Section] = nameof(TemplateQuestionInput.Section),
        [QuestionField.Code] = nameof(TemplateQuestionInput.Code),
        [QuestionField.Text] = nameof(TemplateQuestionInput.Text),
        [QuestionField.HelpText] = nameof(TemplateQuestionInput.HelpText),
        [QuestionField.Kind] = nameof(TemplateQuestionInput.Kind),
        [QuestionField.Choices] = nameof(TemplateQuestionInput.Choices),
        [QuestionField.Conditions] = nameof(TemplateQuestionInput.ConditionIds),
        [QuestionField.ShownWhen] = nameof(TemplateQuestionInput.ShownWhen),
    };

    /// <summary>The conditions a question of the template may follow up: those in force for its choice system during its year.</summary>
    public Task<List<ConditionInForce>> ConditionsAsync(Guid choiceSystemId, int year, CancellationToken cancellationToken) =>
        conditions.DuringAsync(choiceSystemId, year, cancellationToken);

    /// <summary>Adds a question (<paramref name="questionId"/> null) or changes one; the result's id is the template's.</summary>
    public async Task<SaveResult> SaveQuestionAsync(Guid templateId, Guid? questionId, TemplateQuestionInput input, CancellationToken cancellationToken)
    {
        var template = await LoadAsync(templateId, cancellationToken);
        if (template is null || (questionId is not null && !template.Questions.Exists(q => q.Id == questionId)))
        {
            return SaveResult.Missing();
        }
        if (!template.IsDraft)
        {
            return SaveResult.Refused(template.Locked);
        }
        var kindIsTable = string.Equals(input.Kind, nameof(QuestionKind.Table), StringComparison.OrdinalIgnoreCase);
        var kindHasChoices = string.Equals(input.Kind, nameof(QuestionKind.SingleChoice), StringComparison.OrdinalIgnoreCase)
            || string.Equals(input.Kind, nameof(QuestionKind.MultipleChoice), StringComparison.OrdinalIgnoreCase);
        // Only the list the kind uses counts, so switching kind does not trip over the other box's leftovers.
        var choices = Lines(kindIsTable ? input.Columns : kindHasChoices ? input.Choices : null);
        var when = input.ShownWhen?.Split('=', 2, StringSplitOptions.TrimEntries);
        var draft = new QuestionDraft(input.Section, input.Code, input.Text, input.HelpText, input.Kind, choices, input.Required,
            input.ConditionIds ?? [], when?[0], when is { Length: 2 } ? when[1] : null);
        var allowed = (await ConditionsAsync(template.ChoiceSystemId, template.Year, cancellationToken)).Select(c => c.Id).ToHashSet();

        var (index, problems) = template.SaveQuestion(questionId, draft, allowed);
        if (problems.Count > 0)
        {
            var ordered = template.Ordered.Where(q => q.Id != questionId).ToList();
            return SaveResult.Refused([.. problems.Select(problem =>
            {
                if (!TemplateRules.TryQuestionField(problem, out var at, out var field))
                {
                    return problem;
                }
                if (at == index)
                {
                    return Refusal.Invalid(Capitalise(problem.Message),
                        field == QuestionField.Choices && kindIsTable ? nameof(TemplateQuestionInput.Columns) : FieldOf[field]);
                }
                // Another question no longer fits the changed one, such as a question shown on a choice that was removed.
                var other = ordered[at < index ? at : at - 1];
                return Refusal.Invalid($"Fråga {other.Code}: {problem.Message}");
            })]);
        }
        return await SaveAsync(template, input.TemplateVersion, cancellationToken);
    }

    public Task<SaveResult> MoveAsync(Guid templateId, Guid questionId, int offset, int version, CancellationToken cancellationToken) =>
        ChangeAsync(templateId, version, t => t.Questions.Exists(q => q.Id == questionId), t => t.Move(questionId, offset), cancellationToken);

    public Task<SaveResult> RemoveAsync(Guid templateId, Guid questionId, int version, CancellationToken cancellationToken) =>
        ChangeAsync(templateId, version, t => t.Questions.Exists(q => q.Id == questionId), t => t.Remove(questionId), cancellationToken);

    public Task<SaveResult> RenameSectionAsync(Guid templateId, string section, string? newName, int version, CancellationToken cancellationToken) =>
        ChangeAsync(templateId, version, t => t.Questions.Exists(q => q.Section == section), t => t.RenameSection(section, newName), cancellationToken);

    /// <summary>
    /// One change by the template's own rules: missing (template or what the change is about), refused with the template's reason
    /// (an activated template is the wrong state, 409; anything else bad input, 400), or saved.
    /// </summary>
    private async Task<SaveResult> ChangeAsync(Guid templateId, int version, Func<QualityReportTemplate, bool> exists, Func<QualityReportTemplate, Refusal?> change,
        CancellationToken cancellationToken)
    {
        var template = await LoadAsync(templateId, cancellationToken);
        if (template is null || !exists(template))
        {
            return SaveResult.Missing();
        }
        return change(template) is { } refused ? SaveResult.Refused(refused) : await SaveAsync(template, version, cancellationToken);
    }

    private async Task<SaveResult> SaveAsync(QualityReportTemplate template, int version, CancellationToken cancellationToken)
    {
        db.ExpectVersion(template, version);
        return await db.SaveOrConflictAsync(template.Id, cancellationToken);
    }

    private Task<QualityReportTemplate?> LoadAsync(Guid templateId, CancellationToken cancellationToken) =>
        db.QualityReportTemplates.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == templateId, cancellationToken);

    private static string[] Lines(string? text) =>
        text?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static string Capitalise(string message) => message.Length == 0 ? message : char.ToUpper(message[0], SwedishText.Culture) + message[1..];
}
